using System;
using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.LocalAws.Tests
{
    /// <summary>ListJobs over rest-json: members, server-side filters and the errors in the service's shape.</summary>
    public sealed class IoTProtocolTests
    {
        private const string ErrorTypeSuffix = ":http://internal.amazon.com/coral/com.amazonaws.iot/";

        [Fact]
        public async Task JobsCarryEpochMillisecondsAndOmitNullMembers()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            var created = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
            endpoint.IoT.Add(new[]
            {
                new IoTJobRecord("arn:aws:iot:us-east-1:123456789012:job/a", "a", "g-1", "group", "SNAPSHOT", "COMPLETED", created, created.AddSeconds(1), created.AddSeconds(2), true, "AWS"),
                new IoTJobRecord("arn:aws:iot:us-east-1:123456789012:job/b", "b", null, null, "CONTINUOUS", "IN_PROGRESS", created, null, null, null, null),
            });
            using var client = new RawClient(endpoint);

            var reply = await client.ListJobs();

            Assert.Equal(200, reply.StatusCode);
            Assert.Equal("application/json", reply.ContentType);
            Assert.True(Guid.TryParse(reply.RequestId, out _), reply.RequestId);
            Assert.Equal(
                "{\"jobs\":[{\"jobArn\":\"arn:aws:iot:us-east-1:123456789012:job/a\",\"jobId\":\"a\",\"thingGroupId\":\"g-1\",\"targetSelection\":\"SNAPSHOT\","
                + "\"status\":\"COMPLETED\",\"createdAt\":1735787045.678,\"lastUpdatedAt\":1735787046.678,\"completedAt\":1735787047.678,\"isConcurrent\":true},"
                + "{\"jobArn\":\"arn:aws:iot:us-east-1:123456789012:job/b\",\"jobId\":\"b\",\"targetSelection\":\"CONTINUOUS\",\"status\":\"IN_PROGRESS\","
                + "\"createdAt\":1735787045.678}]}",
                reply.Body);
        }

        [Fact]
        public async Task EveryFilterIsAppliedServerSideAndPagesDefaultTo250()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            var jobs = endpoint.IoT.AddGenerated(600);
            var sample = jobs.First(j => j.ThingGroupName != null && j.NamespaceId != null);
            using var client = new RawClient(endpoint);

            Assert.Equal(250, (await client.ListJobs()).Json.GetProperty("jobs").GetArrayLength());
            await AssertFiltered("status=SCHEDULED", j => j.Status == "SCHEDULED");
            await AssertFiltered("targetSelection=SNAPSHOT", j => j.TargetSelection == "SNAPSHOT");
            await AssertFiltered("thingGroupName=" + Uri.EscapeDataString(sample.ThingGroupName!), j => j.ThingGroupName == sample.ThingGroupName);
            await AssertFiltered("thingGroupId=" + sample.ThingGroupId, j => j.ThingGroupId == sample.ThingGroupId);
            await AssertFiltered("namespaceId=" + sample.NamespaceId, j => j.NamespaceId == sample.NamespaceId);
            await AssertFiltered("status=COMPLETED&targetSelection=CONTINUOUS", j => j.Status == "COMPLETED" && j.TargetSelection == "CONTINUOUS");

            async Task AssertFiltered(string query, Func<IoTJobRecord, bool> predicate)
            {
                var ids = (await client.ListJobs(query + "&maxResults=250")).Json.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("jobId").GetString());
                var expected = jobs.Where(predicate).Select(j => j.JobId).ToList();
                Assert.NotEmpty(expected);
                Assert.Equal(expected, ids);
            }
        }

        [Theory]
        [InlineData("status=RUNNING", "Value 'RUNNING' at 'status' failed to satisfy constraint: Member must satisfy enum value set")]
        [InlineData("targetSelection=ALL", "at 'targetSelection' failed to satisfy constraint")]
        [InlineData("maxResults=0", "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1")]
        [InlineData("maxResults=251", "Member must have value less than or equal to 250")]
        [InlineData("maxResults=ten", "Value 'ten' at 'maxResults'")]
        [InlineData("thingGroupName=my%20group", "at 'thingGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern")]
        [InlineData("nextToken=bm90LWEtdG9rZW4", "The next token is invalid")]
        public async Task BadParametersAreInvalidRequestException(string query, string message)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(10);
            using var client = new RawClient(endpoint);

            var reply = await client.ListJobs(query);

            AssertError(reply, 400, "InvalidRequestException");
            Assert.Contains(message, reply.Json.GetProperty("message").GetString());
        }

        [Theory]
        [InlineData("thingGroupName=no-such-group")]
        [InlineData("thingGroupId=00000000-0000-0000-0000-000000000000")]
        public async Task AnUnknownThingGroupIsResourceNotFoundException(string query)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(10);
            using var client = new RawClient(endpoint);

            AssertError(await client.ListJobs(query), 404, "ResourceNotFoundException");
        }

        [Fact]
        public async Task AnUnknownPathIsUnknownOperationException()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            using var client = new RawClient(endpoint);

            var reply = await client.Get("/things");

            AssertError(reply, 404, "UnknownOperationException");
        }

        internal static void AssertError(RawReply reply, int status, string code)
        {
            Assert.Equal(status, reply.StatusCode);
            Assert.True(Guid.TryParse(reply.RequestId, out _), reply.RequestId);
            Assert.Equal(code + ErrorTypeSuffix, reply.ErrorType);
            Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("message").GetString()));
        }
    }
}
