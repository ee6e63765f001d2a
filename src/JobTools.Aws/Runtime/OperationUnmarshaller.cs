using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// The SDK's unmarshalling step for one request: the whole body goes to the request's own decoder, which
    /// reads it with System.Text.Json (clear of the SDK's internal readers, which change between patch
    /// versions); errors are read by ServiceErrorReader.
    /// </summary>
    internal sealed class OperationUnmarshaller : JsonResponseUnmarshaller
    {
        private readonly JobToolsRequest request;

        public OperationUnmarshaller(JobToolsRequest request)
        {
            this.request = request;
        }

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            using var body = PooledBody.Read(context.Stream, context.ResponseData.ContentLength);
            return request.Decode(body.Span);
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode) =>
            ServiceErrorReader.Read(context, innerException, statusCode);
    }
}
