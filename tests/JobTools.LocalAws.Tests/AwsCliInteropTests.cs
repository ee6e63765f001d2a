using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.LocalAws.Tests
{
    /// <summary>The local endpoint speaks the real wire protocols and checks SigV4: the AWS CLI (botocore) pages through it exactly.</summary>
    public sealed class AwsCliInteropTests
    {
        [SkippableFact]
        public async Task AwsCliPagesThroughA1000JobCluster()
        {
            SkipWithoutCli();
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string cluster = SnowballStore.NewClusterId(1000);
            var jobs = endpoint.Snowball.AddGeneratedCluster(cluster, 1000);

            var (exit, output, error) = AwsCli.Run(
                $"snowball list-cluster-jobs --cluster-id {cluster} --endpoint-url {endpoint.BaseUri} --region us-east-1 --page-size 100 --output json");

            Assert.True(exit == 0, error);
            Assert.Equal(jobs.Select(j => j.JobId), Values(output, "JobListEntries", "JobId"));
            Assert.Equal(10, endpoint.Requests.Count("ListClusterJobs"));
            Assert.All(endpoint.Requests.All, r =>
            {
                Assert.Equal(200, r.StatusCode);
                Assert.Equal(LocalAwsOptions.DefaultAccessKeyId, r.AccessKeyId);
                Assert.Equal("us-east-1", r.SigningRegion);
                Assert.DoesNotContain("Authorization", r.Headers.Keys);
            });
        }

        [SkippableFact]
        public async Task AwsCliPagesThroughIoTJobsAndItsFilterMatchesTheStore()
        {
            SkipWithoutCli();
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            var jobs = endpoint.IoT.AddGenerated(600);

            var all = AwsCli.Run($"iot list-jobs --endpoint-url {endpoint.BaseUri} --region us-east-1 --page-size 250 --output json");
            Assert.True(all.ExitCode == 0, all.Error);
            Assert.Equal(jobs.Select(j => j.JobId), Values(all.Output, "jobs", "jobId"));
            Assert.Equal(3, endpoint.Requests.Count("ListJobs"));

            var filtered = AwsCli.Run($"iot list-jobs --status IN_PROGRESS --endpoint-url {endpoint.BaseUri} --region us-east-1 --output json");
            Assert.True(filtered.ExitCode == 0, filtered.Error);
            Assert.Equal(jobs.Where(j => j.Status == "IN_PROGRESS").Select(j => j.JobId), Values(filtered.Output, "jobs", "jobId"));
        }

        /// <summary>':' in a query value must be encoded for the canonical query string; a session token is signed too.</summary>
        [SkippableFact]
        public async Task AnEncodedQueryValueAndASessionTokenAreSignedCorrectly()
        {
            SkipWithoutCli();
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            var jobs = endpoint.IoT.AddGenerated(300);

            var result = AwsCli.Run(
                $"iot list-jobs --thing-group-name lab:sensors --endpoint-url {endpoint.BaseUri} --region eu-west-1 --output json",
                environment: new Dictionary<string, string> { ["AWS_SESSION_TOKEN"] = "session-token-not-to-be-recorded" });

            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Equal(jobs.Where(j => j.ThingGroupName == "lab:sensors").Select(j => j.JobId), Values(result.Output, "jobs", "jobId"));
            var request = Assert.Single(endpoint.Requests.All);
            Assert.Contains("thingGroupName=lab%3Asensors", request.PathAndQuery);
            Assert.Equal("eu-west-1", request.SigningRegion);
            Assert.Equal("<present>", request.Headers["X-Amz-Security-Token"]);
        }

        [SkippableFact]
        public async Task AWrongSecretIsRefusedWithInvalidSignatureException()
        {
            SkipWithoutCli();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var (exit, _, error) = AwsCli.Run(
                $"snowball list-cluster-jobs --cluster-id {SnowballStore.SeedClusterId} --endpoint-url {endpoint.BaseUri} --region us-east-1",
                secretKey: "not-the-secret");

            Assert.NotEqual(0, exit);
            Assert.Contains("InvalidSignatureException", error);
            Assert.All(endpoint.Requests.All, r => Assert.Equal(403, r.StatusCode));
        }

        /// <summary>
        /// botocore's describe-job reads every member the endpoint sends as the model names it: one job of each kind
        /// (canceled with a comment, with and without a document source, in progress with targets still processing).
        /// </summary>
        [SkippableFact]
        public async Task AwsCliDescribesEachJobExactlyAsTheStoreHoldsIt()
        {
            SkipWithoutCli();
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            var jobs = endpoint.IoT.AddGenerated(40);
            var sample = new[]
            {
                jobs.First(j => j.Status == "CANCELED"),
                jobs.First(j => j.Status == "IN_PROGRESS" && j.DocumentSource != null),
                jobs.First(j => j.DocumentSource is null && j.Description is null),
                jobs.First(j => j.JobTemplateArn != null && j.NamespaceId != null),
            };

            foreach (var job in sample)
            {
                var (exit, output, error) = AwsCli.Run($"iot describe-job --job-id {job.JobId} --endpoint-url {endpoint.BaseUri} --region us-east-1 --output json");

                Assert.True(exit == 0, error);
                var answer = JsonDocument.Parse(output).RootElement;
                Assert.Equal(job.DocumentSource, Optional(answer, "documentSource"));
                var described = answer.GetProperty("job");
                Assert.Equal(job.JobArn, described.GetProperty("jobArn").GetString());
                Assert.Equal(job.JobId, described.GetProperty("jobId").GetString());
                Assert.Equal(job.TargetSelection, described.GetProperty("targetSelection").GetString());
                Assert.Equal(job.Status, described.GetProperty("status").GetString());
                Assert.Equal(job.Description, Optional(described, "description"));
                Assert.Equal(job.Comment, Optional(described, "comment"));
                Assert.Equal(job.ReasonCode, Optional(described, "reasonCode"));
                Assert.Equal(job.ForceCanceled, described.TryGetProperty("forceCanceled", out var forced) ? forced.GetBoolean() : null);
                Assert.Equal(job.NamespaceId, Optional(described, "namespaceId"));
                Assert.Equal(job.JobTemplateArn, Optional(described, "jobTemplateArn"));
                Assert.Equal(job.IsConcurrent, described.TryGetProperty("isConcurrent", out var concurrent) ? concurrent.GetBoolean() : null);
                Assert.Equal(job.Targets, described.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
                Assert.Equal(job.CreatedAt.ToUnixTimeMilliseconds(), Milliseconds(described, "createdAt"));
                Assert.Equal(job.LastUpdatedAt?.ToUnixTimeMilliseconds(), Milliseconds(described, "lastUpdatedAt"));
                Assert.Equal(job.CompletedAt?.ToUnixTimeMilliseconds(), Milliseconds(described, "completedAt"));
                var progress = described.GetProperty("jobProcessDetails");
                var counted = job.Progress!;
                Assert.Equal(
                    new[] { counted.Queued, counted.InProgress, counted.Succeeded, counted.Failed, counted.Rejected, counted.Canceled, counted.Removed, counted.TimedOut },
                    new[] { "Queued", "InProgress", "Succeeded", "Failed", "Rejected", "Canceled", "Removed", "TimedOut" }.Select(n => progress.GetProperty($"numberOf{n}Things").GetInt32()));
                Assert.Equal(counted.ProcessingTargets, progress.GetProperty("processingTargets").EnumerateArray().Select(t => t.GetString()));
            }

            var before = AwsCli.Run($"iot describe-job --job-id {sample[0].JobId} --before-substitution --endpoint-url {endpoint.BaseUri} --region us-east-1 --output json");
            var unknown = AwsCli.Run($"iot describe-job --job-id no-such-job --endpoint-url {endpoint.BaseUri} --region us-east-1");

            Assert.True(before.ExitCode == 0, before.Error);
            Assert.Equal($"/jobs/{sample[0].JobId}?beforeSubstitution=true", endpoint.Requests.All[^2].PathAndQuery);
            Assert.NotEqual(0, unknown.ExitCode);
            Assert.Contains("ResourceNotFoundException", unknown.Error);
            Assert.All(endpoint.Requests.All.SkipLast(1), r => Assert.Equal((200, "DescribeJob", "us-east-1"), (r.StatusCode, r.Operation, r.SigningRegion)));
        }

        /// <summary>
        /// One endpoint, three regions: the CLI gets each region's own jobs over several pages, the default ones
        /// elsewhere, and UnrecognizedClientException (not retried) for a refused region, from either service.
        /// </summary>
        [SkippableFact]
        public async Task AwsCliGetsEachSigningRegionsOwnDataAndIsRefusedInARefusedRegion()
        {
            SkipWithoutCli();
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            var defaultJobs = endpoint.IoT.AddGenerated(20);
            var irishJobs = endpoint.InRegion("eu-west-1").IoT.AddGenerated(260);
            string cluster = SnowballStore.NewClusterId(1, "ap-south-1");
            var clusterJobs = endpoint.InRegion("ap-south-1").Snowball.AddGeneratedCluster(cluster, 120);
            endpoint.Faults.RefuseRegion("ap-east-1");

            var ireland = AwsCli.Run($"iot list-jobs --endpoint-url {endpoint.BaseUri} --region eu-west-1 --page-size 100 --output json");
            var virginia = AwsCli.Run($"iot list-jobs --endpoint-url {endpoint.BaseUri} --region us-east-1 --output json");
            var mumbai = AwsCli.Run($"snowball list-cluster-jobs --cluster-id {cluster} --endpoint-url {endpoint.BaseUri} --region ap-south-1 --page-size 50 --output json");
            var elsewhere = AwsCli.Run($"snowball list-cluster-jobs --cluster-id {cluster} --endpoint-url {endpoint.BaseUri} --region us-east-1");
            var refusedIoT = AwsCli.Run($"iot list-jobs --endpoint-url {endpoint.BaseUri} --region ap-east-1");
            var refusedSnowball = AwsCli.Run($"snowball list-cluster-jobs --cluster-id {cluster} --endpoint-url {endpoint.BaseUri} --region ap-east-1");

            Assert.True(ireland.ExitCode == 0, ireland.Error);
            Assert.Equal(irishJobs.Select(j => j.JobId), Values(ireland.Output, "jobs", "jobId"));
            Assert.Equal(irishJobs.Select(j => $"arn:aws:iot:eu-west-1:123456789012:job/{j.JobId}"), Values(ireland.Output, "jobs", "jobArn"));
            Assert.All(irishJobs, j => Assert.StartsWith("eu-west-1-job-", j.JobId));
            Assert.True(virginia.ExitCode == 0, virginia.Error);
            Assert.Equal(defaultJobs.Select(j => j.JobId), Values(virginia.Output, "jobs", "jobId"));
            Assert.True(mumbai.ExitCode == 0, mumbai.Error);
            Assert.Equal(clusterJobs.Select(j => j.JobId), Values(mumbai.Output, "JobListEntries", "JobId"));
            Assert.NotEqual(0, elsewhere.ExitCode);
            Assert.Contains("InvalidResourceException", elsewhere.Error);
            foreach (var (exit, _, error) in new[] { refusedIoT, refusedSnowball })
            {
                Assert.NotEqual(0, exit);
                Assert.Contains("An error occurred (UnrecognizedClientException)", error);
                Assert.Contains("The security token included in the request is invalid.", error);
            }

            Assert.Equal(
                new[] { ("ListJobs", "eu-west-1", 200, 3), ("ListJobs", "us-east-1", 200, 1), ("ListClusterJobs", "ap-south-1", 200, 3), ("ListClusterJobs", "us-east-1", 400, 1), ("ListJobs", "ap-east-1", 403, 1), ("ListClusterJobs", "ap-east-1", 403, 1) },
                endpoint.Requests.All.GroupBy(r => (r.Operation, r.SigningRegion!, r.StatusCode)).Select(g => (g.Key.Operation, g.Key.Item2, g.Key.StatusCode, g.Count())));
        }

        private static string? Optional(JsonElement element, string member) =>
            element.TryGetProperty(member, out var value) ? value.GetString() : null;

        /// <summary>A timestamp as the CLI prints it with --output json (epoch seconds), in milliseconds; null when absent.</summary>
        private static long? Milliseconds(JsonElement element, string member) =>
            element.TryGetProperty(member, out var value) ? (long)Math.Round(value.GetDecimal() * 1000m) : null;

        private static void SkipWithoutCli()
        {
            string? reason = AwsCli.Unavailable();
            Skip.If(reason != null, reason);
        }

        private static IEnumerable<string?> Values(string json, string list, string member) =>
            JsonDocument.Parse(json).RootElement.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(member).GetString()).ToList();
    }
}
