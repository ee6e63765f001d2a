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

        /// <summary>
        /// Our endpoint resolution and SigV4 auth in place of the generated clients', plus an attempt counter.
        /// Handlers that do no work for these two read operations are left out: the three event callbacks and
        /// the error callback (they raise client events nobody subscribes to), endpoint discovery, checksums and
        /// compression (no operation trait asks for them) and metrics (metrics logging is off). Retries, signing,
        /// error handling and unmarshalling stay (bench/JobTools.Bench.Micro RequestBenchmarks measures the cost).
        /// </summary>
        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            for (int callbacks = 0; callbacks < 3; callbacks++)
            {
                pipeline.RemoveHandler<CallbackHandler>();
            }

            pipeline.RemoveHandler<ErrorCallbackHandler>();
            pipeline.RemoveHandler<EndpointDiscoveryHandler>();
            pipeline.RemoveHandler<ChecksumHandler>();
            pipeline.RemoveHandler<CompressionHandler>();
            pipeline.RemoveHandler<MetricsHandler>();
            pipeline.AddHandlerAfter<Marshaller>(new ServiceEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthHandler());
            pipeline.AddHandlerAfter<RetryHandler>(new AttemptCounter());
        }
    }
}
