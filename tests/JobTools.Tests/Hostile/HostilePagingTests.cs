using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using JobTools.Tests.Reliability;

namespace JobTools.Tests.Hostile
{
    /// <summary>
    /// Servers whose page tokens never end or go back: a listing stops with a clear error and a resume point,
    /// never loops without end and never writes a job twice.
    /// </summary>
    public sealed class HostilePagingTests
    {
        internal const string Cluster = "CID123e4567-e89b-12d3-a456-426655440000";

        [Fact]
        public async Task EndlessEmptyPagesStopAtTheDefaultBound()
        {
            await using var server = ScriptedServer.Start(exchange =>
                exchange.RespondAsync(200, SnowballPage(Array.Empty<string>(), $"fresh-{exchange.Number}")));
            using var session = PowerShellSession.Create();

            var result = RunBounded(session, $"Get-SnowballClusterJob {Cluster} {Endpoint(server)}");

            AssertStopped(result, "TooManyEmptyPages,JobTools.Commands.GetSnowballClusterJobCommand", ErrorCategory.LimitsExceeded, "fresh-1000", 1000, "1000 empty pages", "-NextToken 'fresh-1000'", "-MaxPages");
            Assert.Equal(1000, server.Received.Count);
        }

        [Fact]
        public async Task ATokenThatGoesBackToAnEarlierPageNeverWritesAJobTwice()
        {
            // Page 3's token is new text for page 1's position: its jobs were written already.
            await using var server = ScriptedServer.Start(exchange =>
            {
                string? token = Query(exchange.Request.Path, "nextToken");
                var (first, next) = token switch
                {
                    null => (1, "to-page-2"),
                    "to-page-2" => (251, "to-page-3"),
                    "to-page-3" => (1, "to-page-2-again"),
                    _ => (251, "to-page-3"),
                };
                return exchange.RespondAsync(200, IoTPage(Enumerable.Range(first, 250).Select(i => $"job-{i}"), next));
            });
            using var session = PowerShellSession.Create();

            var result = RunBounded(session, $"Get-IoTJob {Endpoint(server)}");

            var ids = result.Strings("JobId").ToList();
            Assert.Equal(Enumerable.Range(1, 500).Select(i => $"job-{i}"), ids);
            AssertStopped(result, "ItemRepeated,JobTools.Commands.GetIoTJobCommand", ErrorCategory.InvalidResult, "to-page-3", 2, "'job-1'", "-NextToken 'to-page-3'");
            Assert.Equal(3, server.Received.Count);
        }

        [Fact]
        public async Task AJobTwiceOnOnePageIsRefusedBeforeAnyOfThePageIsWritten()
        {
            await using var server = ScriptedServer.Start(exchange => exchange.Number == 1
                ? exchange.RespondAsync(200, SnowballPage(new[] { "JID-a", "JID-b" }, "page-2"))
                : exchange.RespondAsync(200, SnowballPage(new[] { "JID-c", "JID-d", "JID-c" }, null)));
            using var session = PowerShellSession.Create();

            var result = RunBounded(session, $"Get-SnowballClusterJob {Cluster} {Endpoint(server)}");

            Assert.Equal(new[] { "JID-a", "JID-b" }, result.Strings("JobId"));
            AssertStopped(result, "ItemRepeated,JobTools.Commands.GetSnowballClusterJobCommand", ErrorCategory.InvalidResult, "page-2", 1, "'JID-c'");
        }

        /// <summary>The one error that stopped the listing: its id, its category, its resume point and what its message names.</summary>
        private static void AssertStopped(ScriptResult result, string id, ErrorCategory category, string token, int pagesWritten, params string[] named)
        {
            var error = Assert.Single(result.Errors);
            Assert.Equal(id, error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category);
            foreach (string text in named)
            {
                Assert.Contains(text, error.Exception.Message);
            }

            var resume = ListingResumePointView.From(error.TargetObject);
            Assert.Equal((token, pagesWritten), (resume.NextToken, resume.PagesWritten));
        }

