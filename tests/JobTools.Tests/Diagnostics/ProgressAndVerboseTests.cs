using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using JobTools.Hosting;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Diagnostics
{
    /// <summary>Write-Progress during auto-paging, and the -Verbose / -Debug trail.</summary>
    public sealed class ProgressAndVerboseTests
    {
        [Fact]
        public async Task MultiPageListingReportsProgressThatMatchesWhatWasWrittenAndEndsWithCompleted()
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.IoT.AddGenerated(3000);
            local.Endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(130));

            var result = local.Run("Get-IoTJob -MaxResults 100 @aws");

            Assert.Empty(result.Errors);
            Assert.True(result.Progress.Count >= 3, $"{result.Progress.Count} progress records");
            Assert.True(result.Progress.Count < 30, $"{result.Progress.Count} progress records: not throttled");
            AssertProgressCounts(result, "Listing IoT jobs", "jobs", 100);
        }

        [Fact]
        public async Task GetSnowballClusterReportsProgressInClusters()
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.Snowball.AddGeneratedClusters(60);
            local.Endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(130));

            var result = local.Run("Get-SnowballCluster -MaxResults 5 @aws");

            Assert.Empty(result.Errors);
            Assert.Equal(60, result.Output.Count);
            Assert.NotEmpty(result.Progress);
            AssertProgressCounts(result, "Listing Snowball clusters", "clusters", 5);
        }

        /// <summary>Every update counts whole pages of <paramref name="pageSize"/>, without a percentage, and the last record is Completed.</summary>
        private static void AssertProgressCounts(ScriptResult result, string activity, string itemName, int pageSize)
        {
            var progress = result.Progress;
            Assert.All(progress, p => Assert.Equal(activity, p.Activity));
            Assert.Equal(ProgressRecordType.Completed, progress[^1].RecordType);
            Assert.All(progress.Take(progress.Count - 1), p =>
            {
                Assert.Equal(ProgressRecordType.Processing, p.RecordType);
                Assert.Equal(-1, p.PercentComplete);
                var match = Regex.Match(p.StatusDescription, $@"^(\d+) pages fetched, (\d+) {itemName} written, \d+ {itemName}/s$");
                Assert.True(match.Success, p.StatusDescription);
                Assert.Equal(int.Parse(match.Groups[1].Value) * pageSize, int.Parse(match.Groups[2].Value));
            });
        }

        [Fact]
        public async Task PercentCompleteIsShownOnlyWithFirst()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(70);
            local.Endpoint.Snowball.AddGeneratedCluster(cluster, 1000);
            local.Endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(130));

            var result = local.Run($"Get-SnowballClusterJob {cluster} -MaxResults 50 -First 600 @aws");

            Assert.Equal(600, result.Output.Count);
            var updates = result.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
            Assert.NotEmpty(updates);
            Assert.All(updates, p => Assert.Equal(int.Parse(p.StatusDescription.Split(' ')[3]) * 100 / 600, p.PercentComplete));
            Assert.Equal("Listing Snowball cluster jobs", updates[0].Activity);
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        }

        [Fact]
        public async Task SeveralClustersShowTheSourcesDoneAndTheJobsSoFar()
        {
            await using var local = await EndpointSession.StartAsync();
            string a = SnowballStore.NewClusterId(71), b = SnowballStore.NewClusterId(72);
            local.Endpoint.Snowball.AddGeneratedCluster(a, 300);
            local.Endpoint.Snowball.AddGeneratedCluster(b, 900);
            local.Endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(130));

            var result = local.Run($"'{a}', '{b}' | Get-SnowballClusterJob @aws -Verbose");

            var shown = result.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
            Assert.NotEmpty(shown);
            Assert.All(shown, p => Assert.Matches(@"^[012] of 2 sources done, \d+ pages fetched, \d+ jobs written$", p.StatusDescription));
            Assert.Contains(shown, p => p.StatusDescription.StartsWith("1 of 2 sources done", StringComparison.Ordinal));
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
            Assert.Contains($"Done: {a} in us-east-1: 300 jobs from 3 pages.", result.Verbose);
            Assert.Contains($"Done: {b} in us-east-1: 900 jobs from 9 pages.", result.Verbose);
            Assert.Matches(@"^Listed 1200 jobs from 2 sources \(0 failed\): 12 pages, 12 requests, 0 retries, \d+ ms\.$", result.Verbose[^1]);
            Assert.All(result.Verbose.Where(v => v.StartsWith("Page ", StringComparison.Ordinal)), v => Assert.Matches($"^Page \\d+ of ({a}|{b}) in us-east-1: ", v));
        }

        [Fact]
        public async Task AShortListingShowsNoProgress()
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.IoT.AddGenerated(1000);

            var result = local.Run("Get-IoTJob -MaxResults 100 @aws -Verbose");

            Assert.Equal(1000, result.Output.Count);
            Assert.Matches(@"^Listed 1000 jobs: 10 pages, 10 requests, 0 retries, (\d+) ms\.$", result.Verbose[^1]);
            Assert.True(int.Parse(System.Text.RegularExpressions.Regex.Match(result.Verbose[^1], @"(\d+) ms").Groups[1].Value) >= 500 || result.Progress.Count == 0);
        }

        [Fact]
        public async Task OnePageMeansNoProgress()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = local.Run($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} @aws");

            Assert.Equal(5, result.Output.Count);
            Assert.Empty(result.Progress);
        }

        [Theory]
        [InlineData("$ProgressPreference = 'SilentlyContinue'; Get-IoTJob -MaxResults 100 @aws")]
        [InlineData("Get-IoTJob -MaxResults 100 -ProgressAction SilentlyContinue @aws")]
        public async Task ProgressPreferenceIsHonoured(string script)
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.IoT.AddGenerated(1000);

            var result = local.Run(script);

            Assert.Equal(1000, result.Output.Count);
            Assert.Empty(result.Progress);
        }

        [Fact]
        public async Task ProgressIsCompletedWhenTheListingFails()
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.IoT.AddGenerated(1000);
            local.Endpoint.Faults.ThrottleRequests(new[] { 4, 5 }, ThrottleStyle.IoT400);
            local.Endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(300));

            var result = local.Run("Get-IoTJob -MaxResults 100 -MaxRetries 1 @aws");

            Assert.Single(result.Errors);
            Assert.NotEmpty(result.Progress);
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        }

        [Fact]
        public async Task VerboseHasOneLinePerRequestAndASummaryThatMatchesTheEndpoint()
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(1100);
            local.Endpoint.Faults.ThrottleRequests(new[] { 2, 5 }, ThrottleStyle.IoT429NoCode);

            var result = local.Run("Get-IoTJob @aws -Verbose");

            Assert.Empty(result.Errors);
            int requests = local.Endpoint.Requests.Count("ListJobs");
            Assert.Equal(7, requests);
            Assert.Equal(5, result.Verbose.Count(v => Regex.IsMatch(v, @"^Page \d of IoT jobs: \d+ jobs in \d+ ms, \d retries, request id [0-9a-f-]{36}\.$")));
            Assert.Equal(2, result.Verbose.Count(v => v.Contains("TooManyRequestsException (HTTP 429", StringComparison.Ordinal)));
            Assert.Equal($"Listed {jobs.Count} jobs: 5 pages, {requests} requests, 2 retries, ", Regex.Replace(result.Verbose[^1], @"\d+ ms\.$", string.Empty));
        }

        [Fact]
        public async Task DebugSaysWhereTheEndpointRegionAndCredentialsCameFromWithoutSecrets()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = local.Run($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} @aws -Debug");

            Assert.Contains(result.Debug, d => d.Contains(local.Endpoint.BaseUri.ToString(), StringComparison.Ordinal) && d.Contains("us-east-1 from the -Region parameter", StringComparison.Ordinal));
            Assert.Contains(result.Debug, d => d == "Credentials: the -AccessKey and -SecretKey parameters.");
            Assert.DoesNotContain(LocalAwsOptions.DefaultSecretKey, result.AllText());
        }
    }
}
