using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.LocalAws.Tests
{
    /// <summary>Page tokens are opaque and bound to one listing: a cluster, or one IoT filter set, in one signing region.</summary>
    public sealed class PageTokenTests
    {
        [Fact]
        public async Task ASnowballTokenIsValidOnlyForItsCluster()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            string a = SnowballStore.NewClusterId(1), b = SnowballStore.NewClusterId(2);
            var jobs = endpoint.Snowball.AddGeneratedCluster(a, 30);
            endpoint.Snowball.AddGeneratedCluster(b, 30);
            using var client = new RawClient(endpoint);
            string token = (await client.ListClusterJobs(a, 10)).Json.GetProperty("NextToken").GetString()!;

            var same = await client.ListClusterJobs(a, 10, token);
            var other = await client.ListClusterJobs(b, 10, token);

            Assert.Equal(jobs.Skip(10).Take(10).Select(j => j.JobId), same.Json.GetProperty("JobListEntries").EnumerateArray().Select(e => e.GetProperty("JobId").GetString()));
            Assert.DoesNotContain(a, token);
            SnowballProtocolTests.AssertError(other, 400, "InvalidNextTokenException");
        }

        [Fact]
        public async Task ATamperedOrForeignTokenIsInvalidNextTokenException()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            await using var elsewhere = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            string cluster = SnowballStore.NewClusterId(3);
            endpoint.Snowball.AddGeneratedCluster(cluster, 30);
            elsewhere.Snowball.AddGeneratedCluster(cluster, 30);
            using var client = new RawClient(endpoint);
            using var otherClient = new RawClient(elsewhere);
            string token = (await client.ListClusterJobs(cluster, 10)).Json.GetProperty("NextToken").GetString()!;
            string tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

            SnowballProtocolTests.AssertError(await client.ListClusterJobs(cluster, 10, tampered), 400, "InvalidNextTokenException");
            SnowballProtocolTests.AssertError(await client.ListClusterJobs(cluster, 10, "not a token"), 400, "InvalidNextTokenException");
            SnowballProtocolTests.AssertError(await otherClient.ListClusterJobs(cluster, 10, token), 400, "InvalidNextTokenException");
        }

        [Fact]
        public async Task AnIoTTokenIsValidOnlyForItsFilterSet()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            var jobs = endpoint.IoT.AddGenerated(200);
            using var client = new RawClient(endpoint);
            string token = (await client.ListJobs("status=IN_PROGRESS&maxResults=5")).Json.GetProperty("nextToken").GetString()!;

            var same = await client.ListJobs("maxResults=5&status=IN_PROGRESS&nextToken=" + token);
            var otherStatus = await client.ListJobs("status=COMPLETED&maxResults=5&nextToken=" + token);
            var noFilter = await client.ListJobs("maxResults=5&nextToken=" + token);

            Assert.Equal(
                jobs.Where(j => j.Status == "IN_PROGRESS").Skip(5).Take(5).Select(j => j.JobId),
                same.Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("jobId").GetString()));
            IoTProtocolTests.AssertError(otherStatus, 400, "InvalidRequestException");
            IoTProtocolTests.AssertError(noFilter, 400, "InvalidRequestException");
        }

        [Fact]
        public async Task TokensDoNotCrossServices()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            string cluster = SnowballStore.NewClusterId(4);
            endpoint.Snowball.AddGeneratedCluster(cluster, 30);
            endpoint.IoT.AddGenerated(30);
            using var client = new RawClient(endpoint);
            string snowballToken = (await client.ListClusterJobs(cluster, 10)).Json.GetProperty("NextToken").GetString()!;
            string iotToken = (await client.ListJobs("maxResults=10")).Json.GetProperty("nextToken").GetString()!;

            IoTProtocolTests.AssertError(await client.ListJobs("maxResults=10&nextToken=" + snowballToken), 400, "InvalidRequestException");
            SnowballProtocolTests.AssertError(await client.ListClusterJobs(cluster, 10, iotToken), 400, "InvalidNextTokenException");
        }

        /// <summary>Both regions are served by the default stores, so only the binding to the signing region tells the tokens apart.</summary>
        [Fact]
        public async Task ATokenIsValidOnlyInTheRegionItWasIssuedFor()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            string cluster = SnowballStore.NewClusterId(5);
            endpoint.Snowball.AddGeneratedCluster(cluster, 30);
            var jobs = endpoint.IoT.AddGenerated(30);
            using var client = new RawClient(endpoint);
            var virginia = RegionTests.SignedFor("us-east-1", "iot");
            string iotToken = (await client.ListJobs("maxResults=10", virginia)).Json.GetProperty("nextToken").GetString()!;
            var snowballFirst = await RawReply.From(await client.SendSnowball(RawClient.SnowballBody(cluster, 10), customize: RegionTests.SignedFor("us-east-1", "snowball")));
            string snowballToken = snowballFirst.Json.GetProperty("NextToken").GetString()!;

            var sameRegion = await client.ListJobs("maxResults=10&nextToken=" + iotToken, virginia);
            var otherRegion = await client.ListJobs("maxResults=10&nextToken=" + iotToken, RegionTests.SignedFor("us-west-2", "iot"));
            var snowballElsewhere = await RawReply.From(await client.SendSnowball(
                RawClient.SnowballBody(cluster, 10, snowballToken),
                customize: RegionTests.SignedFor("us-west-2", "snowball")));

            Assert.Equal(jobs.Skip(10).Take(10).Select(j => j.JobId), sameRegion.Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("jobId").GetString()));
            IoTProtocolTests.AssertError(otherRegion, 400, "InvalidRequestException");
            SnowballProtocolTests.AssertError(snowballElsewhere, 400, "InvalidNextTokenException");
        }
    }
}
