using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.LocalAws.Tests
{
    /// <summary>Each fault the plan can inject, and that faulted requests are still recorded with their status.</summary>
    public sealed class FaultPlanTests
    {
        private const string ErrorTypeSuffix = ":http://internal.amazon.com/coral/com.amazonaws.iot/";

        [Fact]
        public async Task ThrottleRequestsAnswersTheNumberedRequestsInEachStyle()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true, VerifySignatures = false });
            endpoint.IoT.AddGenerated(3);
            endpoint.Faults.ThrottleRequests(new[] { 2 }, ThrottleStyle.Snowball400);
            endpoint.Faults.ThrottleRequests(new[] { 4 }, ThrottleStyle.IoT400);
            endpoint.Faults.ThrottleRequests(new[] { 5 }, ThrottleStyle.IoT429WithCode);
            endpoint.Faults.ThrottleRequests(new[] { 6 }, ThrottleStyle.IoT429NoCode);
            using var client = new RawClient(endpoint);

            var first = await client.ListClusterJobs(SnowballStore.SeedClusterId);
            var snowball400 = await client.ListClusterJobs(SnowballStore.SeedClusterId);
            var third = await client.ListJobs();
            var iot400 = await client.ListJobs();
            var iot429 = await client.ListJobs();
            var bare429 = await client.ListJobs();
            var seventh = await client.ListJobs();

            Assert.Equal(new[] { 200, 400, 200, 400, 429, 429, 200 }, new[] { first, snowball400, third, iot400, iot429, bare429, seventh }.Select(r => r.StatusCode));
            SnowballProtocolTests.AssertError(snowball400, 400, "ThrottlingException");
            IoTProtocolTests.AssertError(iot400, 400, "ThrottlingException");
            IoTProtocolTests.AssertError(iot429, 429, "ThrottlingException");
            Assert.Null(bare429.ErrorType);
            Assert.Equal(string.Empty, bare429.Body);
            Assert.Equal(new[] { 200, 400, 200, 400, 429, 429, 200 }, endpoint.Requests.All.Select(r => r.StatusCode));
        }

        [Fact]
        public async Task RandomFaultsThrottleAndAreUnavailableReproduciblyInTheServicesStyle()
        {
            var snowball = await StatusesUnderRandomFaults(seed: 7, iot: false);
            var iot = await StatusesUnderRandomFaults(seed: 7, iot: true);
            var again = await StatusesUnderRandomFaults(seed: 7, iot: false);

            Assert.Equal(snowball, again);
            Assert.Equal(snowball.Select(s => s.Status), iot.Select(s => s.Status));
            Assert.InRange(snowball.Count(s => s.Status == 400), 10, 50);
            Assert.InRange(snowball.Count(s => s.Status == 503), 5, 40);
            Assert.All(snowball.Where(s => s.Status != 200), s => Assert.Equal(s.Status == 400 ? "ThrottlingException" : "ServiceUnavailableException", s.Code));
            Assert.All(iot.Where(s => s.Status != 200), s => Assert.Equal(s.Status == 400 ? "ThrottlingException" : "ServiceUnavailableException", s.Code));
        }

        [Fact]
        public async Task DropConnectionOnAbortsTheConnectionMidResponse()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true, VerifySignatures = false });
            endpoint.Faults.DropConnectionOn(2);
            using var client = new RawClient(endpoint);

            var first = await client.ListClusterJobs(SnowballStore.SeedClusterId);
            await Assert.ThrowsAsync<HttpRequestException>(() => client.SendSnowball(RawClient.SnowballBody(SnowballStore.SeedClusterId)));
            var third = await client.ListClusterJobs(SnowballStore.SeedClusterId);

            Assert.Equal(first.Body, third.Body);
            Assert.Equal(new[] { 200, 200, 200 }, endpoint.Requests.All.Select(r => r.StatusCode));
        }

        [Fact]
        public async Task MalformedBodyOnAnswers200WithTruncatedJson()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(20);
            endpoint.Faults.MalformedBodyOn(1);
            using var client = new RawClient(endpoint);

            var malformed = await client.ListJobs();
            var whole = await client.ListJobs();

            Assert.Equal(200, malformed.StatusCode);
            Assert.StartsWith(malformed.Body, whole.Body, StringComparison.Ordinal);
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(malformed.Body));
            Assert.Equal(200, endpoint.Requests.All[0].StatusCode);
        }

        [Fact]
        public async Task RewritePagesAnswersEveryPageAsRewrittenUntilCleared()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(20);
            using var client = new RawClient(endpoint);

            var whole = await client.ListJobs();
            endpoint.Faults.RewritePages(page => page.Replace("\"jobs\"", "\"Jobs\"", StringComparison.Ordinal));
            var rewritten = await client.ListJobs();
            var again = await client.ListJobs();
            endpoint.Faults.Clear();
            var cleared = await client.ListJobs();

            Assert.Contains("\"jobs\":[", whole.Body);
            Assert.Equal(whole.Body.Replace("\"jobs\"", "\"Jobs\""), rewritten.Body);
            Assert.Equal(rewritten.Body, again.Body);
            Assert.Equal(whole.Body, cleared.Body);
        }

        [Fact]
        public async Task DelayAllSlowsEveryResponseAndLetsGoWhenTheClientGivesUp()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(5);
            using var client = new RawClient(endpoint);
            endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(300));

            var stopwatch = Stopwatch.StartNew();
            var slow = await client.ListJobs();
            Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(280), stopwatch.Elapsed.ToString());
            Assert.Equal(200, slow.StatusCode);

            endpoint.Faults.DelayAll(TimeSpan.FromSeconds(30));
            using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendSnowball("{}", cancellationToken: giveUp.Token));

            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (endpoint.Requests.All.Count < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            Assert.Equal(499, endpoint.Requests.All[1].StatusCode);
        }

        [Fact]
        public async Task DisposingDoesNotWaitForADelayedResponse()
        {
            var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(5);
            endpoint.Faults.DelayAll(TimeSpan.FromSeconds(30));
            using var client = new RawClient(endpoint);
            var pending = client.ListJobs();
            while (endpoint.Requests.Arrived == 0)
            {
                await Task.Delay(10);
            }

            var stopwatch = Stopwatch.StartNew();
            await endpoint.DisposeAsync();

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), stopwatch.Elapsed.ToString());
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => pending);
        }

        [Fact]
        public async Task RepeatTokenOnMakesAPageCarryAnEarlierPagesToken()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            string cluster = SnowballStore.NewClusterId(5);
            endpoint.Snowball.AddGeneratedCluster(cluster, 100);
            endpoint.Faults.RepeatTokenOn(3, 1);
            using var client = new RawClient(endpoint);

            string? first = await NextToken(null), second = await NextToken(first), third = await NextToken(second), fourth = await NextToken(third);

            Assert.NotEqual(first, second);
            Assert.Equal(first, third);
            Assert.Equal(second, fourth);

            async Task<string?> NextToken(string? token) =>
                (await client.ListClusterJobs(cluster, 10, token)).Json.GetProperty("NextToken").GetString();
        }

        [Fact]
        public async Task ClearRemovesEveryFault()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(5);
            endpoint.Faults.ThrottleRequests(Enumerable.Range(1, 10), ThrottleStyle.IoT400);
            endpoint.Faults.RandomFaults(1.0, 0.0, seed: 1);
            endpoint.Faults.MalformedBodyOn(2);
            endpoint.Faults.DropConnectionOn(3);
            endpoint.Faults.DelayAll(TimeSpan.FromSeconds(30));
            using var client = new RawClient(endpoint);

            endpoint.Faults.Clear();

            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(200, (await client.ListJobs()).StatusCode);
            }
        }

        private static async Task<(int Status, string? Code)[]> StatusesUnderRandomFaults(int seed, bool iot)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true, VerifySignatures = false });
            endpoint.IoT.AddGenerated(5);
            endpoint.Faults.RandomFaults(throttleRate: 0.25, unavailableRate: 0.15, seed);
            using var client = new RawClient(endpoint);
            var results = new (int Status, string? Code)[100];
            for (int i = 0; i < results.Length; i++)
            {
                var reply = iot ? await client.ListJobs() : await client.ListClusterJobs(SnowballStore.SeedClusterId);
                string? code = reply.StatusCode == 200 ? null
                    : iot ? reply.ErrorType?.Replace(ErrorTypeSuffix, string.Empty, StringComparison.Ordinal)
                    : reply.Json.GetProperty("__type").GetString();
                results[i] = (reply.StatusCode, code);
            }

            return results;
        }
    }
}
