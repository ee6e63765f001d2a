using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;
using JobTools.Tests.Reliability;

namespace JobTools.Tests.Snowball
{
    /// <summary>Get-SnowballCluster through the hosted engine against the local endpoint, and its pipeline into Get-SnowballClusterJob.</summary>
    public sealed class SnowballClusterListingTests
    {
        [Fact]
        public async Task TheListingIsExactOverSeveralPages()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            var generated = local.Endpoint.Snowball.AddGeneratedClusters(23);
            var expected = local.Endpoint.Snowball.Clusters;

            var result = local.Run("Get-SnowballCluster -MaxResults 5 @aws");

            Assert.Empty(result.Errors);
            Assert.Equal(24, expected.Count);
            Assert.Equal(expected.Select(c => c.ClusterId), result.Strings("ClusterId"));
            Assert.Equal(expected.Select(c => c.ClusterState), result.Strings("ClusterState"));
            Assert.Equal(expected.Select(c => c.Description), result.Strings("Description"));
            Assert.Contains(generated, c => c.Description is null);
            Assert.Equal(expected.Select(c => c.CreationDate.UtcDateTime), result.Output.Select(o => o.Value<DateTime?>("CreationDate")!.Value));
            Assert.All(result.Output, o =>
            {
                Assert.Equal("JobTools.SnowballCluster", o.TypeNames[0]);
                Assert.Equal(DateTimeKind.Utc, o.Value<DateTime?>("CreationDate")!.Value.Kind);
            });
            Assert.Equal(new DateTime(2016, 11, 30, 3, 11, 57, DateTimeKind.Utc), result.Output[0].Value<DateTime?>("CreationDate"));
            Assert.Equal("MyCluster", result.Output[0].Value<string>("Description"));
            Assert.Equal("Pending", result.Output[0].Value<string>("ClusterState"));

            var bodies = local.Endpoint.Requests.All.Where(r => r.Operation == "ListClusters").Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.Equal(5, bodies.Count);
            Assert.All(bodies, b => Assert.Equal(5, b.GetProperty("MaxResults").GetInt32()));
            Assert.False(bodies[0].TryGetProperty("NextToken", out _));
            Assert.All(bodies.Skip(1), b => Assert.True(b.TryGetProperty("NextToken", out _)));
            Assert.All(local.Endpoint.Requests.All, r => Assert.Equal(200, r.StatusCode));
        }

        [Fact]
        public async Task ClusterStateFiltersOnTheClientInAnyCase()
        {
            await using var local = await EndpointSession.StartAsync();
            var clusters = local.Endpoint.Snowball.AddGeneratedClusters(30);

            var result = local.Run("Get-SnowballCluster -ClusterState inuse, PENDING -MaxResults 10 -First 4 @aws");

            Assert.Empty(result.Errors);
            var wanted = clusters.Where(c => c.ClusterState is "InUse" or "Pending").Take(4).ToList();
            Assert.Equal(4, wanted.Count);
            Assert.Equal(wanted.Select(c => c.ClusterId), result.Strings("ClusterId"));

            // With a client-side filter the service cannot be asked for just the clusters still needed: whole pages.
            var bodies = local.Endpoint.Requests.All.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.All(bodies, b => Assert.Equal(10, b.GetProperty("MaxResults").GetInt32()));
        }

