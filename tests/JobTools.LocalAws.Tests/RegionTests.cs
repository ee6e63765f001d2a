using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.LocalAws.Tests
{
    /// <summary>
    /// Requests are served from the stores of the region in their credential scope, or the default ones; a refused
    /// region answers 403 UnrecognizedClientException. The endpoints here do not check signatures, so a credential
    /// scope alone names the region.
    /// </summary>
    public sealed class RegionTests
    {
        private const string ListClustersTarget = "AWSIESnowballJobManagementService.ListClusters";
        private const string UnrecognizedMessage = "The security token included in the request is invalid.";

        [Fact]
        public async Task ARegionWithStoresOfItsOwnListsThoseAndEveryOtherRegionTheDefaultOnes()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true, VerifySignatures = false });
            var defaultJobs = endpoint.IoT.AddGenerated(5);
            var ireland = endpoint.InRegion("eu-west-1");
            var irishJobs = ireland.IoT.AddGenerated(3);
            ireland.Snowball.AddSeedCluster();
            using var client = new RawClient(endpoint);

            var inIreland = await client.ListJobs(customize: SignedFor("eu-west-1", "iot"));
            var inVirginia = await client.ListJobs(customize: SignedFor("us-east-1", "iot"));
            var inMumbai = await client.ListJobs(customize: SignedFor("ap-south-1", "iot"));
            var unsigned = await client.ListJobs();
            var irishClusters = await RawReply.From(await client.SendSnowball("{}", ListClustersTarget, SignedFor("eu-west-1", "snowball")));
            var defaultClusters = await RawReply.From(await client.SendSnowball("{}", ListClustersTarget, SignedFor("us-east-1", "snowball")));

            Assert.Equal(new[] { "eu-west-1-job-1-000000", "eu-west-1-job-1-000001", "eu-west-1-job-1-000002" }, Members(inIreland, "jobs", "jobId"));
            Assert.Equal(irishJobs.Select(j => $"arn:aws:iot:eu-west-1:123456789012:job/{j.JobId}"), Members(inIreland, "jobs", "jobArn"));
            Assert.Equal(defaultJobs.Select(j => j.JobId), Members(inVirginia, "jobs", "jobId"));
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"job-1-00000{i}"), Members(inVirginia, "jobs", "jobId"));
            Assert.Equal(Members(inVirginia, "jobs", "jobArn"), Members(inMumbai, "jobs", "jobArn"));
            Assert.Equal(Members(inVirginia, "jobs", "jobArn"), Members(unsigned, "jobs", "jobArn"));
            Assert.Equal(new[] { "CID123e4567-e89b-63d7-a456-426655440000" }, Members(irishClusters, "ClusterListEntries", "ClusterId"));
            Assert.Equal(new[] { SnowballStore.SeedClusterId }, Members(defaultClusters, "ClusterListEntries", "ClusterId"));
            Assert.Equal(
                new string?[] { "eu-west-1", "us-east-1", "ap-south-1", null, "eu-west-1", "us-east-1" },
                endpoint.Requests.All.Select(r => r.SigningRegion));
        }

        [Fact]
        public async Task ClusterJobsAndDescribeJobFindOnlyTheSigningRegionsOwn()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true, VerifySignatures = false });
            var mumbai = endpoint.InRegion("ap-south-1");
            string cluster = SnowballStore.NewClusterId(7, "ap-south-1");
            var clusterJobs = mumbai.Snowball.AddGeneratedCluster(cluster, 4);
            var job = mumbai.IoT.AddGenerated(1).Single();
            using var client = new RawClient(endpoint);

            var own = await RawReply.From(await client.SendSnowball(RawClient.SnowballBody(cluster), customize: SignedFor("ap-south-1", "snowball")));
            var seedElsewhere = await RawReply.From(await client.SendSnowball(RawClient.SnowballBody(SnowballStore.SeedClusterId), customize: SignedFor("ap-south-1", "snowball")));
            var ownElsewhere = await RawReply.From(await client.SendSnowball(RawClient.SnowballBody(cluster), customize: SignedFor("us-east-1", "snowball")));
            var described = await client.Get($"/jobs/{job.JobId}", SignedFor("ap-south-1", "iot"));
            var describedElsewhere = await client.Get($"/jobs/{job.JobId}", SignedFor("us-east-1", "iot"));

            Assert.Equal(clusterJobs.Select(j => j.JobId), Members(own, "JobListEntries", "JobId"));
            Assert.All(clusterJobs, j => Assert.Equal(SnowballStore.RegionTag("ap-south-1"), j.JobId.Split('-')[2]));
            SnowballProtocolTests.AssertError(seedElsewhere, 400, "InvalidResourceException");
            SnowballProtocolTests.AssertError(ownElsewhere, 400, "InvalidResourceException");
            Assert.Equal(200, described.StatusCode);
            Assert.Equal("arn:aws:iot:ap-south-1:123456789012:job/ap-south-1-job-1-000000", described.Json.GetProperty("job").GetProperty("jobArn").GetString());
            Assert.Equal(job.Targets, described.Json.GetProperty("job").GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
            Assert.StartsWith("arn:aws:iot:ap-south-1:123456789012:", job.Targets!.Single());
            IoTProtocolTests.AssertError(describedElsewhere, 404, "ResourceNotFoundException");
        }

        [Fact]
        public async Task InRegionGivesEveryCallerTheSameStoresOfThatRegion()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);

            var stores = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => endpoint.InRegion(i % 2 == 0 ? "eu-west-1" : "ap-south-1"))));

            Assert.Single(stores.Where((_, i) => i % 2 == 0).Distinct());
            Assert.Single(stores.Where((_, i) => i % 2 == 1).Distinct());
            Assert.Equal(new[] { "eu-west-1", "ap-south-1" }, stores.Take(2).Select(s => s.IoT.Region));
            Assert.Equal(new[] { "eu-west-1", "ap-south-1" }, stores.Take(2).Select(s => s.Snowball.Region));
            Assert.NotSame(stores[0].IoT, endpoint.IoT);
            Assert.Equal(("us-east-1", (string?)null), (endpoint.IoT.Region, endpoint.Snowball.Region));
        }

        [Fact]
        public async Task ARefusedRegionIsUnrecognizedClientExceptionInEachServicesShapeWhateverTheSignature()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            endpoint.Faults.RefuseRegion("ap-east-1");
            using var client = new RawClient(endpoint);

            var snowball = await RawReply.From(await client.SendSnowball(RawClient.SnowballBody(SnowballStore.SeedClusterId), customize: SignedFor("ap-east-1", "snowball")));
            var clusters = await RawReply.From(await client.SendSnowball("{}", ListClustersTarget, SignedFor("ap-east-1", "snowball")));
            var iot = await client.ListJobs(customize: SignedFor("ap-east-1", "iot"));
            var describe = await client.Get("/jobs/job-1-000000", SignedFor("ap-east-1", "iot"));
            var elsewhere = await client.ListJobs(customize: SignedFor("us-east-1", "iot"));

            SnowballProtocolTests.AssertError(snowball, 403, "UnrecognizedClientException", UnrecognizedMessage);
            SnowballProtocolTests.AssertError(clusters, 403, "UnrecognizedClientException", UnrecognizedMessage);
            IoTProtocolTests.AssertError(iot, 403, "UnrecognizedClientException");
            Assert.Equal(UnrecognizedMessage, iot.Json.GetProperty("message").GetString());
            IoTProtocolTests.AssertError(describe, 403, "UnrecognizedClientException");
            IoTProtocolTests.AssertError(elsewhere, 403, "InvalidSignatureException");
            Assert.Equal(
                new[] { ("ListClusterJobs", "ap-east-1", 403), ("ListClusters", "ap-east-1", 403), ("ListJobs", "ap-east-1", 403), ("DescribeJob", "ap-east-1", 403), ("ListJobs", "us-east-1", 403) },
                endpoint.Requests.All.Select(r => (r.Operation, r.SigningRegion!, r.StatusCode)));
        }

        [Fact]
        public async Task ARefusedRequestIsNotADataRequestAndClearServesTheRegionAgain()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(2);
            endpoint.Faults.RefuseRegion("ap-east-1");
            endpoint.Faults.ThrottleRequests(new[] { 1 }, ThrottleStyle.IoT400);
            using var client = new RawClient(endpoint);

            var refused = await client.ListJobs(customize: SignedFor("ap-east-1", "iot"));
            var first = await client.ListJobs(customize: SignedFor("us-east-1", "iot"));
            endpoint.Faults.Clear();
            var cleared = await client.ListJobs(customize: SignedFor("ap-east-1", "iot"));

            IoTProtocolTests.AssertError(refused, 403, "UnrecognizedClientException");
            IoTProtocolTests.AssertError(first, 400, "ThrottlingException");
            Assert.Equal(new[] { "job-1-000000", "job-1-000001" }, Members(cleared, "jobs", "jobId"));
        }

        [Fact]
        public async Task TheControlRouteCountsTheRequestsPerRegionWhenAsked()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true, VerifySignatures = false, ControlRoute = true });
            endpoint.Faults.RefuseRegion("ap-east-1");
            using var client = new RawClient(endpoint);
            await client.ListJobs(customize: SignedFor("eu-west-1", "iot"));
            await client.ListJobs(customize: SignedFor("eu-west-1", "iot"));
            await client.ListJobs(customize: SignedFor("ap-east-1", "iot"));
            await client.ListJobs();
            await client.SendSnowball("{}", ListClustersTarget, SignedFor("us-east-1", "snowball"));

            var byRegion = await client.Get("/_localaws/requests?by=region");
            var byOperation = await client.Get("/_localaws/requests");

            Assert.Equal(
                new Dictionary<string, Dictionary<string, int>>
                {
                    ["eu-west-1"] = new() { ["ListJobs"] = 2 },
                    ["ap-east-1"] = new() { ["ListJobs"] = 1 },
                    ["none"] = new() { ["ListJobs"] = 1 },
                    ["us-east-1"] = new() { ["ListClusters"] = 1 },
                },
                JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(byRegion.Body));
            Assert.Equal(new Dictionary<string, int> { ["ListJobs"] = 4, ["ListClusters"] = 1 }, JsonSerializer.Deserialize<Dictionary<string, int>>(byOperation.Body));
        }

        /// <summary>An Authorization header whose credential scope names <paramref name="region"/> (its signature is not valid).</summary>
        internal static Action<HttpRequestMessage> SignedFor(string region, string service) => request =>
        {
            request.Headers.Add("X-Amz-Date", "20250101T000000Z");
            request.Headers.TryAddWithoutValidation(
                "Authorization",
                $"AWS4-HMAC-SHA256 Credential={LocalAwsOptions.DefaultAccessKeyId}/20250101/{region}/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature={new string('0', 64)}");
        };

        private static string?[] Members(RawReply reply, string list, string member) =>
            reply.Json.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(member).GetString()).ToArray();
    }
}
