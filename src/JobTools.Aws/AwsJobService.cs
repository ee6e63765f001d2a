using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
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
        private readonly int maxRetries;
        private string credentialSource = "(not resolved yet)";

        public AwsJobService(AwsSettings settings)
        {
            this.settings = settings;
            region = SettingsResolver.ResolveRegion(settings);
            maxRetries = SettingsResolver.ResolveMaxRetries(settings);
            snowball = new Lazy<JobToolsServiceClient>(() => CreateClient(ServiceDescription.Snowball));
            iot = new Lazy<JobToolsServiceClient>(() => CreateClient(ServiceDescription.IoT));
            Connection = Describe(null);
        }

        public ResolvedConnection Connection { get; private set; }

        public Task<JobPage<SnowballClusterJob>> ListClusterJobsAsync(string clusterId, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
            ListAsync(snowball, new ListClusterJobs(clusterId) { MaxResults = maxResults, NextToken = nextToken }, cancellationToken);

        public Task<JobPage<IoTJob>> ListIoTJobsAsync(IoTJobQuery query, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
            ListAsync(iot, new ListJobs(query) { MaxResults = maxResults, NextToken = nextToken }, cancellationToken);

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

        private static async Task<JobPage<T>> ListAsync<T>(Lazy<JobToolsServiceClient> client, JobToolsRequest<Page<T>> request, CancellationToken cancellationToken)
        {
            var (page, elapsed, retries) = await CallAsync(client, request, cancellationToken).ConfigureAwait(false);
            return new JobPage<T>(page.Items, page.NextToken, page.Problems, page.ResponseMetadata?.RequestId, retries, elapsed);
        }

        /// <summary>
        /// One call through the SDK pipeline, which retries throttling, 5xx, dropped connections and bodies that
        /// cannot be decoded (these operations are reads, so sending one again is safe).
        /// </summary>
        private static async Task<(TResponse Response, TimeSpan Elapsed, IReadOnlyList<string> Retries)> CallAsync<TResponse>(
            Lazy<JobToolsServiceClient> client,
            JobToolsRequest<TResponse> request,
            CancellationToken cancellationToken)
            where TResponse : AmazonWebServiceResponse, new()
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var response = await client.Value.CallAsync<TResponse>(request, OperationMarshaller.Instance, new OperationUnmarshaller(request), cancellationToken).ConfigureAwait(false);
                return (response, stopwatch.Elapsed, request.Failures);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                var error = ErrorTranslator.Translate(ex, request.Operation);
                int attempts = request.Attempts;
                if (attempts <= 1)
                {
                    throw error;
                }

                throw new JobToolsServiceException($"{error.Message} Gave up after {attempts} attempts.", error.Kind, error.ErrorCode, error.RequestId, error.StatusCode);
            }
        }

        private JobToolsServiceClient CreateClient(ServiceDescription service)
        {
            var config = new JobToolsClientConfig(service)
            {
                RetryMode = RequestRetryMode.Standard,
                MaxErrorRetry = maxRetries,
                Timeout = settings.Timeout,
                DisableLogging = true,
                LogMetrics = false,
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            };
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

        /// <summary>What the SDK will use without -EndpointUrl: the environment's endpoint URLs, else the region's endpoint.</summary>
        private string ConfiguredEndpoint(ServiceDescription? service)
        {
            foreach (string? variable in new[] { service is null ? null : "AWS_ENDPOINT_URL_" + service.ServiceId.ToUpperInvariant(), "AWS_ENDPOINT_URL" })
            {
                if (variable != null && Environment.GetEnvironmentVariable(variable) is string url && url.Length > 0)
                {
                    return $"{url} ({variable})";
                }
            }

            return $"the {service?.ServiceId ?? "service"} endpoint for {region.Region.SystemName} (or the config file's services section)";
        }

        private ResolvedConnection Describe(ServiceDescription? service) => new ResolvedConnection(
            settings.EndpointUrl is Uri url ? $"{url} (-EndpointUrl)" : ConfiguredEndpoint(service),
            region.Region.SystemName,
            region.Source,
            credentialSource);
    }
}
