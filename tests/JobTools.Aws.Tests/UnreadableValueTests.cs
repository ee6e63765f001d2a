using System;
using System.Linq;
using static JobTools.Aws.Tests.Decode;

namespace JobTools.Aws.Tests
{
    /// <summary>
    /// One value the module cannot read leaves that property empty and is reported against its job; the rest of
    /// the job, the rest of the page and the page's token are read as usual, so the listing goes on past it.
    /// </summary>
    public sealed class UnreadableValueTests
    {
        [Theory]
        [InlineData("\"createdAt\":1.6e12", "createdAt is the number 1.6e12, not a time in epoch seconds (a time in milliseconds?)")]
        [InlineData("\"createdAt\":1600000000000", "createdAt is the number 1600000000000, not a time in epoch seconds (a time in milliseconds?)")]
        [InlineData("\"createdAt\":1e400", "createdAt is the number 1e400, not a time in epoch seconds")]
        [InlineData("\"createdAt\":\"yesterday\"", "createdAt is the string \"yesterday\", not a time in epoch seconds or ISO 8601")]
        [InlineData("\"createdAt\":[1740787200]", "createdAt is an array, not a time")]
        [InlineData("\"createdAt\":true", "createdAt is true, not a time")]
        public void AnUnreadableTimeIsLeftEmptyAndReported(string member, string problem)
        {
            var page = IoTPage("{\"jobs\":[" + Job("j1") + "," + Job("j2", member) + "," + Job("j3") + "],\"nextToken\":\"t2\"}");

            Assert.Equal(new[] { "j1", "j2", "j3" }, page.Items.Select(j => j.JobId));
            var odd = page.Items[1];
            Assert.Null(odd.CreatedAt);
            Assert.Equal(("arn:j2", "COMPLETED", new DateTime(2025, 3, 1, 0, 0, 1, DateTimeKind.Utc)), (odd.JobArn, odd.Status, odd.LastUpdatedAt));
            Assert.Equal("t2", page.NextToken);
            var reported = Assert.Single(page.Problems);
            Assert.Equal(1, reported.Index);
            Assert.Contains("ListJobs job 'j2'", reported.Message);
            Assert.Contains(problem, reported.Message);
        }

        [Theory]
        [InlineData("\"jobArn\":\"arn:\\ud800\"", "jobArn is the string \"arn:\\ud800\", not valid Unicode text")]
        [InlineData("\"jobArn\":\"arn:\\udc00x\"", "jobArn is the string \"arn:\\udc00x\", not valid Unicode text")]
        [InlineData("\"status\":\"IN_PROGRESS\\ud800\"", "status is the string \"IN_PROGRESS\\ud800\", not valid Unicode text")]
        [InlineData("\"status\":[\"IN_PROGRESS\"]", "status is an array, not a string")]
        [InlineData("\"thingGroupId\":{\"id\":\"g\"}", "thingGroupId is an object, not a string")]
        [InlineData("\"jobArn\":42", "jobArn is the number 42, not a string")]
        [InlineData("\"isConcurrent\":\"yes\"", "isConcurrent is the string \"yes\", not true or false")]
        public void AnUnreadableStringOrFlagIsLeftEmptyAndReported(string member, string problem)
        {
            // The odd member comes first, so the members after it must still be read.
            var page = IoTPage("{\"jobs\":[{" + member + ",\"jobId\":\"j1\",\"lastUpdatedAt\":1740787201}]}");

            var job = Assert.Single(page.Items);
            Assert.Equal("j1", job.JobId);
            Assert.Equal(new DateTime(2025, 3, 1, 0, 0, 1, DateTimeKind.Utc), job.LastUpdatedAt);
            Assert.Null(job.JobArn);
            Assert.Null(job.Status);
            Assert.Null(job.ThingGroupId);
            Assert.Null(job.IsConcurrent);
            var reported = Assert.Single(page.Problems);
            Assert.Contains(problem, reported.Message);
        }

