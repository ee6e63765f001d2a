using System;
using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;
using static JobTools.LocalAws.Tests.IoTProtocolTests;

namespace JobTools.LocalAws.Tests
{
    /// <summary>IoT DescribeJob over rest-json: GET /jobs/{jobId}, its answer's members, its errors and the faults every operation gets.</summary>
    public sealed class DescribeJobProtocolTests
    {
        private static readonly DateTimeOffset Created = new(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

        [Fact]
        public async Task AJobIsDescribedWithEveryMemberItHasAndNoneItLacks()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.Add(new[]
            {
                new IoTJobRecord("arn:aws:iot:us-east-1:123456789012:job/full", "full", "g-1", "fleet", "SNAPSHOT", "CANCELED", Created, Created.AddSeconds(1), Created.AddSeconds(2), true, "AWS")
                {
                    Description = "Firmware 2.1",
                    Targets = new ValueList<string>(new[] { "arn:aws:iot:us-east-1:123456789012:thinggroup/fleet", "arn:aws:iot:us-east-1:123456789012:thing/t1" }),
                    Comment = "Stopped",
                    ReasonCode = "PILOT_FAILED",
                    ForceCanceled = false,
                    JobTemplateArn = "arn:aws:iot:us-east-1:123456789012:jobtemplate/t",
                    DocumentSource = "https://s3.amazonaws.com/docs/full.json",
                    Progress = new IoTJobProgress(1, 2, 3, 4, 5, 6, 7, 8, new ValueList<string>(new[] { "arn:aws:iot:us-east-1:123456789012:thing/t1" })),
                },
                new IoTJobRecord("arn:aws:iot:us-east-1:123456789012:job/bare", "bare", null, null, "CONTINUOUS", "IN_PROGRESS", Created, null, null, null, null),
            });
            using var client = new RawClient(endpoint);

            var full = await client.Get("/jobs/full");
            var bare = await client.Get("/jobs/bare");

            Assert.Equal(200, full.StatusCode);
            Assert.Equal("application/json", full.ContentType);
            Assert.True(Guid.TryParse(full.RequestId, out _), full.RequestId);
            Assert.Equal(
                "{\"documentSource\":\"https://s3.amazonaws.com/docs/full.json\",\"job\":{\"jobArn\":\"arn:aws:iot:us-east-1:123456789012:job/full\",\"jobId\":\"full\","
                + "\"targetSelection\":\"SNAPSHOT\",\"status\":\"CANCELED\",\"forceCanceled\":false,\"reasonCode\":\"PILOT_FAILED\",\"comment\":\"Stopped\","
                + "\"targets\":[\"arn:aws:iot:us-east-1:123456789012:thinggroup/fleet\",\"arn:aws:iot:us-east-1:123456789012:thing/t1\"],\"description\":\"Firmware 2.1\","
                + "\"createdAt\":1735787045.678,\"lastUpdatedAt\":1735787046.678,\"completedAt\":1735787047.678,"
                + "\"jobProcessDetails\":{\"processingTargets\":[\"arn:aws:iot:us-east-1:123456789012:thing/t1\"],\"numberOfCanceledThings\":6,\"numberOfSucceededThings\":3,"
                + "\"numberOfFailedThings\":4,\"numberOfRejectedThings\":5,\"numberOfQueuedThings\":1,\"numberOfInProgressThings\":2,\"numberOfRemovedThings\":7,\"numberOfTimedOutThings\":8},"
                + "\"namespaceId\":\"AWS\",\"jobTemplateArn\":\"arn:aws:iot:us-east-1:123456789012:jobtemplate/t\",\"isConcurrent\":true}}",
                full.Body);
            Assert.Equal(
                "{\"job\":{\"jobArn\":\"arn:aws:iot:us-east-1:123456789012:job/bare\",\"jobId\":\"bare\",\"targetSelection\":\"CONTINUOUS\",\"status\":\"IN_PROGRESS\",\"createdAt\":1735787045.678}}",
                bare.Body);
            Assert.Equal(new[] { "DescribeJob", "DescribeJob" }, endpoint.Requests.All.Select(r => r.Operation));
        }

        [Fact]
        public async Task AnUnknownJobIsResourceNotFoundException()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(5);
            using var client = new RawClient(endpoint);

            var reply = await client.Get("/jobs/no-such-job");

            AssertError(reply, 404, "ResourceNotFoundException");
            Assert.Contains("no-such-job", reply.Json.GetProperty("message").GetString());
        }

        [Theory]
        [InlineData("/jobs/bad%20id", "Value 'bad id' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern")]
        [InlineData("/jobs/job-1-000000?beforeSubstitution=yes", "Value 'yes' at 'beforeSubstitution' failed to satisfy constraint")]
        public async Task BadInputIsInvalidRequestException(string pathAndQuery, string message)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(5);
            using var client = new RawClient(endpoint);

            var reply = await client.Get(pathAndQuery);

            AssertError(reply, 400, "InvalidRequestException");
            Assert.Contains(message, reply.Json.GetProperty("message").GetString());
        }

        [Fact]
        public async Task ALongJobIdIsInvalidRequestException()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            using var client = new RawClient(endpoint);

            var reply = await client.Get("/jobs/" + new string('a', 65));

            AssertError(reply, 400, "InvalidRequestException");
            Assert.Contains("Member must have length less than or equal to 64", reply.Json.GetProperty("message").GetString());
        }

        [Fact]
        public async Task BeforeSubstitutionIsAcceptedEitherWay()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            var job = endpoint.IoT.AddGenerated(1).Single();
            using var client = new RawClient(endpoint);

            var before = await client.Get($"/jobs/{job.JobId}?beforeSubstitution=true");
            var after = await client.Get($"/jobs/{job.JobId}?beforeSubstitution=false");

            Assert.Equal(200, before.StatusCode);
            Assert.Equal(before.Body, after.Body);
        }

        [Fact]
        public async Task DescribeJobGetsTheFaultsAndLatencyOfEveryOperation()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            var job = endpoint.IoT.AddGenerated(1).Single();
            endpoint.Faults.ThrottleRequests(new[] { 1 }, ThrottleStyle.IoT400);
            endpoint.Faults.ThrottleRequests(new[] { 2 }, ThrottleStyle.IoT429NoCode);
            endpoint.Faults.MalformedBodyOn(3);
            using var client = new RawClient(endpoint);

            var throttled = await client.Get("/jobs/" + job.JobId);
            var bare429 = await client.Get("/jobs/" + job.JobId);
            var malformed = await client.Get("/jobs/" + job.JobId);
            endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(300));
            var started = DateTime.UtcNow;
            var whole = await client.Get("/jobs/" + job.JobId);

            AssertError(throttled, 400, "ThrottlingException");
            Assert.Equal(429, bare429.StatusCode);
            Assert.Equal(200, malformed.StatusCode);
            Assert.StartsWith(malformed.Body, whole.Body, StringComparison.Ordinal);
            Assert.NotEqual(malformed.Body, whole.Body);
            Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(280));
            Assert.Equal(200, whole.StatusCode);
        }

        [Fact]
        public async Task OnlyGetOnOneJobIsDescribeJob()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            endpoint.IoT.AddGenerated(1);
            using var client = new RawClient(endpoint);

            AssertError(await client.Get("/jobs/job-1-000000/things"), 404, "UnknownOperationException");
            AssertError(await client.Get("/jobs/"), 404, "UnknownOperationException");
        }
    }
}
