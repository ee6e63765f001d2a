using System.Text.Json;
using static JobTools.Aws.Tests.Decode;

namespace JobTools.Aws.Tests
{
    /// <summary>
    /// A page is a JSON object whose list member is an array of objects and whose token, when present, is a
    /// string. A 200 answer of any other shape is refused (and so retried, then reported), never read as an
    /// empty or last page.
    /// </summary>
    public sealed class PageShapeTests
    {
        [Theory]
        [InlineData("{}", "has no \"jobs\" list")]
        [InlineData("{\"message\":\"Internal failure\"}", "has no \"jobs\" list")]
        [InlineData("{\"Jobs\":[{\"jobId\":\"a\"}],\"NextToken\":\"t\"}", "has no \"jobs\" list")]
        [InlineData("{\"nextToken\":\"t\"}", "has no \"jobs\" list")]
        [InlineData("{\"jobs\":\"nope\"}", "\"jobs\" is the string \"nope\", not a list")]
        [InlineData("{\"jobs\":null}", "\"jobs\" is null, not a list")]
        [InlineData("{\"jobs\":{\"jobId\":\"a\"}}", "\"jobs\" is an object, not a list")]
        [InlineData("{\"jobs\":[{\"jobId\":\"a\"},7]}", "entry 2 of \"jobs\" is the number 7, not an object")]
        [InlineData("{\"jobs\":[null]}", "entry 1 of \"jobs\" is null, not an object")]
        [InlineData("{\"jobs\":[{\"jobId\":\"a\"}],\"nextToken\":12345}", "\"nextToken\" is the number 12345, not a string")]
        [InlineData("{\"jobs\":[],\"nextToken\":true}", "\"nextToken\" is true, not a string")]
        [InlineData("{\"jobs\":[],\"nextToken\":[\"t\"]}", "\"nextToken\" is an array, not a string")]
        [InlineData("{\"jobs\":[],\"nextToken\":\"t\\ud800\"}", "\"nextToken\" is the string \"t\\ud800\", not valid Unicode text")]
        [InlineData("{\"jobs\":[{\"jobId\":\"a\"}],\"jobs\":[]}", "it has \"jobs\" twice")]
        public void AnIoTPageOfAnotherShapeIsRefused(string body, string problem)
        {
            var error = Assert.ThrowsAny<JsonException>(() => IoTPage(body));
            Assert.Contains("ListJobs", error.Message);
            Assert.Contains(problem, error.Message);
        }

        [Theory]
        [InlineData("{}", "has no \"JobListEntries\" list")]
        [InlineData("{\"Message\":\"Internal failure\"}", "has no \"JobListEntries\" list")]
        [InlineData("{\"jobListEntries\":[{\"JobId\":\"JID1\"}]}", "has no \"JobListEntries\" list")]
        [InlineData("{\"JobListEntries\":\"nope\"}", "\"JobListEntries\" is the string \"nope\", not a list")]
        [InlineData("{\"JobListEntries\":null}", "\"JobListEntries\" is null, not a list")]
        [InlineData("{\"JobListEntries\":[\"JID1\"]}", "entry 1 of \"JobListEntries\" is the string \"JID1\", not an object")]
        [InlineData("{\"JobListEntries\":[{\"JobId\":\"JID1\"}],\"NextToken\":5}", "\"NextToken\" is the number 5, not a string")]
        public void ASnowballPageOfAnotherShapeIsRefused(string body, string problem)
        {
            var error = Assert.ThrowsAny<JsonException>(() => SnowballPage(body));
            Assert.Contains("ListClusterJobs", error.Message);
            Assert.Contains(problem, error.Message);
        }

        [Theory]
        [InlineData("{\"jobs\":[]}")]
        [InlineData("{\"jobs\":[],\"nextToken\":null}")]
        [InlineData("{\"nextToken\":null,\"jobs\":[],\"future\":{\"x\":[1]}}")]
        [InlineData("{\"\\ud800\":1,\"jobs\":[]}")]
        public void AnEmptyIoTListingIsAnEmptyLastPage(string body)
        {
            var page = IoTPage(body);
            Assert.Empty(page.Items);
            Assert.Null(page.NextToken);
            Assert.Empty(page.Problems);
        }

        [Fact]
        public void AnEmptySnowballListingIsAnEmptyLastPage()
        {
            var page = SnowballPage("{\"JobListEntries\":[]}");
            Assert.Empty(page.Items);
            Assert.Null(page.NextToken);
        }

        [Fact]
        public void AnEmptyPageWithATokenLeadsOn()
        {
            Assert.Equal("t2", IoTPage("{\"jobs\":[],\"nextToken\":\"t2\"}").NextToken);
            Assert.Equal("n2", SnowballPage("{\"JobListEntries\":[],\"NextToken\":\"n2\"}").NextToken);
        }

        [Fact]
        public void AValueFromTheServerIsShortenedInTheMessage()
        {
            string token = new string('x', 300);
            var error = Assert.ThrowsAny<JsonException>(() => IoTPage("{\"jobs\":\"" + token + "\"}"));
            Assert.DoesNotContain(token.Substring(0, 40), error.Message);
            Assert.Contains("(300 characters)", error.Message);
        }
    }
}
