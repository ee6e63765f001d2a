using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;
using static JobTools.Tests.Snowball.SnowballListingTests;

namespace JobTools.Tests.Snowball
{
    /// <summary>The client-side -JobState, -JobType and -SnowballType filters the API lacks.</summary>
    public sealed class SnowballFilterTests
    {
        [Fact]
        public async Task FiltersCombineAndAcceptAnyCase()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(50);
            var jobs = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 1500);

            var result = local.Run($"Get-SnowballClusterJob {cluster} -JobState new, inprogress -JobType IMPORT, local_use -SnowballType edge_c, V3_5S @aws");

            Assert.Empty(result.Errors);
            var expected = jobs.Where(j => (j.JobState is "New" or "InProgress") && (j.JobType is "IMPORT" or "LOCAL_USE") && (j.SnowballType is "EDGE_C" or "V3_5S")).Select(j => j.JobId).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, result.Strings("JobId"));
            Assert.Equal(15, local.Endpoint.Requests.Count("ListClusterJobs"));
        }

        [Fact]
        public async Task FirstCountsFilteredJobsAndDoesNotShrinkPages()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(51);
            var jobs = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 1500);

            var result = local.Run($"Get-SnowballClusterJob {cluster} -JobState Complete -First 20 @aws");

            Assert.Equal(jobs.Where(j => j.JobState == "Complete").Take(20).Select(j => j.JobId), result.Strings("JobId"));
            Assert.All(Bodies(local.Endpoint), b => Assert.Equal(100, b.GetProperty("MaxResults").GetInt32()));
        }

        [Fact]
        public async Task UnknownValuesFromTheServiceArePassedThroughAsStrings()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(52);
            local.Endpoint.Snowball.AddCluster(cluster, new[]
            {
                new SnowballJobRecord("JID00000000-0000-4000-8000-000000000001", "Teleporting", true, "BEAM_UP", "V9_QUANTUM", System.DateTimeOffset.UnixEpoch.AddMilliseconds(1), null),
            });

            var result = local.Run($"Get-SnowballClusterJob {cluster} @aws | Where-Object JobState -eq teleporting");

            Assert.Empty(result.Errors);
            var job = Assert.Single(result.Output);
            Assert.Equal("BEAM_UP", job.Value<string>("JobType"));
            Assert.Equal("V9_QUANTUM", job.Value<string>("SnowballType"));
            Assert.True(job.Value<bool>("IsMaster"));
            Assert.Equal(new System.DateTime(1970, 1, 1, 0, 0, 0, 1, System.DateTimeKind.Utc), job.Value<System.DateTime>("CreationDate"));
        }
    }
}
