using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Snowball
{
    /// <summary>Get-SnowballClusterJob through the hosted engine against the local endpoint.</summary>
    public sealed class SnowballListingTests
    {
        private const string Seed = SnowballStore.SeedClusterId;

        [Fact]
        public async Task SeedClusterListsTheFiveDocumentedJobsWithExactValues()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = local.Run($"Get-SnowballClusterJob -ClusterId {Seed} @aws");

            Assert.Empty(result.Errors);
            var jobs = result.Output;
            Assert.Equal(
                Enumerable.Range(0, 5).Select(i => $"JID123e4567-e89b-12d3-a456-42665544000{i}"),
                result.Strings("JobId"));
            Assert.Equal(Enumerable.Range(1, 5).Select(i => $"MyClustrer-node-00{i}"), result.Strings("Description"));
            Assert.All(jobs, j =>
            {
                Assert.Equal("New", j.Value<string>("JobState"));
                Assert.Equal("LOCAL_USE", j.Value<string>("JobType"));
                Assert.Equal("EDGE", j.Value<string>("SnowballType"));
                Assert.False(j.Value<bool>("IsMaster"));
                Assert.Equal(Seed, j.Value<string>("ClusterId"));
                Assert.Equal(DateTimeKind.Utc, j.Value<DateTime>("CreationDate").Kind);
            });
            Assert.Equal(new DateTime(2016, 11, 30, 3, 12, 4, 335, DateTimeKind.Utc), jobs[0].Value<DateTime>("CreationDate"));
            Assert.All(jobs.Skip(1), j => Assert.Equal(new DateTime(2016, 11, 30, 3, 12, 5, 335, DateTimeKind.Utc), j.Value<DateTime>("CreationDate")));
            Assert.Equal("JobTools.SnowballClusterJob", result.Output[0].TypeNames[0]);
            Assert.Equal(1, local.Endpoint.Requests.Count("ListClusterJobs"));
        }

        [Fact]
        public async Task PagingAcross2345JobsWritesEveryJobOnceInOrder()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(7);
            var expected = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 2345);

            var result = local.Run($"Get-SnowballClusterJob {cluster} @aws");

            Assert.Empty(result.Errors);
            var ids = result.Strings("JobId").ToList();
            Assert.Equal(2345, ids.Distinct().Count());
            Assert.Equal(expected.Select(j => j.JobId), ids);
            Assert.Equal(24, local.Endpoint.Requests.Count("ListClusterJobs"));
            Assert.All(Bodies(local.Endpoint), b => Assert.Equal(100, b.GetProperty("MaxResults").GetInt32()));
        }

        [Fact]
        public async Task WhereObjectFiltersOnJobState()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(8);
            var expected = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 300);

            var result = local.Run($"Get-SnowballClusterJob -ClusterId {cluster} @aws | Where-Object JobState -eq New");

            Assert.Empty(result.Errors);
            var wanted = expected.Where(j => j.JobState == "New").Select(j => j.JobId).ToList();
            Assert.NotEmpty(wanted);
            Assert.True(wanted.Count < expected.Count);
            Assert.Equal(wanted, result.Strings("JobId"));
        }

        [Fact]
        public async Task ClusterIdsBindFromThePipelineByValueAndByPropertyName()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            string other = SnowballStore.NewClusterId(9);
            local.Endpoint.Snowball.AddGeneratedCluster(other, 3);

            var byValue = local.Run($"'{Seed}', '{other}' | Get-SnowballClusterJob @aws");
            var byName = local.Run($"[pscustomobject]@{{ ClusterId = '{other}' }}, [pscustomobject]@{{ ClusterId = '{Seed}' }} | Get-SnowballClusterJob @aws");

            // The piped clusters are listed at once: count each one's jobs, not the order they interleave in.
            var expected = new[] { (other, 3), (Seed, 5) };
            Assert.Empty(byValue.Errors);
            Assert.Equal(expected, byValue.Strings("ClusterId").GroupBy(c => c).Select(g => (g.Key, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal));
            Assert.Empty(byName.Errors);
            Assert.Equal(expected, byName.Strings("ClusterId").GroupBy(c => c).Select(g => (g.Key, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal));
        }

        [Fact]
        public async Task VerboseShowsOneLinePerPageAndNoSecret()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(10);
            local.Endpoint.Snowball.AddGeneratedCluster(cluster, 250);

            var result = local.Run($"Get-SnowballClusterJob {cluster} @aws -Verbose -Debug");

            var pages = result.Verbose.Where(v => v.StartsWith("Page ", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, pages.Count);
            Assert.Matches(@"^Page 1 of CID[0-9a-f-]+: 100 jobs in \d+ ms, 0 retries, request id [0-9a-f-]{36}\.$", pages[0]);
            Assert.Contains(": 50 jobs in ", pages[2]);
            Assert.DoesNotContain(LocalAwsOptions.DefaultSecretKey, result.AllText());
        }


        internal static System.Collections.Generic.IEnumerable<JsonElement> Bodies(LocalAwsEndpoint endpoint) =>
            endpoint.Requests.All.Where(r => r.Operation == "ListClusterJobs").Select(r => JsonDocument.Parse(r.Body).RootElement);
    }
}
