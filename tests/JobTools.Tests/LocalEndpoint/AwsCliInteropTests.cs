using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.Tests.LocalEndpoint
{
    /// <summary>The local endpoint speaks the real wire protocols: the AWS CLI (botocore) pages through it correctly.</summary>
    public sealed class AwsCliInteropTests
    {
        [SkippableFact]
        public async Task AwsCliPagesThroughA1000JobCluster()
        {
            string? reason = AwsCli.Unavailable();
            Skip.If(reason != null, reason);
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string cluster = SnowballStore.NewClusterId(1000);
            var jobs = endpoint.Snowball.AddGeneratedCluster(cluster, 1000);

            var (exit, output, error) = AwsCli.Run($"snowball list-cluster-jobs --cluster-id {cluster} --endpoint-url {endpoint.BaseUri} --region us-east-1 --page-size 100 --output json");

            Assert.True(exit == 0, error);
            var listed = JsonDocument.Parse(output).RootElement.GetProperty("JobListEntries").EnumerateArray().ToList();
            Assert.Equal(jobs.Select(j => j.JobId), listed.Select(e => e.GetProperty("JobId").GetString()));
            Assert.Equal(10, endpoint.Requests.Count("ListClusterJobs"));
            Assert.All(endpoint.Requests.All, r => Assert.Equal(LocalAwsOptions.DefaultAccessKeyId, r.AccessKeyId));
            Assert.All(endpoint.Requests.All, r => Assert.Equal("us-east-1", r.SigningRegion));
        }

        [SkippableFact]
        public async Task AwsCliPagesThroughIoTJobsAndSendsFilters()
        {
            string? reason = AwsCli.Unavailable();
            Skip.If(reason != null, reason);
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            var jobs = endpoint.IoT.AddGenerated(600);

            var all = AwsCli.Run($"iot list-jobs --endpoint-url {endpoint.BaseUri} --region us-east-1 --page-size 250 --output json");
            var filtered = AwsCli.Run($"iot list-jobs --status IN_PROGRESS --endpoint-url {endpoint.BaseUri} --region us-east-1 --output json");

            Assert.True(all.ExitCode == 0, all.Error);
            Assert.Equal(jobs.Select(j => j.JobId), Ids(all.Output));
            Assert.True(filtered.ExitCode == 0, filtered.Error);
            Assert.Equal(jobs.Where(j => j.Status == "IN_PROGRESS").Select(j => j.JobId), Ids(filtered.Output));
            Assert.Equal(3 + 1, endpoint.Requests.Count("ListJobs"));
        }

        [SkippableFact]
        public async Task AWrongSecretIsRefusedWithInvalidSignatureException()
        {
            string? reason = AwsCli.Unavailable();
            Skip.If(reason != null, reason);
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var (exit, _, error) = AwsCli.Run(
                $"snowball list-cluster-jobs --cluster-id {SnowballStore.SeedClusterId} --endpoint-url {endpoint.BaseUri} --region us-east-1",
                secretKey: "not-the-secret");

            Assert.NotEqual(0, exit);
            Assert.Contains("InvalidSignatureException", error);
        }

        private static System.Collections.Generic.IEnumerable<string?> Ids(string json) =>
            JsonDocument.Parse(json).RootElement.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("jobId").GetString());
    }
}
