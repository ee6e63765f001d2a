using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace JobTools.Bench
{
    /// <summary>The floor: a bare HttpClient loop that fetches and parses the same pages, unsigned, nothing more.</summary>
    internal sealed class Floor : IDisposable
    {
        private readonly HttpClient http = new();
        private readonly Uri endpoint;

        public Floor(Uri endpoint)
        {
            this.endpoint = endpoint;
        }

        public int ListIoT()
        {
            int count = 0;
            string? token = null;
            do
            {
                string url = $"jobs?maxResults=250{(token is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(token))}";
                using var response = http.GetAsync(new Uri(endpoint, url)).GetAwaiter().GetResult();
                using var page = JsonDocument.Parse(response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
                count += page.RootElement.GetProperty("jobs").GetArrayLength();
                token = page.RootElement.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
            }
            while (token != null);
            return count;
        }

        public int ListSnowball(string clusterId)
        {
            int count = 0;
            string? token = null;
            do
            {
                string body = JsonSerializer.Serialize(new { ClusterId = clusterId, MaxResults = 100, NextToken = token });
                using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1"),
                };
                request.Headers.Add("X-Amz-Target", "AWSIESnowballJobManagementService.ListClusterJobs");
                using var response = http.Send(request);
                using var page = JsonDocument.Parse(response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult());
                count += page.RootElement.GetProperty("JobListEntries").GetArrayLength();
                token = page.RootElement.TryGetProperty("NextToken", out var next) ? next.GetString() : null;
            }
            while (token != null);
            return count;
        }

        public void Dispose() => http.Dispose();
    }
}
