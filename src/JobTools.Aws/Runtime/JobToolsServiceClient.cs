using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// A service client with just the operations we need; credentials, signing, retries, endpoint
    /// resolution and error typing all come from AWSSDK.Core's pipeline.
    /// </summary>
    internal sealed class JobToolsServiceClient : AmazonServiceClient
    {
        public JobToolsServiceClient(AWSCredentials credentials, JobToolsClientConfig config)
            : base(credentials, config)
        {
        }

        public Task<TResponse> CallAsync<TResponse>(
            AmazonWebServiceRequest request,
            IMarshaller<IRequest, AmazonWebServiceRequest> marshaller,
            ResponseUnmarshaller unmarshaller,
            CancellationToken cancellationToken)
            where TResponse : AmazonWebServiceResponse, new()
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = marshaller,
                ResponseUnmarshaller = unmarshaller,
            };
            return InvokeAsync<TResponse>(request, options, cancellationToken);
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new ServiceEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthHandler());
            pipeline.AddHandlerAfter<RetryHandler>(new AttemptCounter());
        }
    }
}
