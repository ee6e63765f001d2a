using System;
using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.LocalAws.Tests
{
    /// <summary>ListClusterJobs over awsJson1_1: the seed cluster, page sizes and the errors in the service's shape.</summary>
    public sealed class SnowballProtocolTests
    {
        [Fact]
        public async Task TheSeedClusterIsServedAsTheApiReferenceShowsIt()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true, VerifySignatures = false });
            using var client = new RawClient(endpoint);

            var reply = await client.ListClusterJobs(SnowballStore.SeedClusterId);

            Assert.Equal(200, reply.StatusCode);
            Assert.Equal("application/x-amz-json-1.1", reply.ContentType);
            Assert.True(Guid.TryParse(reply.RequestId, out _), reply.RequestId);
            var entries = reply.Json.GetProperty("JobListEntries").EnumerateArray().ToList();
            Assert.Equal(5, entries.Count);
            Assert.False(reply.Json.TryGetProperty("NextToken", out _));
            Assert.Equal(
                "{\"JobId\":\"JID123e4567-e89b-12d3-a456-426655440000\",\"JobState\":\"New\",\"IsMaster\":false,\"JobType\":\"LOCAL_USE\","
                + "\"SnowballType\":\"EDGE\",\"CreationDate\":1480475524.335,\"Description\":\"MyClustrer-node-001\"}",
                entries[0].GetRawText());
            Assert.Equal("JID123e4567-e89b-12d3-a456-426655440004", entries[4].GetProperty("JobId").GetString());
            Assert.Equal("MyClustrer-node-005", entries[4].GetProperty("Description").GetString());
            Assert.Equal("1480475525.335", entries[4].GetProperty("CreationDate").GetRawText());
        }

        [Theory]
        [InlineData(null, 100)]
        [InlineData(0, 100)]
        [InlineData(1, 1)]
        [InlineData(100, 100)]
        public async Task MaxResultsAbsentOrZeroMeansAHundred(int? maxResults, int expected)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            string cluster = SnowballStore.NewClusterId(1);
            endpoint.Snowball.AddGeneratedCluster(cluster, 250);
            using var client = new RawClient(endpoint);

            var reply = await client.ListClusterJobs(cluster, maxResults);

            Assert.Equal(expected, reply.Json.GetProperty("JobListEntries").GetArrayLength());
            Assert.True(reply.Json.TryGetProperty("NextToken", out _));
        }

        [Fact]
        public async Task PagingReturnsEveryJobOnceInOrderAndOmitsDescriptionWhenNull()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            string cluster = SnowballStore.NewClusterId(2);
            var jobs = endpoint.Snowball.AddGeneratedCluster(cluster, 95);
            using var client = new RawClient(endpoint);

            var (ids, pages) = await client.ListAllClusterJobs(cluster, 10);
            var first = (await client.ListClusterJobs(cluster, 10)).Json.GetProperty("JobListEntries").EnumerateArray().ToList();

            Assert.Equal(jobs.Select(j => j.JobId), ids);
            Assert.Equal(10, pages);
            Assert.All(first.Zip(jobs), pair => Assert.Equal(pair.Second.Description != null, pair.First.TryGetProperty("Description", out _)));
        }

        [Fact]
        public async Task AnUnknownClusterIsInvalidResourceException()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            using var client = new RawClient(endpoint);
            string cluster = SnowballStore.NewClusterId(404);

            var reply = await client.ListClusterJobs(cluster);

            AssertError(reply, 400, "InvalidResourceException", $"The cluster {cluster} does not exist.");
        }

        [Theory]
        [InlineData("CID123", null, "2 validation errors detected: Value 'CID123' at 'clusterId' failed to satisfy constraint: Member must satisfy regular expression pattern")]
        [InlineData("CID123E4567-E89B-12D3-A456-426655440000", null, "1 validation error detected: Value 'CID123E4567-E89B-12D3-A456-426655440000' at 'clusterId'")]
        [InlineData(SnowballStore.SeedClusterId, 101, "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100")]
        [InlineData(SnowballStore.SeedClusterId, -1, "Member must have value greater than or equal to 0")]
        public async Task ConstraintViolationsAreValidationException(string clusterId, int? maxResults, string message)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true, VerifySignatures = false });
            using var client = new RawClient(endpoint);

            var reply = await client.ListClusterJobs(clusterId, maxResults);

            AssertError(reply, 400, "ValidationException");
            Assert.Contains(message, reply.Json.GetProperty("Message").GetString());
        }

        [Fact]
        public async Task AnUnknownTargetIsUnknownOperationException()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            using var client = new RawClient(endpoint);

            var reply = await RawReply.From(await client.SendSnowball("{}", target: "AWSIESnowballJobManagementService.DescribeCluster"));

            AssertError(reply, 400, "UnknownOperationException");
            Assert.Equal("AWSIESnowballJobManagementService.DescribeCluster", endpoint.Requests.All.Single().Operation);
        }

        [Fact]
        public async Task ABodyThatIsNotJsonIsSerializationException()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            using var client = new RawClient(endpoint);

            var reply = await RawReply.From(await client.SendSnowball("{\"ClusterId\":"));

            AssertError(reply, 400, "SerializationException");
        }

        internal static void AssertError(RawReply reply, int status, string code, string? message = null)
        {
            Assert.Equal(status, reply.StatusCode);
            Assert.Equal("application/x-amz-json-1.1", reply.ContentType);
            Assert.True(Guid.TryParse(reply.RequestId, out _), reply.RequestId);
            Assert.Equal(code, reply.Json.GetProperty("__type").GetString());
            string? text = reply.Json.GetProperty("Message").GetString();
            Assert.False(string.IsNullOrEmpty(text));
            if (message != null)
            {
                Assert.Equal(message, text);
            }
        }
    }
}