        internal static string Endpoint(ScriptedServer server) =>
            $"-EndpointUrl '{server.BaseUri}' -Region us-east-1 -AccessKey AKIDHOSTILE -SecretKey hostile-secret-0123456789 -MaxRetries 0";

        /// <summary>Runs a script, stopping it after a minute: a listing that never ends fails the test instead of hanging it.</summary>
        internal static ScriptResult RunBounded(PowerShellSession session, string script)
        {
            using var shell = session.Begin(script, out var pending);
            bool finished = pending.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60));
            if (!finished)
            {
                shell.Stop();
            }

            Assert.True(finished, "the listing was still running after 60 s");
            var output = shell.EndInvoke(pending).ToList();
            return new ScriptResult(output, shell.Streams);
        }

        private static string? Query(string pathAndQuery, string name)
        {
            int start = pathAndQuery.IndexOf('?');
            return start < 0 ? null : pathAndQuery[(start + 1)..].Split('&')
                .Select(pair => pair.Split('=', 2))
                .Where(pair => pair[0] == name)
                .Select(pair => Uri.UnescapeDataString(pair[1]))
                .FirstOrDefault();
        }

        internal static string SnowballPage(string[] jobIds, string? nextToken) => JsonSerializer.Serialize(new
        {
            JobListEntries = jobIds.Select(id => new { JobId = id, JobState = "New", JobType = "LOCAL_USE", SnowballType = "EDGE", CreationDate = 1480475524.335m, Description = "hostile" }),
            NextToken = nextToken,
        });

        private static string IoTPage(System.Collections.Generic.IEnumerable<string> jobIds, string nextToken) => JsonSerializer.Serialize(new
        {
            jobs = jobIds.Select(id => new { jobArn = "arn:aws:iot:us-east-1:123456789012:job/" + id, jobId = id, status = "IN_PROGRESS", targetSelection = "SNAPSHOT", createdAt = 1700000000.5m }),
            nextToken,
        });
    }

    /// <summary>Memory measured with nothing else running in the test process.</summary>
    [Collection(MeasuredAloneCollection.Name)]
    public sealed class PageTokenMemoryTests
    {
        [Fact]
        public async Task LongFreshTokensAreNeitherKeptNorQuotedWhole()
        {
            string padding = new string('t', 64 * 1024);
            long early = 0, late = 0;
            await using var server = ScriptedServer.Start(exchange =>
            {
                if (exchange.Number == 100)
                {
                    early = GC.GetTotalMemory(forceFullCollection: true);
                }
                else if (exchange.Number == 1000)
                {
                    late = GC.GetTotalMemory(forceFullCollection: true);
                }

                return exchange.RespondAsync(200, HostilePagingTests.SnowballPage(Array.Empty<string>(), $"{exchange.Number}-{padding}"));
            });
            using var session = PowerShellSession.Create();

            var result = HostilePagingTests.RunBounded(session, $"Get-SnowballClusterJob {HostilePagingTests.Cluster} {HostilePagingTests.Endpoint(server)} -MaxPages 1100");

            // -MaxPages replaces the default bound on empty pages.
            var error = Assert.Single(result.Errors);
            Assert.Equal("MaxPagesReached,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal($"1100-{padding}", ListingResumePointView.From(error.TargetObject).NextToken);
            Assert.True(error.Exception.Message.Length < 1000, $"a message of {error.Exception.Message.Length} characters");
            Assert.True(error.ToString().Length < 1000, $"an error record shown in {error.ToString().Length} characters");

            // The server keeps every request it read (each carries its token): that much is not the client's.
            long kept = server.Received.Skip(100).Take(900).Sum(r => (long)(r.Body.Length + r.Path.Length) * sizeof(char));
            long grown = late - early - kept;
            Assert.True(grown < 32 * 1024 * 1024, $"the client kept {grown / 1024 / 1024} MB over 900 pages of 64 KB tokens");
        }
    }

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class MeasuredAloneCollection
    {
        public const string Name = "Measured alone";
    }
}
