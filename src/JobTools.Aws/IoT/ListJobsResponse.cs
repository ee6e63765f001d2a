using System.Collections.Generic;
using Amazon.Runtime;

namespace JobTools.Aws.IoT
{
    internal sealed class ListJobsResponse : AmazonWebServiceResponse
    {
        public IReadOnlyList<IoTJob> Jobs { get; set; } = new List<IoTJob>();

        public string? NextToken { get; set; }
    }
}
