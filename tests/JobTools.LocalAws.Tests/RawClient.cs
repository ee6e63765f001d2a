using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.LocalAws.Tests
{
    /// <summary>Sends the two operations' requests unsigned (for an endpoint started with VerifySignatures = false).</summary>
    internal sealed class RawClient : IDisposable
    {
        public const string SnowballTarget = "AWSIESnowballJobManagementService.ListClusterJobs";

        private readonly HttpClient http;

        public RawClient(LocalAwsEndpoint endpoint)
        {
            http = new HttpClient { BaseAddress = endpoint.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        }

        public static LocalAwsOptions Unsigned => new() { VerifySignatures = false };

        public static string SnowballBody(string clusterId, int? maxResults = null, string? nextToken = null)
        {
            var body = new Dictionary<string, object> { ["ClusterId"] = clusterId };
            if (maxResults != null)
            {
                body["MaxResults"] = maxResults.Value;
            }

            if (nextToken != null)
            {
                body["NextToken"] = nextToken;
            }

            return JsonSerializer.Serialize(body);
        }

        public Task<HttpResponseMessage> SendSnowball(
            string body,
            string target = SnowballTarget,
            Action<HttpRequestMessage>? customize = null,
            CancellationToken cancellationToken = default)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/")
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/x-amz-json-1.1")),
            };
            request.Headers.Add("X-Amz-Target", target);
            customize?.Invoke(request);
            return http.SendAsync(request, cancellationToken);
        }

        public async Task<RawReply> ListClusterJobs(string clusterId, int? maxResults = null, string? nextToken = null) =>
            await RawReply.From(await SendSnowball(SnowballBody(clusterId, maxResults, nextToken)));

        public Task<RawReply> ListJobs(string query = "", Action<HttpRequestMessage>? customize = null) =>
            Get(query.Length == 0 ? "/jobs" : "/jobs?" + query, customize);

        public async Task<RawReply> Get(string pathAndQuery, Action<HttpRequestMessage>? customize = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
            customize?.Invoke(request);
            return await RawReply.From(await http.SendAsync(request));
        }

        /// <summary>Follows a listing to its end: the ids of every page, in order, and the number of pages.</summary>
        public async Task<(List<string> Ids, int Pages)> ListAllClusterJobs(string clusterId, int maxResults)
        {
            var ids = new List<string>();
            string? token = null;
            int pages = 0;
            do
            {
                var page = (await ListClusterJobs(clusterId, maxResults, token)).Json;
                pages++;
                ids.AddRange(page.GetProperty("JobListEntries").EnumerateArray().Select(e => e.GetProperty("JobId").GetString()!));
                token = page.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
            }
            while (token != null);
            return (ids, pages);
        }

        public void Dispose() => http.Dispose();
    }
}
