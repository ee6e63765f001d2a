using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using JobTools.Aws.Resolution;
using JobTools.Aws.Runtime;
using JobTools.Aws.IoT;
using JobTools.Aws.Snowball;
using JobTools.Services;

namespace JobTools.Aws
{
    /// <summary>Resolves settings once, then serves pages for one cmdlet invocation.</summary>
    internal sealed class AwsJobService : IJobService
    {
        private readonly AwsSettings settings;
        private readonly ResolvedRegion region;
        private readonly Lazy<JobToolsServiceClient> snowball;
        private readonly Lazy<JobToolsServiceClient> iot;
        private string credentialSource = "(not resolved yet)";

        public AwsJobService(AwsSettings settings)
        {
            this.settings = settings;
            region = SettingsResolver.ResolveRegion(settings);
            snowball = new Lazy<JobToolsServiceClient>(() => CreateClient(ServiceDescription.Snowball));
            iot = new Lazy<JobToolsServiceClient>(() => CreateClient(ServiceDescription.IoT));
            Connection = Describe(null);
        }

        public ResolvedConnection Connection { get; private set; }

        public async Task<JobPage<SnowballClusterJob>> ListClusterJobsAsync(string clusterId, int? maxResults, string? nextToken, CancellationToken cancellationToken)
        {
            var request = new ListClusterJobsRequest(clusterId, maxResults, nextToken);
            var response = await CallAsync<ListClusterJobsResponse>(
                snowball, "ListClusterJobs", request, ListClusterJobsMarshaller.Instance, new ListClusterJobsUnmarshaller(clusterId), cancellationToken).ConfigureAwait(false);
            return new JobPage<SnowballClusterJob>(response.Item.Jobs, response.Item.NextToken, response.Item.ResponseMetadata?.RequestId, Math.Max(0, request.Attempts - 1), response.Elapsed);
        }

        public async Task<JobPage<IoTJob>> ListIoTJobsAsync(IoTJobQuery query, int? maxResults, string? nextToken, CancellationToken cancellationToken)
        {
            var request = new ListJobsRequest(query, maxResults, nextToken);
            var response = await CallAsync<ListJobsResponse>(
                iot, "ListJobs", request, ListJobsMarshaller.Instance, ListJobsUnmarshaller.Instance, cancellationToken).ConfigureAwait(false);
            return new JobPage<IoTJob>(response.Item.Jobs, response.Item.NextToken, response.Item.ResponseMetadata?.RequestId, Math.Max(0, request.Attempts - 1), response.Elapsed);
        }

        public void Dispose()
        {
            foreach (var client in new[] { snowball, iot })
            {
                if (client.IsValueCreated)
                {
                    client.Value.Dispose();
                }
            }
        }

        private static async Task<(TResponse Item, TimeSpan Elapsed)> CallAsync<TResponse>(
            Lazy<JobToolsServiceClient> client,
            string operation,
            JobToolsRequest request,
            IMarshaller<IRequest, AmazonWebServiceRequest> marshaller,
            ResponseUnmarshaller unmarshaller,
            CancellationToken cancellationToken)
            where TResponse : AmazonWebServiceResponse, new()
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var response = await client.Value.CallAsync<TResponse>(request, marshaller, unmarshaller, cancellationToken).ConfigureAwait(false);
                return (response, stopwatch.Elapsed);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                throw ErrorTranslator.Translate(ex, operation);
            }
        }

        private JobToolsServiceClient CreateClient(ServiceDescription service)
        {
            var config = new JobToolsClientConfig(service) { RetryMode = RequestRetryMode.Standard };
            if (settings.EndpointUrl != null)
            {
                config.ServiceURL = settings.EndpointUrl.ToString();
                config.AuthenticationRegion = region.Region.SystemName;
            }
            else
            {
                config.RegionEndpoint = region.Region;
            }

            var credentials = SettingsResolver.ResolveCredentials(settings, config);
            credentialSource = credentials.Source;
            Connection = Describe(service);
            return new JobToolsServiceClient(credentials.Credentials, config);
        }

        private ResolvedConnection Describe(ServiceDescription? service) => new ResolvedConnection(
            settings.EndpointUrl?.ToString() ?? $"the {service?.ServiceId ?? "service"} endpoint for {region.Region.SystemName}",
            region.Region.SystemName,
            region.Source,
            credentialSource);
    }
}
