using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;
using JobTools.Tests.Reliability;

namespace JobTools.Tests.IoT
{
    /// <summary>Get-IoTJob -JobId: IoT DescribeJob through the hosted engine against the local endpoint.</summary>
    public sealed class IoTDescribeTests
    {
        private const string DescribeErrorId = "ResourceNotFoundException,JobTools.Commands.GetIoTJobCommand";

        [Fact]
        public async Task EachJobIsDescribedWithEveryMemberTheServiceSent()
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(200);
            var sample = new[]
            {
                all.First(j => j.Status == "CANCELED"),
                all.First(j => j.Status == "IN_PROGRESS" && j.DocumentSource != null && j.NamespaceId is null),
                all.First(j => j.JobTemplateArn != null && j.Description is null),
                all.First(j => j.NamespaceId != null && j.CompletedAt is null),
                all.First(j => j.IsConcurrent is null && j.Description is null),
            };

            var result = local.Run("Get-IoTJob -JobId $ids @aws", new() { ["ids"] = sample.Select(j => j.JobId).ToArray() });

            Assert.Empty(result.Errors);
            Assert.Equal(sample.Length, result.Output.Count);
            foreach (var (record, item) in sample.Zip(result.Output))
            {
                Assert.Equal("JobTools.IoTJobDetail", item.TypeNames[0]);
                Assert.Equal(record.JobArn, item.Value<string>("JobArn"));
                Assert.Equal(record.JobId, item.Value<string>("JobId"));
                Assert.Equal(record.TargetSelection, item.Value<string>("TargetSelection"));
                Assert.Equal(record.Status, item.Value<string>("Status"));
                Assert.Equal(record.CreatedAt.UtcDateTime, item.Value<DateTime>("CreatedAt"));
                Assert.Equal(DateTimeKind.Utc, item.Value<DateTime>("CreatedAt").Kind);
                Assert.Equal(record.LastUpdatedAt?.UtcDateTime, item.Value<DateTime?>("LastUpdatedAt"));
                Assert.Equal(record.CompletedAt?.UtcDateTime, item.Value<DateTime?>("CompletedAt"));
                Assert.Equal(record.IsConcurrent, item.Value<bool?>("IsConcurrent"));
                Assert.Equal(record.Description, item.Value<string?>("Description"));
                Assert.Equal(record.Targets, item.Value<System.Collections.Generic.IReadOnlyList<string>>("Targets"));
                Assert.Equal(record.Comment, item.Value<string?>("Comment"));
                Assert.Equal(record.ReasonCode, item.Value<string?>("ReasonCode"));
                Assert.Equal(record.ForceCanceled, item.Value<bool?>("ForceCanceled"));
                Assert.Equal(record.NamespaceId, item.Value<string?>("NamespaceId"));
                Assert.Equal(record.JobTemplateArn, item.Value<string?>("JobTemplateArn"));
                Assert.Equal(record.DocumentSource, item.Value<string?>("DocumentSource"));
                var details = PSObject.AsPSObject(item.Properties["JobProcessDetails"].Value);
                Assert.Equal("JobTools.IoTJobProcessDetails", details.TypeNames[0]);
                var progress = record.Progress!;
                Assert.Equal(
                    new int?[] { progress.Queued, progress.InProgress, progress.Succeeded, progress.Failed, progress.Rejected, progress.Canceled, progress.Removed, progress.TimedOut },
                    new[] { "Queued", "InProgress", "Succeeded", "Failed", "Rejected", "Canceled", "Removed", "TimedOut" }.Select(n => details.Value<int?>($"NumberOf{n}Things")));
                Assert.Equal(progress.ProcessingTargets, details.Value<System.Collections.Generic.IReadOnlyList<string>>("ProcessingTargets"));
            }

            Assert.Equal(sample.Select(j => "/jobs/" + j.JobId), local.Endpoint.Requests.All.Select(r => r.PathAndQuery));
            Assert.All(local.Endpoint.Requests.All, r => Assert.Equal(("DescribeJob", 200), (r.Operation, r.StatusCode)));
        }

        [Fact]
        public async Task AListingPipedIntoGetIoTJobDescribesEachJob()
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(400);

            var result = local.Run("Get-IoTJob -Status IN_PROGRESS -First 5 @aws | Get-IoTJob @aws");

