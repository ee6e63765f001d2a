using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace JobTools.Aws.IoT
{
    /// <summary>rest-json: GET /jobs with the filters as query parameters.</summary>
    internal sealed class ListJobsMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly ListJobsMarshaller Instance = new ListJobsMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var source = (ListJobsRequest)input;
            IRequest request = new DefaultRequest(input, "IoT");
            request.HttpMethod = "GET";
            request.ResourcePath = "/jobs";
            request.UseQueryString = true;
            var query = source.Query;
            Add(request, "status", query.Status);
            Add(request, "targetSelection", query.TargetSelection);
            Add(request, "thingGroupName", query.ThingGroupName);
            Add(request, "thingGroupId", query.ThingGroupId);
            Add(request, "namespaceId", query.NamespaceId);
            Add(request, "maxResults", source.MaxResults?.ToString(CultureInfo.InvariantCulture));
            Add(request, "nextToken", source.NextToken);
            return request;
        }

        private static void Add(IRequest request, string name, string? value)
        {
            if (value != null)
            {
                request.Parameters.Add(name, value);
            }
        }
    }
}
