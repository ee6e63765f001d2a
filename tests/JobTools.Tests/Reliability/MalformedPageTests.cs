using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Reliability
{
    /// <summary>
    /// A 200 answer that is not a page fails the listing with MalformedResponse and its resume point, never as an
    /// empty or last page; one odd value in one job leaves that property empty with a warning naming the job,
    /// and the listing goes on, complete.
    /// </summary>
    public sealed class MalformedPageTests
    {
        [Theory]
        [InlineData("{}", "it has no \"jobs\" list")]
        [InlineData("{\"message\":\"Internal failure\"}", "it has no \"jobs\" list, only \"message\"")]
        [InlineData("{\"Jobs\":[],\"NextToken\":\"t\"}", "it has no \"jobs\" list, only \"Jobs\", \"NextToken\"")]
        [InlineData("{\"jobs\":\"nope\"}", "\"jobs\" is the string \"nope\", not a list")]
        [InlineData("{\"jobs\":null}", "\"jobs\" is null, not a list")]
        public async Task AnIoTAnswerThatIsNotAPageFailsWithTheResumePoint(string answer, string problem)
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(600);
            string secondPage = jobs[250].JobId;
            local.Endpoint.Faults.RewritePages(page => page.Contains(secondPage, StringComparison.Ordinal) ? answer : page);

            var failed = local.Run("Get-IoTJob -MaxRetries 1 @aws");

            Assert.Equal(jobs.Take(250).Select(j => j.JobId), failed.Strings("JobId"));
            var error = Assert.Single(failed.Errors);
            Assert.Equal("MalformedResponse,JobTools.Commands.GetIoTJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Contains("The ListJobs response is not a page: " + problem, error.Exception.Message);
            Assert.Contains("Gave up after 2 attempts", error.Exception.Message);
            // Counted on arrival: the log records a request once its answer is sent, which may be after the client read it.
            Assert.Equal(3, local.Endpoint.Requests.Arrived);
            var resume = ListingResumePointView.From(error.TargetObject);
            Assert.Equal(1, resume.PagesWritten);
            Assert.Contains($"-NextToken '{resume.NextToken}'", error.ErrorDetails.Message);

            local.Endpoint.Faults.Clear();
            var rest = local.Run("Get-IoTJob -NextToken $token @aws", new() { ["token"] = resume.NextToken });
            Assert.Empty(rest.Errors);
            Assert.Equal(jobs.Skip(250).Select(j => j.JobId), rest.Strings("JobId"));
        }

        [Fact]
        public async Task ANumericNextTokenFailsWithTheResumePointInsteadOfEndingTheListing()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(90);
            var jobs = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 250);
            string secondPage = jobs[100].JobId;
            local.Endpoint.Faults.RewritePages(page => page.Contains(secondPage, StringComparison.Ordinal)
                ? Regex.Replace(page, "\"NextToken\":\"[^\"]*\"", "\"NextToken\":12345")
                : page);

            var failed = local.Run($"Get-SnowballClusterJob {cluster} -MaxRetries 0 @aws");

            Assert.Equal(jobs.Take(100).Select(j => j.JobId), failed.Strings("JobId"));
            var error = Assert.Single(failed.Errors);
            Assert.Equal("MalformedResponse,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Contains("\"NextToken\" is the number 12345, not a string", error.Exception.Message);
            var resume = ListingResumePointView.From(error.TargetObject);
            Assert.Equal((cluster, 1), (resume.Subject, resume.PagesWritten));
            Assert.NotNull(resume.NextToken);
        }

        [Fact]
        public async Task ASnowballAnswerWithANullListFailsWithTheResumePoint()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(91);
            local.Endpoint.Snowball.AddGeneratedCluster(cluster, 50);
            local.Endpoint.Faults.RewritePages(_ => "{\"JobListEntries\":null}");

            var failed = local.Run($"Get-SnowballClusterJob {cluster} -MaxRetries 0 @aws");

            Assert.Empty(failed.Output);
            var error = Assert.Single(failed.Errors);
            Assert.Equal("MalformedResponse,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Contains("\"JobListEntries\" is null, not a list", error.Exception.Message);
            Assert.Equal(0, ListingResumePointView.From(error.TargetObject).PagesWritten);
        }

        [Fact]
        public async Task AnEmptyListingSucceedsWithNoJobs()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(92);
            local.Endpoint.Snowball.AddGeneratedCluster(cluster, 0);

            var iot = local.Run("Get-IoTJob @aws");
            var snowball = local.Run($"Get-SnowballClusterJob {cluster} @aws");

            Assert.Empty(iot.Errors);
            Assert.Empty(iot.Output);
            Assert.Empty(snowball.Errors);
            Assert.Empty(snowball.Output);
        }

        [Fact]
        public async Task OneUnreadableValueIsAWarningAndTheListingStaysComplete()
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(600);
            string odd = jobs[299].JobId;
            local.Endpoint.Faults.RewritePages(page => Regex.Replace(page, $"(\"jobId\":\"{odd}\"[^}}]*?\"createdAt\":)[0-9.]+", "${1}1.6e12"));

            // A scheduled script that stops on any error still gets every job.
            var result = local.Run("$ErrorActionPreference = 'Stop'; Get-IoTJob @aws");

            Assert.Empty(result.Errors);
            Assert.Equal(jobs.Select(j => j.JobId), result.Strings("JobId"));
            Assert.Null(result.Output[299].Properties["CreatedAt"].Value);
            Assert.Equal(jobs[300].CreatedAt.UtcDateTime, result.Output[300].Properties["CreatedAt"].Value);
            Assert.Equal(jobs[299].Status, result.Output[299].Properties["Status"].Value);
            string warning = Assert.Single(result.Warnings);
            Assert.Contains($"ListJobs job '{odd}': createdAt is the number 1.6e12, not a time in epoch seconds (a time in milliseconds?)", warning);
            Assert.Equal(3, local.Endpoint.Requests.Arrived);
        }

        [Fact]
        public async Task AnOddValueInAJobAFilterPassesOverIsStillReported()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(93);
            var jobs = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 30);
            string odd = jobs[7].JobId;
            local.Endpoint.Faults.RewritePages(page => page.Replace($"\"JobId\":\"{odd}\",\"JobState\":\"{jobs[7].JobState}\"", $"\"JobId\":\"{odd}\",\"JobState\":[\"{jobs[7].JobState}\"]", StringComparison.Ordinal));

            var result = local.Run($"Get-SnowballClusterJob {cluster} -JobState $state @aws", new() { ["state"] = jobs[7].JobState });

            Assert.Empty(result.Errors);
            Assert.Equal(jobs.Where((j, i) => i != 7 && j.JobState == jobs[7].JobState).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Contains($"ListClusterJobs job '{odd}': JobState is an array, not a string", Assert.Single(result.Warnings));
        }
    }
}
