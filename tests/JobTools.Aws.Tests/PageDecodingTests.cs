using System;
using System.Text.Json;
using JobTools.Vocabulary;
using static JobTools.Aws.Tests.Decode;

namespace JobTools.Aws.Tests
{
    /// <summary>The page decoders read members by their UTF-8 bytes and share the known enum strings.</summary>
    public sealed class PageDecodingTests
    {
        [Fact]
        public void AnIoTPageDecodesEveryMember()
        {
            var page = IoTPage((
                "{\"jobs\":[{\"jobArn\":\"arn:aws:iot:us-east-1:123456789012:job/j1\",\"jobId\":\"j1\",\"thingGroupId\":\"g-1\"," +
                "\"targetSelection\":\"SNAPSHOT\",\"status\":\"COMPLETED\",\"createdAt\":1740787200.123,\"lastUpdatedAt\":1740787201," +
                "\"completedAt\":1740787202.5,\"isConcurrent\":false}],\"nextToken\":\"t2\"}"));
            var job = Assert.Single(page.Items);
            Assert.Equal("arn:aws:iot:us-east-1:123456789012:job/j1", job.JobArn);
            Assert.Equal("j1", job.JobId);
            Assert.Equal("g-1", job.ThingGroupId);
            Assert.Equal("SNAPSHOT", job.TargetSelection);
            Assert.Equal("COMPLETED", job.Status);
            Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 0, 123, DateTimeKind.Utc), job.CreatedAt);
            Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 1, DateTimeKind.Utc), job.LastUpdatedAt);
            Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 2, 500, DateTimeKind.Utc), job.CompletedAt);
            Assert.False(job.IsConcurrent);
            Assert.Equal("t2", page.NextToken);
        }

        [Fact]
        public void KnownEnumValuesAreTheSharedStringsAndUnknownOnesPassThrough()
        {
            var page = IoTPage((
                "{\"jobs\":[{\"jobId\":\"a\",\"status\":\"IN_PROGRESS\",\"targetSelection\":\"CONTINUOUS\"}," +
                "{\"jobId\":\"b\",\"status\":\"PAUSED_BY_A_NEWER_API\",\"targetSelection\":\"SNAPSHOT\"}]}"));
            string known = KnownValues.IoTJobStatus.Normalize("IN_PROGRESS")!;
            Assert.Same(known, page.Items[0].Status);
            Assert.Equal("PAUSED_BY_A_NEWER_API", page.Items[1].Status);
            Assert.Null(page.NextToken);
        }

        [Fact]
        public void EscapedNamesAndValuesDecodeAsTheirText()
        {
            // \u0041 is 'A' and \u005f is '_': JSON may spell any character this way.
            var page = IoTPage((
                "{\"jobs\":[{\"jobId\":\"j\\u0041\",\"st\\u0061tus\":\"IN\\u005fPROGRESS\",\"jobArn\":\"arn\\/x\"}],\"next\\u0054oken\":\"t\"}"));
            var job = Assert.Single(page.Items);
            Assert.Equal("jA", job.JobId);
            Assert.Equal("IN_PROGRESS", job.Status);
            Assert.Equal("arn/x", job.JobArn);
            Assert.Equal("t", page.NextToken);
        }

        [Fact]
        public void UnknownMembersAndNullsAreSkipped()
        {
            var page = IoTPage((
                "{\"jobs\":[{\"future\":{\"nested\":[1,{\"jobId\":\"not me\"}]},\"jobId\":\"j\",\"status\":null,\"createdAt\":null,\"isConcurrent\":null}]," +
                "\"extra\":[\"x\"],\"nextToken\":null}"));
            var job = Assert.Single(page.Items);
            Assert.Equal("j", job.JobId);
            Assert.Null(job.Status);
            Assert.Null(job.CreatedAt);
            Assert.Null(job.IsConcurrent);
            Assert.Null(page.NextToken);
        }

        [Fact]
        public void ASnowballPageDecodesEveryMember()
        {
            var page = SnowballPage((
                "{\"JobListEntries\":[{\"JobId\":\"JID1\",\"JobState\":\"New\",\"IsMaster\":true,\"JobType\":\"LOCAL_USE\"," +
                "\"SnowballType\":\"RACK_5U_C\",\"CreationDate\":1480475524.335,\"Description\":\"node 1\"}," +
                "{\"JobId\":\"JID2\",\"JobState\":\"Teleporting\",\"JobType\":\"BEAM\",\"SnowballType\":\"V9\"}],\"NextToken\":\"n\"}"));
            Assert.Equal(2, page.Items.Count);
            var first = page.Items[0];
            Assert.Equal(ClusterId, first.ClusterId);
            Assert.Equal("JID1", first.JobId);
            Assert.Same(KnownValues.SnowballJobState.Normalize("New"), first.JobState);
            Assert.True(first.IsMaster);
            Assert.Equal("LOCAL_USE", first.JobType);
            Assert.Equal("RACK_5U_C", first.SnowballType);
            Assert.Equal(new DateTime(2016, 11, 30, 3, 12, 4, 335, DateTimeKind.Utc), first.CreationDate);
            Assert.Equal("node 1", first.Description);
            Assert.Equal(("Teleporting", "BEAM", "V9"), (page.Items[1].JobState, page.Items[1].JobType, page.Items[1].SnowballType));
            Assert.False(page.Items[1].IsMaster);
            Assert.Equal("n", page.NextToken);
        }

        [Fact]
        public void ABodyThatIsNotAnObjectIsRefused()
        {
            Assert.ThrowsAny<JsonException>(() => IoTPage(("[]")));
            Assert.ThrowsAny<JsonException>(() => SnowballPage(("{\"JobListEntries\":[{\"JobId\":")));
        }

    }
}
