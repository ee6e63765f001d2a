using System.Linq;
using JobTools.LocalAws;

namespace JobTools.LocalAws.Tests
{
    /// <summary>Generated data are deterministic, valid for the services' constraints, and cover every enum value.</summary>
    public sealed class GeneratedDataTests
    {
        [Fact]
        public void AGeneratedClusterIsDeterministicAndCoversEveryValue()
        {
            string cluster = SnowballStore.NewClusterId(42);
            var jobs = new SnowballStore().AddGeneratedCluster(cluster, 500, seed: 3);
            var again = new SnowballStore().AddGeneratedCluster(cluster, 500, seed: 3);
            var otherSeed = new SnowballStore().AddGeneratedCluster(cluster, 500, seed: 4);

            Assert.Equal(jobs, again);
            Assert.NotEqual(jobs.Select(j => j.JobId), otherSeed.Select(j => j.JobId));
            Assert.Equal(500, jobs.Select(j => j.JobId).Distinct().Count());
            Assert.All(jobs, j => Assert.Matches("^JID[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", j.JobId));
            Assert.Equal(13, jobs.Select(j => j.JobState).Distinct().Count());
            Assert.Equal(3, jobs.Select(j => j.JobType).Distinct().Count());
            Assert.Contains(jobs, j => j.SnowballType == "V3_5S");
            Assert.Contains(jobs, j => j.SnowballType == "RACK_5U_C");
            Assert.Contains(jobs, j => j.Description is null);
            Assert.Contains(jobs, j => j.IsMaster);
            Assert.Contains(jobs, j => j.CreationDate.Millisecond != 0);
            Assert.All(jobs, j => Assert.Equal(0, j.CreationDate.Ticks % System.TimeSpan.TicksPerMillisecond));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(int.MaxValue)]
        [InlineData(-1)]
        public void NewClusterIdIsAValidClusterId(int n)
        {
            Assert.Matches("^CID[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", SnowballStore.NewClusterId(n));
        }

        [Fact]
        public void GeneratedIoTJobsAreDeterministicAndMixed()
        {
            var store = new IoTStore();
            var jobs = store.AddGenerated(300, seed: 5);
            var again = new IoTStore().AddGenerated(300, seed: 5);
            var more = store.AddGenerated(10, seed: 5);

            Assert.Equal(jobs, again);
            Assert.Equal(310, store.Jobs.Select(j => j.JobId).Distinct().Count());
            Assert.Equal(5, jobs.Select(j => j.Status).Distinct().Count());
            Assert.Equal(2, jobs.Select(j => j.TargetSelection).Distinct().Count());
            Assert.InRange(jobs.Where(j => j.ThingGroupName != null).Select(j => (j.ThingGroupName, j.ThingGroupId)).Distinct().Count(), 2, 6);
            Assert.Contains(jobs, j => j.ThingGroupId is null);
            Assert.Contains(jobs, j => j.NamespaceId != null);
            Assert.Contains(jobs, j => j.CompletedAt is null);
            Assert.Contains(jobs, j => j.IsConcurrent is null);
            Assert.All(jobs, j => Assert.Equal(0, j.CreatedAt.Ticks % System.TimeSpan.TicksPerMillisecond));
            Assert.Equal(store.Jobs.Skip(300), more);
        }

        [Fact]
        public void TheDefaultStoresMakeTheIdsTheyMadeBeforeRegions()
        {
            var snowball = new SnowballStore();
            snowball.AddSeedCluster();
            var clusters = snowball.AddGeneratedClusters(1, jobsEach: 1);
            var iot = new IoTStore();
            var job = iot.AddGenerated(1).Single();

            Assert.Equal(new[] { SnowballStore.SeedClusterId, "CID00000001-0000-4000-8000-000000000001" }, snowball.Clusters.Select(c => c.ClusterId));
            Assert.Equal("JID123e4567-e89b-12d3-a456-426655440004", snowball.Jobs(SnowballStore.SeedClusterId)[4].JobId);
            Assert.Matches("^JID0001[0-9a-f]{4}-0000-4000-8000-000000000000$", snowball.Jobs(clusters[0].ClusterId).Single().JobId);
            Assert.Equal("job-1-000000", job.JobId);
            Assert.Equal("arn:aws:iot:us-east-1:123456789012:job/job-1-000000", job.JobArn);
            Assert.All(iot.ThingGroups, g => Assert.Equal($"arn:aws:iot:us-east-1:123456789012:thinggroup/{g.GroupName}", g.GroupArn));
        }