            Assert.Empty(result.Errors);
            var expected = all.Where(j => j.Status == "IN_PROGRESS").Take(5).Select(j => j.JobId).ToList();
            Assert.Equal(expected, result.Strings("JobId"));
            Assert.All(result.Output, o => Assert.Equal("JobTools.IoTJobDetail", o.TypeNames[0]));
            Assert.All(result.Output, o => Assert.Equal("IN_PROGRESS", o.Value<string>("Status")));
            Assert.Equal(1, local.Endpoint.Requests.Count("ListJobs"));
            Assert.Equal(5, local.Endpoint.Requests.Count("DescribeJob"));
        }

        [Theory]
        [InlineData("'{0}', '{1}' | Get-IoTJob @aws")]
        [InlineData("Get-IoTJob {0}, {1} @aws")]
        [InlineData("[pscustomobject]@{{ JobId = '{0}' }}, [pscustomobject]@{{ JobId = '{1}' }} | Get-IoTJob @aws")]
        public async Task IdsBindByPositionFromPipedStringsAndByPropertyName(string script)
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(10);

            var result = local.Run(string.Format(System.Globalization.CultureInfo.InvariantCulture, script, all[3].JobId, all[7].JobId));

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { all[3].JobId, all[7].JobId }, result.Strings("JobId"));
            Assert.Equal(2, local.Endpoint.Requests.Count("DescribeJob"));
        }

        [Fact]
        public async Task AnUnknownIdIsANonTerminatingObjectNotFoundErrorAndTheOthersAreDescribed()
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(10);

            var result = local.Run($"'{all[1].JobId}', 'no-such-job', '{all[2].JobId}' | Get-IoTJob @aws");

            Assert.Equal(new[] { all[1].JobId, all[2].JobId }, result.Strings("JobId"));
            var error = Assert.Single(result.Errors);
            Assert.Equal(DescribeErrorId, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("no-such-job", error.TargetObject);
            Assert.Contains("no-such-job", error.Exception.Message);
            Assert.Contains("request id", error.Exception.Message);
        }

        [Fact]
        public async Task ErrorActionStopMakesAnUnknownIdEndTheCommand()
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(10);

            var result = local.Run($"try {{ 'no-such-job', '{all[2].JobId}' | Get-IoTJob @aws -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId }}");

            Assert.Equal(DescribeErrorId, Assert.Single(result.Output).ToString());
            Assert.Equal(1, local.Endpoint.Requests.Count("DescribeJob"));
        }

        [Fact]
        public async Task BeforeSubstitutionIsSentOnlyWhenTrue()
        {
            await using var local = await EndpointSession.StartAsync();
            var job = local.Endpoint.IoT.AddGenerated(1).Single();

            var result = local.Run($"Get-IoTJob -JobId {job.JobId} -BeforeSubstitution $true @aws; Get-IoTJob -JobId {job.JobId} -BeforeSubstitution:$false @aws");

            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Output.Count);
            Assert.Equal(new[] { $"/jobs/{job.JobId}?beforeSubstitution=true", $"/jobs/{job.JobId}" }, local.Endpoint.Requests.All.Select(r => r.PathAndQuery));
        }

        [Theory]
        [InlineData("Get-IoTJob -JobId 'bad id' @aws", "ParameterArgumentValidationError,JobTools.Commands.GetIoTJobCommand")]
        [InlineData("Get-IoTJob -JobId ('a' * 65) @aws", "ParameterArgumentValidationError,JobTools.Commands.GetIoTJobCommand")]
        [InlineData("Get-IoTJob -JobId job-1 -Status IN_PROGRESS @aws", "AmbiguousParameterSet,JobTools.Commands.GetIoTJobCommand")]
        [InlineData("Get-IoTJob -JobId job-1 -NextToken abc @aws", "AmbiguousParameterSet,JobTools.Commands.GetIoTJobCommand")]
        [InlineData("Get-IoTJob -BeforeSubstitution $true @aws", "MissingMandatoryParameter,JobTools.Commands.GetIoTJobCommand")]
        public async Task ABadIdOrAListingParameterBesideJobIdFailsBeforeAnyRequest(string script, string errorId)
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.IoT.AddGenerated(1);

            var result = local.Run(script);

            Assert.Equal(errorId, Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(result.Output);
            Assert.Empty(local.Endpoint.Requests.All);
        }

        [Fact]
        public async Task FirstStopsDescribingOnceEnoughJobsWereWritten()
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(10);

            var result = local.Run("Get-IoTJob -JobId $ids -Skip 1 -First 2 @aws", new() { ["ids"] = all.Take(6).Select(j => j.JobId).ToArray() });

            Assert.Empty(result.Errors);
            Assert.Equal(all.Skip(1).Take(2).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(3, local.Endpoint.Requests.Count("DescribeJob"));
        }

        [Theory]
        [InlineData(ThrottleStyle.IoT400)]
        [InlineData(ThrottleStyle.IoT429NoCode)]
        public async Task ThrottlingIsRetriedAndEachRetryShownWithVerbose(ThrottleStyle style)
        {
            await using var local = await EndpointSession.StartAsync();
            var job = local.Endpoint.IoT.AddGenerated(1).Single();
            local.Endpoint.Faults.ThrottleRequests(new[] { 1, 2 }, style);

            var result = local.Run($"Get-IoTJob {job.JobId} @aws -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal(job.JobId, Assert.Single(result.Output).Value<string>("JobId"));
            Assert.Equal(3, local.Endpoint.Requests.Count("DescribeJob"));
            Assert.Equal(2, result.Verbose.Count(v => v.StartsWith("Attempt ", StringComparison.Ordinal) && v.Contains("; retrying in ", StringComparison.Ordinal)));
            Assert.Contains(result.Verbose, v => v.StartsWith($"Page 1 of {job.JobId}: 1 jobs in ", StringComparison.Ordinal) && v.Contains(", 2 retries,", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ABodyThatIsNotADescriptionIsRetriedAndThenAMalformedResponse()
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(2);
            local.Endpoint.Faults.MalformedBodyOn(1);
            local.Endpoint.Faults.DropConnectionOn(2);
            local.Endpoint.Faults.MalformedBodyOn(4);
            local.Endpoint.Faults.MalformedBodyOn(5);

            var recovered = local.Run($"Get-IoTJob {jobs[0].JobId} @aws");
            var failed = local.Run($"Get-IoTJob {jobs[1].JobId} -MaxRetries 1 @aws");

            Assert.Empty(recovered.Errors);
            Assert.Equal(jobs[0].JobId, Assert.Single(recovered.Output).Value<string>("JobId"));
            Assert.Empty(failed.Output);
            var error = Assert.Single(failed.Errors);
            Assert.Equal("MalformedResponse,JobTools.Commands.GetIoTJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        }

        [Fact]
        public async Task AnOddValueLeavesItsMemberEmptyWithAWarningAndAnAnswerWithoutAJobFails()
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(3);
            local.Endpoint.Faults.RewritePages(answer =>
                answer.Contains(jobs[0].JobId, StringComparison.Ordinal) ? Regex.Replace(answer, "\"numberOfFailedThings\":\\d+", "\"numberOfFailedThings\":\"many\"")
                : answer.Contains(jobs[1].JobId, StringComparison.Ordinal) ? "{\"message\":\"Internal failure\"}"
                : answer);

            var result = local.Run($"Get-IoTJob {jobs[0].JobId}, {jobs[2].JobId} @aws; Get-IoTJob {jobs[1].JobId} -MaxRetries 1 @aws");

            Assert.Equal(new[] { jobs[0].JobId, jobs[2].JobId }, result.Strings("JobId"));
            var odd = PSObject.AsPSObject(result.Output[0].Properties["JobProcessDetails"].Value);
            Assert.Null(odd.Value<int?>("NumberOfFailedThings"));
            Assert.Equal(jobs[0].Progress!.Succeeded, odd.Value<int?>("NumberOfSucceededThings"));
            var warning = Assert.Single(result.Warnings);
            Assert.Contains($"DescribeJob job '{jobs[0].JobId}': numberOfFailedThings is the string \"many\", not a 32-bit integer", warning);
            var error = Assert.Single(result.Errors);
            Assert.Equal("MalformedResponse,JobTools.Commands.GetIoTJobCommand", error.FullyQualifiedErrorId);
            Assert.Contains("not a job description", error.Exception.Message);
            Assert.Equal(jobs[1].JobId, ListingResumePointView.From(error.TargetObject).Subject);
        }

        [Fact]
        public async Task ASecretEchoedIntoAnUnreadableValueIsMaskedInTheWarning()
        {
            const string SessionToken = "short-TOKEN-4343";
            await using var server = Hostile.ScriptedServer.Start(exchange => exchange.RespondAsync(
                200,
                "{\"job\":{\"jobId\":\"j1\",\"forceCanceled\":\"" + exchange.Request.Headers["X-Amz-Security-Token"] + "\"}}",
                ("Content-Type", "application/json")));
            using var session = PowerShellSession.Create();

            var result = session.Run(
                $"Get-IoTJob j1 -EndpointUrl '{server.BaseUri}' -Region us-east-1 -AccessKey AKIDECHOTEST -SecretKey 'echo-secret-KEY-0123456789' -SessionToken '{SessionToken}' -MaxRetries 0");

            Assert.Empty(result.Errors);
            Assert.Equal("j1", Assert.Single(result.Output).Value<string>("JobId"));
            Assert.Contains("DescribeJob job 'j1': forceCanceled is the string \"[redacted]\", not true or false", Assert.Single(result.Warnings));
            Assert.DoesNotContain(SessionToken, result.AllText(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task TheDetailViewsShowTheProgressCountersAndEveryMember()
        {
            await using var local = await EndpointSession.StartAsync();
            var job = local.Endpoint.IoT.AddGenerated(10).First(j => j.Status == "CANCELED");

            var result = local.Run($@"
                $job = Get-IoTJob {job.JobId} @aws
                $job | Out-String -Width 120
                $job | Format-List | Out-String -Width 200");

            Assert.Empty(result.Errors);
            string table = result.Output[0].ToString(), list = result.Output[1].ToString();
            var progress = job.Progress!;
            Assert.Matches($@"{job.JobId}\s+CANCELED\s+{job.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}\s+{progress.Succeeded}\s+{progress.Failed}\s+{progress.InProgress}\s+{progress.Queued}", table);
            foreach (string member in new[] { "JobArn", "Description", "Targets", "Comment", "ReasonCode", "ForceCanceled", "JobTemplateArn", "DocumentSource", "ProcessingTargets" })
            {
                Assert.Contains(member, list);
            }

            Assert.Contains(job.Comment!, list);
            Assert.Contains($"rejected {progress.Rejected}, canceled {progress.Canceled}, removed {progress.Removed}, timed out {progress.TimedOut}", list);
            Assert.Contains(job.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), list);
        }
    }
}
