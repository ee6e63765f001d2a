using JobTools.Aws.Runtime;

namespace JobTools.Aws.Snowball
{
    internal sealed class ListClusterJobsRequest : JobToolsRequest
    {
        public ListClusterJobsRequest(string clusterId, int? maxResults, string? nextToken)
        {
            ClusterId = clusterId;
            MaxResults = maxResults;
            NextToken = nextToken;
        }

        public string ClusterId { get; }

        public int? MaxResults { get; }

        public string? NextToken { get; }
    }
}
