using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Hostile
{
    /// <summary>
    /// Servers that misbehave after the headers, redirect, drop every connection or throttle half the time: a
    /// listing still ends within its bounds, sends nothing where it should not, and makes exactly the attempts
    /// it promises.
    /// </summary>
    public sealed class HostileServerTests
    {
        [Fact]
        public async Task AStalledBodyFailsEachAttemptAfterTheTimeout()
        {
            await using var server = ScriptedServer.Start(StallAfterPartOfTheBody);
            using var session = PowerShellSession.Create();

            var stopwatch = Stopwatch.StartNew();
            var result = session.Run($"Get-IoTJob {Args(server)} -TimeoutSec 1 -MaxRetries 1");

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("no complete response within 1 s", error.Exception.Message);
            Assert.Equal(2, server.Received.Count);
        }

        [Fact]
        public async Task ADrippingBodyFailsAfterTheTimeout()
        {
            await using var server = ScriptedServer.Start(async exchange =>
            {
                await exchange.HeadAsync(200, 100_000);
                while (!exchange.Stopping.IsCancellationRequested)
                {
                    await exchange.SendAsync(" ");
                    await Task.Delay(200, exchange.Stopping);
                }
            });
            using var session = PowerShellSession.Create();

            var stopwatch = Stopwatch.StartNew();
            var result = session.Run($"Get-IoTJob {Args(server)} -TimeoutSec 2 -MaxRetries 0");

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
            Assert.Contains("no complete response within 2 s", Assert.Single(result.Errors).Exception.Message);
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task StopDuringAStalledBodyReturnsWithinASecond()
        {
            await using var server = ScriptedServer.Start(StallAfterPartOfTheBody);
            using var session = PowerShellSession.Create();

            using var shell = session.Begin($"Get-IoTJob {Args(server)}", out _);
            var stopTook = await Stopping.StopOnceArrivedAsync(shell, () => server.Received.Count > 0);

            Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stop took {stopTook}");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Empty(shell.Streams.Error);
        }

        [Theory]
        [InlineData(302)]
        [InlineData(307)]
        public async Task ARedirectIsAnErrorAndNothingIsSentOn(int status)
        {
            await using var target = ScriptedServer.Start(exchange => exchange.RespondAsync(200, "{\"Jobs\":[]}"));
            await using var redirecting = ScriptedServer.Start(exchange => exchange.RespondAsync(status, string.Empty, ("Location", target.BaseUri.ToString())));
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-SnowballClusterJob CID123e4567-e89b-12d3-a456-426655440000 {Args(redirecting)} -SessionToken session-token-SECRET-4242");

            var error = Assert.Single(result.Errors);
            Assert.Equal("UnexpectedRedirect,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Contains($"HTTP {status}", error.Exception.Message);
            Assert.Contains(target.BaseUri.ToString(), error.Exception.Message);
            Assert.Contains("request id none", error.Exception.Message);
            Assert.Single(redirecting.Received);
            Assert.Equal("POST", redirecting.Received[0].Method);
            Assert.Empty(target.Received);
            Assert.Equal(0, target.Connections);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(3)]
        public async Task EveryConnectionDroppedMakesExactlyTheRetriesPromised(int retries)
        {
            await using var server = ScriptedServer.Start(exchange =>
            {
                exchange.Drop();
                return Task.CompletedTask;
            });
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob {Args(server)} -MaxRetries {retries} -Verbose");

            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Equal(retries + 1, server.Received.Count);
            Assert.Equal(retries, result.Verbose.Count(v => v.StartsWith("Attempt ", StringComparison.Ordinal)));
            Assert.Contains(result.Verbose, v => v.StartsWith($"Listed 0 jobs: 0 pages, {retries + 1} requests, {retries} retries", StringComparison.Ordinal));
        }

        [Fact]
        public void ARefusedConnectionFailsWithinSecondsAndSaysSoAsItRetries()
        {
            using var session = PowerShellSession.Create();
            var stopwatch = Stopwatch.StartNew();
            var result = session.Run($"Get-IoTJob -EndpointUrl http://127.0.0.1:{Stopping.ClosedPort()}/ -Region us-east-1 -AccessKey A -SecretKey B -Verbose");

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("Gave up after 3 attempts.", error.Exception.Message);
            var retried = result.Verbose.Where(v => v.StartsWith("Attempt ", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, retried.Count);
            Assert.Matches(@"^Attempt 1 of 3 failed: .+; retrying in \d+\.\d s\.$", retried[0]);
            Assert.Contains(result.Verbose, v => v.StartsWith("Listed 0 jobs: 0 pages, 3 requests, 2 retries", StringComparison.Ordinal));
        }

        [Fact]
        public async Task EachRetryIsWrittenWhileTheListingIsStillWaiting()
        {
            await using var server = ScriptedServer.Start(exchange => exchange.Number == 1
                ? exchange.RespondAsync(400, "{\"message\":\"Rate exceeded\"}", ("x-amzn-ErrorType", "ThrottlingException"), ("x-amzn-RequestId", "req-1"))
                : exchange.StallAsync());
            using var session = PowerShellSession.Create();

            using var shell = session.Begin($"Get-IoTJob {Args(server)} -Verbose", out _);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (!shell.Streams.Verbose.Any(v => v.Message.StartsWith("Attempt 1 of 9 failed", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(PSInvocationState.Running, shell.InvocationStateInfo.State);
            var line = Assert.Single(shell.Streams.Verbose, v => v.Message.StartsWith("Attempt ", StringComparison.Ordinal));
            Assert.Matches(@"^Attempt 1 of 9 failed: ThrottlingException \(HTTP 400, request id req-1\); retrying in \d+\.\d s\.$", line.Message);

            // Between attempts or in the stalled second one, Ctrl+C still ends it at once.
            var stopwatch = Stopwatch.StartNew();
            shell.Stop();
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {stopwatch.Elapsed}");
        }

        [Fact]
        public async Task EveryListingOfALongSessionGetsItsFullRetries()
        {
            // Every call is throttled once, then answered: enough retries over the calls of these sessions to
            // drain a retry quota shared by the process, as AWSSDK.Core's Standard mode has.
            var throttled = new ConcurrentDictionary<string, bool>();
            await using var server = ScriptedServer.Start(exchange =>
            {
                string call = exchange.Request.Headers["amz-sdk-invocation-id"];
                if (throttled.TryAdd(call, true))
                {
                    return exchange.RespondAsync(400, "{\"message\":\"Rate exceeded\"}", ("x-amzn-ErrorType", "ThrottlingException"));
                }

                int page = exchange.Request.Path.Contains("nextToken=t", StringComparison.Ordinal)
                    ? int.Parse(exchange.Request.Path[(exchange.Request.Path.IndexOf("nextToken=t", StringComparison.Ordinal) + 11)..].Split('&')[0])
                    : 0;
                string next = page < 9 ? $",\"nextToken\":\"t{page + 1}\"" : string.Empty;
                return exchange.RespondAsync(200, $"{{\"jobs\":[{{\"jobId\":\"j{page}\"}}]{next}}}");
            });
            var sessions = Enumerable.Range(0, 8).Select(_ => PowerShellSession.Create()).ToList();
            try
            {
                for (int round = 0; round < 3; round++)
                {
                    var results = await Task.WhenAll(sessions.Select(session => Task.Run(() => session.Run($"Get-IoTJob {Args(server)} -MaxResults 1 -MaxRetries 1"))));
                    foreach (var result in results)
                    {
                        Assert.Empty(result.Errors);
                        Assert.Equal(10, result.Output.Count);
                    }
                }
            }
            finally
            {
                sessions.ForEach(session => session.Dispose());
            }

            Assert.Equal(3 * 8 * 10 * 2, server.Received.Count);
        }

        /// <summary>The headers and the start of a page, then nothing until the server is disposed.</summary>
        private static async Task StallAfterPartOfTheBody(ScriptedExchange exchange)
        {
            await exchange.HeadAsync(200, 1000);
            await exchange.SendAsync("{\"jobs\":[");
            await exchange.StallAsync();
        }

        private static string Args(ScriptedServer server) => $"-EndpointUrl '{server.BaseUri}' -Region us-east-1 -AccessKey AKIDHOSTILE -SecretKey hostile-secret-0123456789";
    }
}
