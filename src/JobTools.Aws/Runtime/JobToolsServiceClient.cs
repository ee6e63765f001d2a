using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// A service client with just the operations we need; credentials, signing, endpoint resolution and error
    /// typing come from AWSSDK.Core's pipeline, retries from <see cref="ListingRetryPolicy"/>.
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
        /// Our endpoint resolution and SigV4 auth in place of the generated clients', and our retry rules in
        /// place of the Standard policy. Inside the retry step: an attempt counter and the per-attempt deadline;
        /// inside the signer: the capture of what was signed, for the redactor; in front of the unmarshaller: the
        /// guard that turns a redirect into an error. Handlers that do no work for these two read operations are
        /// left out: the three event callbacks and the error callback (they raise client events nobody
        /// subscribes to), endpoint discovery, checksums and compression (no operation trait asks for them) and
        /// metrics (metrics logging is off). Signing, error handling and unmarshalling stay
        /// (bench/JobTools.Bench.Micro RequestBenchmarks measures the cost).
        /// </summary>
        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            var config = (JobToolsClientConfig)Config;
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
            pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new ListingRetryPolicy(config.MaxErrorRetry, config.RetryObserver, config.Redactor)));
            pipeline.AddHandlerAfter<RetryHandler>(new AttemptDeadline());
            pipeline.AddHandlerAfter<RetryHandler>(new AttemptCounter(config.Redactor));
            pipeline.AddHandlerAfter<Signer>(new SentSecrets(config.Redactor));
            pipeline.AddHandlerAfter<Unmarshaller>(new RedirectGuard());
        }
    }
}
