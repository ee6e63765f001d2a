using JobTools.Aws.Runtime;
using JobTools.Services;

namespace JobTools.Aws.IoT
{
    internal sealed class ListJobsRequest : JobToolsRequest
    {
        public ListJobsRequest(IoTJobQuery query, int? maxResults, string? nextToken)
        {
            Query = query;
            MaxResults = maxResults;
            NextToken = nextToken;
        }

        public IoTJobQuery Query { get; }

        public int? MaxResults { get; }

        public string? NextToken { get; }
    }
}
