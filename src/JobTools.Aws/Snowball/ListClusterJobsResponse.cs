using System.Collections.Generic;
using Amazon.Runtime;

namespace JobTools.Aws.Snowball
{
    internal sealed class ListClusterJobsResponse : AmazonWebServiceResponse
    {
        public IReadOnlyList<SnowballClusterJob> Jobs { get; set; } = new List<SnowballClusterJob>();

        public string? NextToken { get; set; }
    }
}
