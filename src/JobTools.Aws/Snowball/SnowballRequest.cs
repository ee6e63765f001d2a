using System;
using System.IO;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using JobTools.Aws.Runtime;

namespace JobTools.Aws.Snowball
{
    /// <summary>
    /// A Snowball operation in awsJson1_1: POST / with X-Amz-Target naming the operation and the input as a
    /// JSON body, PascalCase members, MaxResults and NextToken when they are set.
    /// </summary>
    internal abstract class SnowballRequest<TResponse> : JobToolsRequest<TResponse>
        where TResponse : AmazonWebServiceResponse, new()
    {
        internal sealed override IRequest Marshall()
        {
            var service = ServiceDescription.Snowball;
            IRequest request = new DefaultRequest(this, service.ServiceId);
            request.Headers["X-Amz-Target"] = "AWSIESnowballJobManagementService." + Operation;
            request.Headers["Content-Type"] = "application/x-amz-json-1.1";
            request.Headers["X-Amz-Api-Version"] = service.ApiVersion;
            request.HttpMethod = "POST";
            request.ResourcePath = "/";

            using var body = new MemoryStream();
            using (var writer = new Utf8JsonWriter(body))
            {
                writer.WriteStartObject();
                WriteMembers(writer);
                if (MaxResults is int maxResults)
                {
                    writer.WriteNumber("MaxResults", maxResults);
                }

                if (NextToken != null)
                {
                    writer.WriteString("NextToken", NextToken);
                }

                writer.WriteEndObject();
            }

            request.Content = body.ToArray();
            return request;
        }

        /// <summary>The operation's own input members, written before the paging members.</summary>
        protected virtual void WriteMembers(Utf8JsonWriter body)
        {
        }

        /// <summary>A page {"listName": [items], "NextToken": "..."} of items named <paramref name="itemName"/> in messages.</summary>
        protected Page<T> ReadPage<T>(ReadOnlySpan<byte> body, string listName, string itemName, ItemReader<T> readItem) =>
            AwsJson.ReadPage(body, Operation, listName, itemName, "NextToken", readItem);
    }
}
