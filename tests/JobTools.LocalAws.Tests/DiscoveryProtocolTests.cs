using System;
using System.Linq;
using System.Threading.Tasks;

namespace JobTools.LocalAws.Tests
{
    /// <summary>ListClusters (awsJson1_1) and ListThingGroups (rest-json): members, paging, validation and faults as the services have them.</summary>
    public sealed class DiscoveryProtocolTests
    {
        private const string ListClusters = "AWSIESnowballJobManagementService.ListClusters";

        [Fact]
        public async Task ListClustersAnswersTheDocumentedExampleAndOmitsAMissingDescription()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.Snowball.AddSeedCluster();
            endpoint.Snowball.AddCluster(new SnowballClusterRecord("CID00000009-0000-4000-8000-000000000009", "InUse", new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), null), Array.Empty<SnowballJobRecord>());
            using var client = new RawClient(endpoint);

            var reply = await RawReply.From(await client.SendSnowball("{}", target: ListClusters));

            Assert.Equal(200, reply.StatusCode);
            Assert.Equal("application/x-amz-json-1.1", reply.ContentType);
            Assert.Equal(
                "{\"ClusterListEntries\":[{\"ClusterId\":\"CID123e4567-e89b-12d3-a456-426655440000\",\"ClusterState\":\"Pending\",\"CreationDate\":1480475517.000,\"Description\":\"MyCluster\"},"
                + "{\"ClusterId\":\"CID00000009-0000-4000-8000-000000000009\",\"ClusterState\":\"InUse\",\"CreationDate\":1735787045.678}]}",
                reply.Body);
            Assert.Equal("ListClusters", endpoint.Requests.All.Single().Operation);
        }

        [Fact]
        public async Task ListClustersPagesWithTokensOfItsOwn()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            var clusters = endpoint.Snowball.AddGeneratedClusters(9, jobsEach: 3);
            using var client = new RawClient(endpoint);

            var first = await RawReply.From(await client.SendSnowball("{\"MaxResults\":4}", target: ListClusters));
            string token = first.Json.GetProperty("NextToken").GetString()!;
            var second = await RawReply.From(await client.SendSnowball($"{{\"MaxResults\":0,\"NextToken\":\"{token}\"}}", target: ListClusters));
            var jobsToken = (await client.ListClusterJobs(clusters[0].ClusterId, 1)).Json.GetProperty("NextToken").GetString();
            var foreign = await RawReply.From(await client.SendSnowball($"{{\"NextToken\":\"{jobsToken}\"}}", target: ListClusters));
            var tooMany = await RawReply.From(await client.SendSnowball("{\"MaxResults\":101}", target: ListClusters));

            Assert.Equal(clusters.Take(4).Select(c => c.ClusterId), first.Json.GetProperty("ClusterListEntries").EnumerateArray().Select(e => e.GetProperty("ClusterId").GetString()));
            Assert.Equal(clusters.Skip(4).Select(c => c.ClusterId), second.Json.GetProperty("ClusterListEntries").EnumerateArray().Select(e => e.GetProperty("ClusterId").GetString()));
            Assert.False(second.Json.TryGetProperty("NextToken", out _));
            Assert.Equal(ServiceEnumsInTurn(9), clusters.Select(c => c.ClusterState));
            SnowballProtocolTests.AssertError(foreign, 400, "InvalidNextTokenException");
            SnowballProtocolTests.AssertError(tooMany, 400, "ValidationException", "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");
        }

        [Fact]
        public async Task ListThingGroupsFiltersByPrefixCaseSensitivelyAndPages()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            var groups = endpoint.IoT.AddGeneratedThingGroups(20);
            using var client = new RawClient(endpoint);

            var first = await client.Get("/thing-groups?namePrefixFilter=fleet-&maxResults=3");
            string token = first.Json.GetProperty("nextToken").GetString()!;
            var second = await client.Get($"/thing-groups?namePrefixFilter=fleet-&nextToken={Uri.EscapeDataString(token)}");
            var otherPrefix = await client.Get($"/thing-groups?namePrefixFilter=Fleet-&nextToken={Uri.EscapeDataString(token)}");
            var upper = await client.Get("/thing-groups?namePrefixFilter=Fleet-");
            var children = await client.Get("/thing-groups?parentGroup=fleet-0000");

            Assert.Equal(200, first.StatusCode);
            Assert.Equal("application/json", first.ContentType);
            Assert.Equal(
                "{\"thingGroups\":[{\"groupName\":\"fleet-0000\",\"groupArn\":\"arn:aws:iot:us-east-1:123456789012:thinggroup/fleet-0000\"},"
                + "{\"groupName\":\"fleet-0005\",\"groupArn\":\"arn:aws:iot:us-east-1:123456789012:thinggroup/fleet-0005\"},"
                + "{\"groupName\":\"fleet-0010\",\"groupArn\":\"arn:aws:iot:us-east-1:123456789012:thinggroup/fleet-0010\"}],\"nextToken\":\"" + token + "\"}",
                first.Body);
            Assert.Equal(new[] { "fleet-0015" }, Names(second));
            Assert.False(second.Json.TryGetProperty("nextToken", out _));
            IoTProtocolTests.AssertError(otherPrefix, 400, "InvalidRequestException");
            Assert.Equal(groups.Where(g => g.GroupName.StartsWith("Fleet-", StringComparison.Ordinal)).Select(g => g.GroupName), Names(upper));
            Assert.Empty(Names(children));
        }

        [Theory]
        [InlineData("maxResults=0", "maxResults")]
        [InlineData("maxResults=251", "maxResults")]
        [InlineData("maxResults=ten", "maxResults")]
        [InlineData("namePrefixFilter=a%20b", "namePrefixFilter")]
        [InlineData("parentGroup=a*", "parentGroup")]
        [InlineData("recursive=yes", "recursive")]
        public async Task ListThingGroupsRejectsInvalidInputAsTheServiceDoes(string query, string member)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            using var client = new RawClient(endpoint);

            var reply = await client.Get("/thing-groups?" + query);

            IoTProtocolTests.AssertError(reply, 400, "InvalidRequestException");
            Assert.Contains($"at '{member}' failed to satisfy constraint", reply.Json.GetProperty("message").GetString());
        }

        [Fact]
        public async Task FaultsAndSignaturesApplyToBothOperations()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.Snowball.AddSeedCluster();
            endpoint.IoT.AddGeneratedThingGroups(2);
            endpoint.Faults.ThrottleRequests(new[] { 1, 2 }, ThrottleStyle.Snowball400);
            using var client = new RawClient(endpoint);

            var clusters = await RawReply.From(await client.SendSnowball("{}", target: ListClusters));
            var groups = await client.Get("/thing-groups");
            var clustersAgain = await RawReply.From(await client.SendSnowball("{}", target: ListClusters));

            SnowballProtocolTests.AssertError(clusters, 400, "ThrottlingException");
            Assert.Equal(400, groups.StatusCode);
            Assert.Equal(200, clustersAgain.StatusCode);

            await using var signed = await LocalAwsEndpoint.StartAsync();
            using var unsigned = new RawClient(signed);
            var refused = await unsigned.Get("/thing-groups");
            Assert.Equal(403, refused.StatusCode);
        }

        private static string[] ServiceEnumsInTurn(int count) =>
            Enumerable.Range(0, count).Select(i => new[] { "AwaitingQuorum", "Pending", "InUse", "Complete", "Cancelled" }[i % 5]).ToArray();

        private static string?[] Names(RawReply reply) =>
            reply.Json.GetProperty("thingGroups").EnumerateArray().Select(e => e.GetProperty("groupName").GetString()).ToArray();
    }
}
