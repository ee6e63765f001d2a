using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
    /// <summary>
    /// One cmdlet invocation's connection to one service: region, retries, endpoint, credentials and client are
    /// resolved here, once, before any request, and <see cref="Connection"/> describes them as they are.
    /// </summary>
    internal sealed class AwsJobService : IJobService
    {
        private readonly ServiceDescription service;
        private readonly AWSCredentials credentials;
        private readonly JobToolsServiceClient client;
        private readonly Redactor redactor = new Redactor();

        public AwsJobService(AwsSettings settings, IRetryObserver? retryObserver)
        {
            redactor.Add(settings.SecretKey);
            redactor.Add(settings.SessionToken);
            service = settings.Service == AwsService.IoT ? ServiceDescription.IoT : ServiceDescription.Snowball;
            var profiles = new ProfileFiles(settings.ProfileLocation);
            var region = SettingsResolver.ResolveRegion(settings, profiles);
            var config = new JobToolsClientConfig(service, retryObserver, redactor)
            {
                MaxErrorRetry = SettingsResolver.ResolveMaxRetries(settings, profiles),
                Timeout = settings.Timeout,
                UseFIPSEndpoint = SettingsResolver.UseFips(settings, profiles),
                UseDualstackEndpoint = SettingsResolver.UseDualStack(settings, profiles),
            };
            var endpoint = SettingsResolver.ResolveEndpoint(settings, config, profiles);
            if (endpoint.Url != null && Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var withUser))
            {
                redactor.Add(withUser.UserInfo);
            }
            if (endpoint.Url != null)
            {
                config.ServiceURL = endpoint.Url;
                config.AuthenticationRegion = region.Region.SystemName;
            }
            else
            {
                config.RegionEndpoint = region.Region;
            }

            var resolved = SettingsResolver.ResolveCredentials(settings, profiles, region.Region, config);
            credentials = resolved.Credentials;
            client = new JobToolsServiceClient(credentials, config);
            Connection = new ResolvedConnection(
                endpoint.Url is null ? $"the {service.ServiceId} endpoint of {region.Region.SystemName}" : $"{WithoutUserInfo(endpoint.Url)} ({endpoint.Source})",
                region.Region.SystemName,
                region.Source,
                resolved.Source,
                Warnings(endpoint, profiles));
        }

        public ResolvedConnection Connection { get; }

        public Task<JobPage<SnowballClusterJob>> ListClusterJobsAsync(string clusterId, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
            ListAsync(ServiceDescription.Snowball, new ListClusterJobs(clusterId) { MaxResults = maxResults, NextToken = nextToken }, cancellationToken);

        public Task<JobPage<IoTJob>> ListIoTJobsAsync(IoTJobQuery query, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
            ListAsync(ServiceDescription.IoT, new ListJobs(query) { MaxResults = maxResults, NextToken = nextToken }, cancellationToken);

        public Task<JobPage<SnowballCluster>> ListClustersAsync(int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
            ListAsync(ServiceDescription.Snowball, new ListClusters { MaxResults = maxResults, NextToken = nextToken }, cancellationToken);

        public Task<JobPage<IoTThingGroup>> ListThingGroupsAsync(string? namePrefix, int? maxResults, string? nextToken, CancellationToken cancellationToken) =>
            ListAsync(ServiceDescription.IoT, new ListThingGroups(namePrefix) { MaxResults = maxResults, NextToken = nextToken }, cancellationToken);

        public async Task<JobPage<IoTJobDetail>> DescribeIoTJobAsync(string jobId, bool beforeSubstitution, CancellationToken cancellationToken)
        {
            Expect(ServiceDescription.IoT);
            var (described, elapsed, retries) = await CallAsync(new DescribeJob(jobId, beforeSubstitution), cancellationToken).ConfigureAwait(false);
            return new JobPage<IoTJobDetail>(new[] { described.Item! }, null, Cleaned(described.Problems), redactor.CleanOrNull(described.ResponseMetadata?.RequestId), retries, elapsed);
        }

        public void Dispose()
        {
            client.Dispose();
            (credentials as IDisposable)?.Dispose();
        }

        /// <summary>The URL as it may be shown: a user name and password in it are left out.</summary>
        private static string WithoutUserInfo(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0
                ? new UriBuilder(parsed) { UserName = string.Empty, Password = string.Empty }.Uri.ToString()
                : url;

        /// <summary>Plain http to another host, and a profile file that could not be read for optional settings.</summary>
        private static IReadOnlyList<string> Warnings(ResolvedEndpoint endpoint, ProfileFiles profiles)
        {
            var warnings = new List<string>();
            if (endpoint.Url != null && Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
            {
                warnings.Add($"The endpoint {url.GetLeftPart(UriPartial.Authority)} (from {endpoint.Source}) uses plain http to a host other than this computer: the signed requests and the job listings travel unencrypted. Use https unless the network is trusted.");
            }

            if (profiles.Problem != null)
            {
                warnings.Add($"{profiles.Problem} Settings this listing could take from it (max_attempts, endpoint_url, use_fips_endpoint) were not used.");
            }

            return warnings;
        }

        private async Task<JobPage<T>> ListAsync<T>(ServiceDescription target, JobToolsRequest<Page<T>> request, CancellationToken cancellationToken)
        {
            Expect(target);
            var (page, elapsed, retries) = await CallAsync(request, cancellationToken).ConfigureAwait(false);
            return new JobPage<T>(page.Items, page.NextToken, Cleaned(page.Problems), redactor.CleanOrNull(page.ResponseMetadata?.RequestId), retries, elapsed);
        }

        private void Expect(ServiceDescription target)
        {
            if (target != service)
            {
                throw new InvalidOperationException($"This connection is to {service.ServiceId}, not {target.ServiceId}.");
            }
        }

        /// <summary>A problem quotes a value from the server (shortened), which may echo a secret this connection sent.</summary>
        private IReadOnlyList<ItemProblem> Cleaned(IReadOnlyList<ItemProblem> problems) => problems.Count == 0
            ? problems
            : problems.Select(problem => problem with { Message = redactor.Clean(problem.Message) }).ToList();

        /// <summary>
        /// One call through the SDK pipeline, which retries by <see cref="ListingRetryPolicy"/>'s rules (these
        /// operations are reads, so sending one again is safe).
        /// </summary>
        private async Task<(TResponse Response, TimeSpan Elapsed, IReadOnlyList<string> Retries)> CallAsync<TResponse>(
            JobToolsRequest<TResponse> request,
            CancellationToken cancellationToken)
            where TResponse : AmazonWebServiceResponse, new()
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var response = await client.CallAsync<TResponse>(request, OperationMarshaller.Instance, new OperationUnmarshaller(request), cancellationToken).ConfigureAwait(false);
                return (response, stopwatch.Elapsed, request.Failures);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                var error = ErrorTranslator.Translate(ex, request.Operation, redactor);
                int attempts = request.Attempts;
                var failed = new JobToolsServiceException(error.Message, error.Kind, error.ErrorCode, error.RequestId, error.StatusCode, attempts);
                throw attempts <= 1 ? failed : failed.Continued($"Gave up after {attempts} attempts.");
            }
        }
    }
}