        [Fact]
        public async Task FirstAndSkipAskTheLastPageForOnlyWhatIsNeeded()
        {
            await using var local = await EndpointSession.StartAsync();
            var clusters = local.Endpoint.Snowball.AddGeneratedClusters(20);

            var result = local.Run("Get-SnowballCluster -Skip 3 -First 9 -MaxResults 5 @aws");

            Assert.Empty(result.Errors);
            Assert.Equal(clusters.Skip(3).Take(9).Select(c => c.ClusterId), result.Strings("ClusterId"));
            var sizes = local.Endpoint.Requests.All.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("MaxResults").GetInt32());
            Assert.Equal(new[] { 5, 5, 2 }, sizes);
        }

        [Fact]
        public async Task PipedIntoGetSnowballClusterJobItListsEveryClustersJobsExactly()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            var store = local.Endpoint.Snowball;
            store.AddGeneratedClusters(6, jobsEach: 130);
            var expected = store.Clusters.SelectMany(c => store.Jobs(c.ClusterId).Select(j => (c.ClusterId, j.JobId, j.JobState))).ToList();

            var all = local.Run("Get-SnowballCluster -MaxResults 3 @aws | Get-SnowballClusterJob @aws");
            var fresh = local.Run("Get-SnowballCluster @aws | Get-SnowballClusterJob @aws | Where-Object JobState -eq New");

            // The piped clusters are listed at once: their jobs interleave, each cluster's in the service's order.
            Assert.Empty(all.Errors);
            Assert.Equal(ByCluster(expected.Select(e => (e.ClusterId, e.JobId))), ByCluster(all.Strings("ClusterId").Zip(all.Strings("JobId"))));
            Assert.Equal(expected.Count, all.Output.Count);
            Assert.Empty(fresh.Errors);
            var newJobs = expected.Where(e => e.JobState == "New").ToList();
            Assert.True(newJobs.Count > 7, $"only {newJobs.Count} new jobs were generated");
            Assert.Equal(ByCluster(newJobs.Select(e => (e.ClusterId, e.JobId))), ByCluster(fresh.Strings("ClusterId").Zip(fresh.Strings("JobId"))));
        }

        /// <summary>Each cluster's job ids in the order written, the clusters sorted.</summary>
        private static List<string> ByCluster(IEnumerable<(string Cluster, string Job)> jobs) =>
            jobs.GroupBy(j => j.Cluster).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {string.Join(",", g.Select(j => j.Job))}").ToList();

        [Fact]
        public async Task OnePageAtATimeAndResumingWithNextTokenListEveryClusterOnce()
        {
            await using var local = await EndpointSession.StartAsync();
            var clusters = local.Endpoint.Snowball.AddGeneratedClusters(11);

            var first = local.Run("Get-SnowballCluster -MaxResults 4 -NoAutoIteration -InformationVariable next @aws; $next");
            string token = (string)first.Output.Last().Properties["MessageData"].Value;
            var rest = local.Run("Get-SnowballCluster -MaxResults 4 -NextToken $token @aws", new() { ["token"] = token });

            Assert.Empty(first.Errors);
            Assert.Empty(rest.Errors);
            var ids = first.Output.Take(4).Select(o => o.Value<string>("ClusterId")).Concat(rest.Strings("ClusterId"));
            Assert.Equal(clusters.Select(c => c.ClusterId), ids);
            Assert.Contains(first.Verbose.Concat(first.Information.Select(i => i.MessageData.ToString()!)), line => line == token);
        }

        [Fact]
        public async Task AnInterruptedListingSaysWhereToResume()
        {
            await using var local = await EndpointSession.StartAsync();
            var clusters = local.Endpoint.Snowball.AddGeneratedClusters(12);
            local.Endpoint.Faults.ThrottleRequests(new[] { 3 }, ThrottleStyle.Snowball400);

            var result = local.Run("Get-SnowballCluster -MaxResults 5 -MaxRetries 0 @aws");

            Assert.Equal(clusters.Take(10).Select(c => c.ClusterId), result.Strings("ClusterId"));
            var error = Assert.Single(result.Errors);
            Assert.Equal("ThrottlingException,JobTools.Commands.GetSnowballClusterCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            var resume = ListingResumePointView.From(error.TargetObject);
            Assert.Equal("Snowball clusters", resume.Subject);
            Assert.Equal(2, resume.PagesWritten);

            local.Endpoint.Faults.Clear();
            var resumed = local.Run("Get-SnowballCluster -MaxResults 5 -NextToken $token @aws", new() { ["token"] = resume.NextToken });
            Assert.Empty(resumed.Errors);
            Assert.Equal(clusters.Skip(10).Select(c => c.ClusterId), resumed.Strings("ClusterId"));
        }

        [Fact]
        public async Task ATokenThatComesBackStopsTheListing()
        {
            await using var local = await EndpointSession.StartAsync();
            var clusters = local.Endpoint.Snowball.AddGeneratedClusters(20);
            local.Endpoint.Faults.RepeatTokenOn(pageNumber: 3, repeatsPageNumber: 1);

            var result = local.Run("Get-SnowballCluster -MaxResults 4 @aws");

            Assert.Equal(clusters.Take(12).Select(c => c.ClusterId), result.Strings("ClusterId"));
            var error = Assert.Single(result.Errors);
            Assert.Equal("TokenRepeated,JobTools.Commands.GetSnowballClusterCommand", error.FullyQualifiedErrorId);
            Assert.Equal(3, local.Endpoint.Requests.Count("ListClusters"));
        }

        [Fact]
        public async Task TheVerboseTrailCountsClusters()
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.Snowball.AddGeneratedClusters(7);

            var result = local.Run("Get-SnowballCluster -MaxResults 5 -Verbose @aws");

            Assert.Empty(result.Errors);
            Assert.Matches(@"^Page 1 of Snowball clusters: 5 clusters in \d+ ms, 0 retries, request id [0-9a-f-]{36}\.$", result.Verbose[0]);
            Assert.Matches(@"^Page 2 of Snowball clusters: 2 clusters in ", result.Verbose[1]);
            Assert.Matches(@"^Listed 7 clusters: 2 pages, 2 requests, 0 retries, \d+ ms\.$", result.Verbose[^1]);
        }

        [Fact]
        public async Task TheTableAndListViewsShowEveryField()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var table = local.Run("Get-SnowballCluster @aws | Out-String -Width 120");
            var list = local.Run("Get-SnowballCluster @aws | Format-List | Out-String -Width 120");

            Assert.Empty(table.Errors);
            string[] lines = table.Output.Single().ToString().Split('\n').Select(l => l.TrimEnd()).ToArray();
            string header = Assert.Single(lines, l => l.StartsWith("ClusterId", StringComparison.Ordinal));
            Assert.Matches(@"^ClusterId\s+ClusterState\s+Created \(UTC\)\s+Description$", header);
            Assert.Single(lines, l => Regex.IsMatch(l, @"^CID123e4567-e89b-12d3-a456-426655440000 Pending\s+2016-11-30 03:11 MyCluster$"));
            var narrow = local.Run("Get-SnowballCluster @aws | Out-String -Width 80").Output.Single().ToString().Split('\n').Select(l => l.TrimEnd()).ToArray();
            Assert.All(narrow, l => Assert.True(l.Length <= 80, l));
            Assert.Single(narrow, l => Regex.IsMatch(l, @"^CID123e4567-e89b-12d3-a456-426655440000 Pending\s+2016-11-30 03:11$"));
            string text = list.Output.Single().ToString();
            Assert.Matches(@"(?m)^ClusterId\s+: CID123e4567-e89b-12d3-a456-426655440000\r?$", text);
            Assert.Matches(@"(?m)^ClusterState\s+: Pending\r?$", text);
            Assert.Matches(@"(?m)^CreationDate \(UTC\)\s+: 2016-11-30 03:11:57\.000\r?$", text);
            Assert.Matches(@"(?m)^Description\s+: MyCluster\r?$", text);
        }

        [Fact]
        public async Task OutputTypeAndParametersAreDeclared()
        {
            await using var local = await EndpointSession.StartAsync();

            var result = local.Run(@"
                $command = Get-Command Get-SnowballCluster
                $command.OutputType.Name
                $command.Parameters.Keys | Where-Object { $_ -in 'First', 'Skip', 'NextToken', 'NoAutoIteration', 'MaxPages', 'Region', 'ProfileName', 'EndpointUrl', 'ClusterState' }");

            Assert.Empty(result.Errors);
            Assert.Equal("JobTools.SnowballCluster", result.Output[0].ToString());
            Assert.Equal(9, result.Output.Count - 1);
        }
    }
}