        [Fact]
        public void EveryUnreadableValueOfAJobIsReportedInOneProblem()
        {
            var page = IoTPage("{\"jobs\":[{\"jobId\":\"j1\",\"createdAt\":\"soon\",\"status\":7}]}");

            var reported = Assert.Single(page.Problems);
            Assert.Contains("createdAt is the string \"soon\", not a time", reported.Message);
            Assert.Contains("status is the number 7, not a string", reported.Message);
        }

        [Fact]
        public void AJobWithoutAReadableIdIsNamedByItsPlaceOnThePage()
        {
            var page = IoTPage("{\"jobs\":[" + Job("j1") + ",{\"jobId\":[\"j2\"],\"jobArn\":\"arn:j2\"}]}");

            Assert.Null(page.Items[1].JobId);
            Assert.Equal("arn:j2", page.Items[1].JobArn);
            var reported = Assert.Single(page.Problems);
            Assert.Equal(1, reported.Index);
            Assert.Contains("job 2 of the page", reported.Message);
            Assert.Contains("jobId is an array, not a string", reported.Message);
        }

        [Fact]
        public void ALongValueIsShortenedInTheReport()
        {
            string text = "IQoJb3JpZ2luX2VjE" + new string('A', 400);
            var page = IoTPage("{\"jobs\":[{\"jobId\":\"j1\",\"createdAt\":\"" + text + "\"}]}");

            string message = Assert.Single(page.Problems).Message;
            Assert.DoesNotContain(text.Substring(0, 30), message);
            Assert.Contains("(417 characters)", message);
        }

        [Fact]
        public void UnknownMembersWhoseNamesAreNotValidUnicodeAreSkipped()
        {
            var page = IoTPage("{\"jobs\":[{\"\\ud800\":{\"x\":1},\"jobId\":\"j1\"}]}");

            Assert.Equal("j1", Assert.Single(page.Items).JobId);
            Assert.Empty(page.Problems);
        }

        [Theory]
        [InlineData("\"CreationDate\":1.6e12", "CreationDate is the number 1.6e12, not a time in epoch seconds (a time in milliseconds?)")]
        [InlineData("\"IsMaster\":\"true\"", "IsMaster is the string \"true\", not true or false")]
        [InlineData("\"Description\":\"node \\udc00\"", "Description is the string \"node \\udc00\", not valid Unicode text")]
        [InlineData("\"JobState\":{\"Name\":\"New\"}", "JobState is an object, not a string")]
        [InlineData("\"SnowballType\":[\"EDGE\"]", "SnowballType is an array, not a string")]
        public void ASnowballEntryWithAnUnreadableValueIsStillListed(string member, string problem)
        {
            var page = SnowballPage("{\"JobListEntries\":[{\"JobId\":\"JID1\",\"JobState\":\"New\"},{\"JobId\":\"JID2\"," + member + ",\"JobType\":\"IMPORT\"}],\"NextToken\":\"n\"}");

            Assert.Equal(new[] { "JID1", "JID2" }, page.Items.Select(j => j.JobId));
            Assert.Equal("IMPORT", page.Items[1].JobType);
            Assert.Equal(ClusterId, page.Items[1].ClusterId);
            Assert.Equal("n", page.NextToken);
            var reported = Assert.Single(page.Problems);
            Assert.Equal(1, reported.Index);
            Assert.Contains("ListClusterJobs job 'JID2'", reported.Message);
            Assert.Contains(problem, reported.Message);
        }

        [Fact]
        public void NullsAreAbsentValuesNotProblems()
        {
            var page = IoTPage("{\"jobs\":[{\"jobId\":\"j1\",\"jobArn\":null,\"createdAt\":null,\"status\":null,\"isConcurrent\":null}]}");

            Assert.Equal("j1", Assert.Single(page.Items).JobId);
            Assert.Empty(page.Problems);
        }

        private static string Job(string id, string? odd = null) =>
            "{\"jobArn\":\"arn:" + id + "\",\"jobId\":\"" + id + "\",\"status\":\"COMPLETED\"," +
            (odd ?? "\"createdAt\":1740787200") + ",\"lastUpdatedAt\":1740787201}";
    }
}
