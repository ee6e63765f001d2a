using System.IO;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace JobTools.Aws.Snowball
{
    /// <summary>awsJson1_1: POST / with X-Amz-Target and a JSON body.</summary>
    internal sealed class ListClusterJobsMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly ListClusterJobsMarshaller Instance = new ListClusterJobsMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var source = (ListClusterJobsRequest)input;
            IRequest request = new DefaultRequest(input, "Snowball");
            request.Headers["X-Amz-Target"] = "AWSIESnowballJobManagementService.ListClusterJobs";
            request.Headers["Content-Type"] = "application/x-amz-json-1.1";
            request.Headers["X-Amz-Api-Version"] = "2016-06-30";
            request.HttpMethod = "POST";
            request.ResourcePath = "/";

            using var body = new MemoryStream();
            using (var writer = new Utf8JsonWriter(body))
            {
                writer.WriteStartObject();
                writer.WriteString("ClusterId", source.ClusterId);
                if (source.MaxResults is int maxResults)
                {
                    writer.WriteNumber("MaxResults", maxResults);
                }

                if (source.NextToken != null)
                {
                    writer.WriteString("NextToken", source.NextToken);
                }

                writer.WriteEndObject();
            }

            request.Content = body.ToArray();
            return request;
        }
    }
}