        [Theory]
        [InlineData("eu-west-1", "63d7")]
        [InlineData("ap-south-1", "eb9d")]
        [InlineData("us-east-1", "7d48")]
        public void ARegionsOwnStoresMakeIdsThatTellTheRegion(string region, string tag)
        {
            var snowball = new SnowballStore(region);
            snowball.AddSeedCluster();
            snowball.AddGeneratedClusters(3, jobsEach: 4);
            var iot = new IoTStore(region, accountId: "210987654321");
            var jobs = iot.AddGenerated(40);
            iot.AddGeneratedThingGroups(5);
            const string Uuid = "[0-9a-f]{8}-[0-9a-f]{4}-{0}-[0-9a-f]{4}-[0-9a-f]{12}";

            Assert.Equal(tag, SnowballStore.RegionTag(region));
            Assert.Equal($"CID123e4567-e89b-{tag}-a456-426655440000", snowball.Clusters[0].ClusterId);
            Assert.Equal(SnowballStore.NewClusterId(1, region), snowball.Clusters[1].ClusterId);
            Assert.All(snowball.Clusters, c => Assert.Matches("^CID" + Uuid.Replace("{0}", tag) + "$", c.ClusterId));
            Assert.All(snowball.Clusters.SelectMany(c => snowball.Jobs(c.ClusterId)), j => Assert.Matches("^JID" + Uuid.Replace("{0}", tag) + "$", j.JobId));
            Assert.Equal(jobs.Select((_, i) => $"{region}-job-1-{i:D6}"), jobs.Select(j => j.JobId));
            Assert.All(jobs, j => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", j.JobId));
            Assert.All(jobs, j => Assert.Equal($"arn:aws:iot:{region}:210987654321:job/{j.JobId}", j.JobArn));
            Assert.All(
                jobs.SelectMany(j => j.Targets!).Concat(jobs.Select(j => j.JobTemplateArn).OfType<string>()),
                arn => Assert.StartsWith($"arn:aws:iot:{region}:210987654321:", arn));
            Assert.All(iot.ThingGroups, g => Assert.Equal($"arn:aws:iot:{region}:210987654321:thinggroup/{g.GroupName}", g.GroupArn));
            Assert.Equal(new IoTStore().AddGenerated(40).Select(j => (j.Status, j.CreatedAt, j.ThingGroupName)), jobs.Select(j => (j.Status, j.CreatedAt, j.ThingGroupName)));
        }

        [Fact]
        public void RegionTagsDifferBetweenRegionsAndFromTheDefaultGroups()
        {
            string[] regions = { "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-south-1", "ap-east-1", "ap-northeast-1", "sa-east-1", "us-gov-west-1", "cn-north-1" };

            var tags = regions.Select(SnowballStore.RegionTag).ToList();

            Assert.Equal(regions.Length, tags.Distinct().Count());
            Assert.All(tags, t => Assert.Matches("^[0-9a-f]{4}$", t));
            Assert.DoesNotContain("4000", tags);
            Assert.DoesNotContain("12d3", tags);
        }

        [Fact]
        public void GeneratedIoTJobsCarryWhatDescribeJobAdds()
        {
            var jobs = new IoTStore().AddGenerated(300, seed: 5);

            Assert.All(jobs, j => Assert.Matches(j.ThingGroupName is string group ? $":thinggroup/{group}$" : ":thing/thing-[0-9]{6}$", Assert.Single(j.Targets!)));
            Assert.All(jobs, j => Assert.Equal(j.Status == "CANCELED", j.Comment != null && j.ReasonCode != null && j.ForceCanceled != null));
            Assert.All(jobs, j => Assert.Equal(j.Status == "IN_PROGRESS", j.Progress!.ProcessingTargets.Count == 1));
            Assert.All(jobs, j => Assert.Matches("^[A-Z0-9_]+$", j.ReasonCode ?? "NONE"));
            Assert.Contains(jobs, j => j.Description is null);
            Assert.Contains(jobs, j => j.DocumentSource is null);
            Assert.Contains(jobs, j => j.DocumentSource != null);
            Assert.Contains(jobs, j => j.JobTemplateArn != null);
            Assert.Contains(jobs, j => j.ForceCanceled == true);
            Assert.Contains(jobs, j => j.ForceCanceled == false);
        }
    }
}
