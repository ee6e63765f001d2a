using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// A JSON response unmarshaller that decodes the whole body with System.Text.Json (clear of the SDK's
    /// internal readers, which change between patch versions) and reads errors with ServiceErrorReader.
    /// </summary>
    internal abstract class PageUnmarshaller : JsonResponseUnmarshaller
    {
        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            using var body = PooledBody.Read(context.Stream, context.ResponseData.ContentLength);
            return Decode(body.Span);
        }

        public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode) =>
            ServiceErrorReader.Read(context, innerException, statusCode);

        protected abstract AmazonWebServiceResponse Decode(ReadOnlySpan<byte> body);
    }
}
