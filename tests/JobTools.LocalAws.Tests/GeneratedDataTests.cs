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
