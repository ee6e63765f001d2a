using System;
using System.Linq;
using System.Text.Json;
using static JobTools.Aws.Tests.Decode;

namespace JobTools.Aws.Tests
{
    /// <summary>DescribeJob's answer read into a JobTools.IoTJobDetail: every member in any order, odd values left empty and reported.</summary>
    public sealed class DescriptionDecodingTests
    {
        [Fact]
        public void EveryMemberIsReadWhateverTheOrderAndUnknownOnesArePassedOver()
        {
            var described = IoTJobDescription(
                "{\"job\":{\"jobProcessDetails\":{\"numberOfTimedOutThings\":8,\"processingTargets\":[\"arn:t1\"],\"numberOfQueuedThings\":1,"
                + "\"numberOfInProgressThings\":2,\"numberOfSucceededThings\":3,\"numberOfFailedThings\":4,\"numberOfRejectedThings\":5,"
                + "\"numberOfCanceledThings\":6,\"numberOfRemovedThings\":7,\"numberOfNewThings\":9},"
                + "\"abortConfig\":{\"criteriaList\":[{\"action\":\"CANCEL\"}]},\"jobArn\":\"arn:j1\",\"jobId\":\"j1\",\"targetSelection\":\"SNAPSHOT\","
                + "\"status\":\"CANCELED\",\"forceCanceled\":true,\"reasonCode\":\"PILOT_FAILED\",\"comment\":\"Stopped\",\"targets\":[\"arn:g\",\"arn:t1\"],"
                + "\"description\":\"Firmware\",\"createdAt\":1740787200.125,\"lastUpdatedAt\":1740787201,\"completedAt\":1740787202.5,"
                + "\"namespaceId\":\"AWS\",\"jobTemplateArn\":\"arn:tpl\",\"isConcurrent\":false,\"destinationPackageVersions\":[]},"
                + "\"documentSource\":\"https://s3.amazonaws.com/b/doc.json\"}");

            var job = described.Item!;
            Assert.Empty(described.Problems);
            Assert.Equal(("arn:j1", "j1", "SNAPSHOT", "CANCELED"), (job.JobArn, job.JobId, job.TargetSelection, job.Status));
            Assert.Equal(("Firmware", "Stopped", "PILOT_FAILED", true), (job.Description, job.Comment, job.ReasonCode, job.ForceCanceled));
            Assert.Equal(("AWS", "arn:tpl", false), (job.NamespaceId, job.JobTemplateArn, job.IsConcurrent));
            Assert.Equal("https://s3.amazonaws.com/b/doc.json", job.DocumentSource);
            Assert.Equal(new[] { "arn:g", "arn:t1" }, job.Targets);
            Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 0, 125, DateTimeKind.Utc), job.CreatedAt);
            Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 1, DateTimeKind.Utc), job.LastUpdatedAt);
            Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 2, 500, DateTimeKind.Utc), job.CompletedAt);
            var progress = job.JobProcessDetails!;
            Assert.Equal(
                new int?[] { 1, 2, 3, 4, 5, 6, 7, 8 },
                new[]
                {
                    progress.NumberOfQueuedThings, progress.NumberOfInProgressThings, progress.NumberOfSucceededThings, progress.NumberOfFailedThings,
                    progress.NumberOfRejectedThings, progress.NumberOfCanceledThings, progress.NumberOfRemovedThings, progress.NumberOfTimedOutThings,
                });
            Assert.Equal(new[] { "arn:t1" }, progress.ProcessingTargets);
        }

        [Fact]
        public void AbsentMembersAreNullAndAbsentListsEmpty()
        {
            var job = IoTJobDescription("{\"job\":{\"jobId\":\"j1\",\"status\":\"QUEUED\"}}").Item!;

            Assert.Equal(("j1", "QUEUED"), (job.JobId, job.Status));
            Assert.Null(job.DocumentSource);
            Assert.Null(job.JobProcessDetails);
            Assert.Empty(job.Targets);
            Assert.Null(job.CreatedAt);
        }

        [Theory]
        [InlineData("\"targets\":\"arn:t1\"", "targets is the string \"arn:t1\", not a list of strings")]
        [InlineData("\"targets\":[\"arn:t1\",7,\"arn:t2\"]", "targets is the number 7, not a string in a list")]
        [InlineData("\"jobProcessDetails\":{\"numberOfFailedThings\":\"four\"}", "numberOfFailedThings is the string \"four\", not a 32-bit integer")]
        [InlineData("\"jobProcessDetails\":{\"numberOfFailedThings\":4.5}", "numberOfFailedThings is the number 4.5, not a 32-bit integer")]
        [InlineData("\"forceCanceled\":\"no\"", "forceCanceled is the string \"no\", not true or false")]
        [InlineData("\"createdAt\":\"yesterday\"", "createdAt is the string \"yesterday\", not a time in epoch seconds or ISO 8601")]
        public void AnUnreadableValueIsLeftEmptyAndReportedAgainstTheJob(string member, string problem)
        {
            var described = IoTJobDescription("{\"job\":{" + member + ",\"jobId\":\"j1\",\"status\":\"IN_PROGRESS\",\"comment\":\"after\"}}");

            var job = described.Item!;
            Assert.Equal(("j1", "IN_PROGRESS", "after"), (job.JobId, job.Status, job.Comment));
            Assert.Empty(job.Targets);
            Assert.Null(job.ForceCanceled);
            Assert.Null(job.JobProcessDetails?.NumberOfFailedThings);
            var reported = Assert.Single(described.Problems);
            Assert.Contains("DescribeJob job 'j1'", reported.Message);
            Assert.Contains(problem, reported.Message);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("{\"documentSource\":\"s3://b/k\"}")]
        [InlineData("{\"job\":null}")]
        [InlineData("{\"job\":[]}")]
        [InlineData("[]")]
        [InlineData("{\"message\":\"Rate exceeded\"}")]
        public void AnAnswerWithoutAJobObjectIsNotADescription(string body)
        {
            var error = Assert.Throws<JsonException>(() => IoTJobDescription(body));

            Assert.Contains("DescribeJob response is not a job description", error.Message);
        }
    }
}
