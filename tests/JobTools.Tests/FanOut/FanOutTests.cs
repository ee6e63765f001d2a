using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;
using JobTools.Tests.Reliability;

namespace JobTools.Tests.FanOut
{
    /// <summary>
    /// One call over several regions, profiles or clusters, against one local endpoint that serves each signing
    /// region its own data (and can refuse a region): every source exact, every object saying where it came from,
    /// a failing source an error of its own, -First and Ctrl+C across every source.
    /// </summary>
    public sealed class FanOutTests
    {
        private static readonly string[] ThreeRegions = { "us-east-1", "eu-west-1", "ap-south-1" };

        [Fact]
        public async Task ThreeRegionsAreListedAtOnceExactlyJobByJobAndEachJobSaysItsRegion()
        {
            await using var local = await EndpointSession.StartAsync();
            var expected = new Dictionary<string, IReadOnlyList<IoTJobRecord>>
            {
                ["us-east-1"] = local.Endpoint.InRegion("us-east-1").IoT.AddGenerated(450),
                ["eu-west-1"] = local.Endpoint.InRegion("eu-west-1").IoT.AddGenerated(260),
                ["ap-south-1"] = local.Endpoint.InRegion("ap-south-1").IoT.AddGenerated(7),
            };
            local.Endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(150));

            var result = local.Run("$aws.Remove('Region'); Get-IoTJob @aws -Region us-east-1, eu-west-1, ap-south-1 -MaxResults 100");

            Assert.Empty(result.Errors);
            Assert.Equal(expected.Values.Sum(jobs => jobs.Count), result.Output.Count);
            foreach (var (region, jobs) in expected)
            {
                var listed = result.Output.Where(o => (string)o.Properties["Region"].Value == region).ToList();
                Assert.Equal(jobs.Select(j => j.JobId), listed.Select(o => (string)o.Properties["JobId"].Value));
                Assert.All(listed, o => Assert.Equal(region, ((string)o.Properties["JobArn"].Value).Split(':')[3]));
            }

            Assert.All(result.Output, o =>
            {
                Assert.Equal("JobTools.IoTJob#Sources", o.TypeNames[0]);
                Assert.Equal("JobTools.IoTJob", o.BaseObject.GetType().FullName);
                Assert.Equal("123456789012", o.Properties["AccountId"].Value);
                Assert.Null(o.Properties["ProfileName"].Value);
            });
            Assert.InRange(local.Endpoint.Requests.MostInFlight, 2, 3);
            Assert.Equal(new[] { 5, 3, 1 }, ThreeRegions.Select(r => local.Endpoint.Requests.All.Count(q => q.SigningRegion == r)));
        }

        [Fact]
        public async Task WithOneSourceTheObjectsAreAsBeforeAndSayTheirRegion()
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(3);

            var result = local.Run("Get-IoTJob @aws");

            Assert.Equal(jobs.Select(j => j.JobId), result.Strings("JobId"));
            Assert.All(result.Output, o =>
            {
                Assert.Equal("JobTools.IoTJob", o.TypeNames[0]);
                Assert.Equal("us-east-1", o.Properties["Region"].Value);
            });
        }

        [Fact]
        public async Task ARefusedRegionIsAnErrorOfItsOwnNamingItAndTheOthersFinish()
        {
            await using var local = await EndpointSession.StartAsync();
            var east = local.Endpoint.InRegion("us-east-1").IoT.AddGenerated(300);
            var west = local.Endpoint.InRegion("eu-west-1").IoT.AddGenerated(120);
            local.Endpoint.Faults.RefuseRegion("ap-east-1");

            var result = local.Run("$aws.Remove('Region'); Get-IoTJob @aws -Region us-east-1, ap-east-1, eu-west-1");

            var error = Assert.Single(result.Errors);
            Assert.Equal("UnrecognizedClientException,JobTools.Commands.GetIoTJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.StartsWith("IoT jobs in ap-east-1: ", error.Exception.Message);
            var resume = ListingResumePointView.From(error.TargetObject);
            Assert.Equal(("IoT jobs", "ap-east-1", (string?)null, 0), (resume.Subject, resume.Region, resume.NextToken, resume.PagesWritten));
            Assert.Equal(east.Concat(west).Select(j => j.JobId).OrderBy(id => id, StringComparer.Ordinal), result.Strings("JobId").OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public async Task ASourceThatFailsPartWayCarriesItsOwnResumePoint()
        {
            // One source at a time: us-east-1's second request (its page 2) is throttled, with no retry left.
            await using var failing = await EndpointSession.StartAsync();
            var east = failing.Endpoint.InRegion("us-east-1").IoT.AddGenerated(250);
            failing.Endpoint.InRegion("eu-west-1").IoT.AddGenerated(30);
            failing.Endpoint.Faults.ThrottleRequests(new[] { 2 }, ThrottleStyle.IoT400);
            var interrupted = failing.Run("$aws.Remove('Region'); Get-IoTJob @aws -Region us-east-1, eu-west-1 -MaxResults 100 -MaxRetries 0 -ThrottleLimit 1");

            var error = Assert.Single(interrupted.Errors);
            var resume = ListingResumePointView.From(error.TargetObject);
            Assert.Equal(("us-east-1", 1), (resume.Region, resume.PagesWritten));
            Assert.NotNull(resume.NextToken);
            Assert.StartsWith("IoT jobs in us-east-1: ", error.Exception.Message);
            Assert.Contains($"Resume this source alone with -Region us-east-1 -NextToken '{resume.NextToken}'.", error.Exception.Message);
            Assert.Equal(130, interrupted.Output.Count);

            var rest = failing.Run("$aws.Remove('Region'); Get-IoTJob @aws -Region $r.Region -NextToken $r.NextToken -MaxResults 100", new() { ["r"] = resume });
            Assert.Empty(rest.Errors);
            Assert.Equal(east.Skip(100).Select(j => j.JobId), rest.Strings("JobId"));
        }

        [Fact]
        public async Task FirstCountsAcrossEverySourceAndThenStopsThemAll()
        {
            await using var local = await EndpointSession.StartAsync();
            foreach (string region in ThreeRegions)
            {
                local.Endpoint.InRegion(region).IoT.AddGenerated(400);
            }

            var result = local.Run("$aws.Remove('Region'); Get-IoTJob @aws -Region us-east-1, eu-west-1, ap-south-1 -First 7 -MaxResults 100");

            Assert.Empty(result.Errors);
            Assert.Equal(7, result.Output.Count);
            foreach (var listed in result.Output.GroupBy(o => (string)o.Properties["Region"].Value))
            {
                Assert.Equal(
                    local.Endpoint.InRegion(listed.Key).IoT.Jobs.Take(listed.Count()).Select(j => j.JobId),
                    listed.Select(o => (string)o.Properties["JobId"].Value));
            }

            // No source asks for more than -First, and none goes past its second page.
            Assert.All(local.Endpoint.Requests.All, r => Assert.InRange(int.Parse(System.Text.RegularExpressions.Regex.Match(r.PathAndQuery, "maxResults=([0-9]+)").Groups[1].Value), 1, 7));
            Assert.InRange(local.Endpoint.Requests.Arrived, 1, 6);
        }

        [Fact]
        public async Task StoppingCancelsEverySourceAndItsRequestInFlight()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            endpoint.IoT.AddGenerated(10);
            endpoint.Faults.DelayAll(TimeSpan.FromSeconds(120));
            using var session = PowerShellSession.Create();
            session.SetVariable("aws", EndpointArguments.For(endpoint));

            using var shell = session.Begin("$aws.Remove('Region'); Get-IoTJob @aws -Region us-east-1, eu-west-1, ap-south-1", out _);
            var stopTook = await Stopping.StopOnceArrivedAsync(shell, () => endpoint.Requests.Arrived == 3);

            Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stop took {stopTook}");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Empty(shell.Streams.Error);
            await WaitForAnswersAsync(endpoint, 3);
            Assert.All(endpoint.Requests.All, r => Assert.Equal(499, r.StatusCode));
        }

        [Fact]
        public async Task ErrorActionStopStopsEverySourceAndCancelsTheRequestsInFlight()
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.IoT.AddGenerated(10);
            local.Endpoint.Faults.RefuseRegion("ap-east-1");
            local.Endpoint.Faults.DelayAll(TimeSpan.FromSeconds(120));

            var result = local.Run(@"
                $aws.Remove('Region')
                try { Get-IoTJob @aws -Region us-east-1, ap-east-1, eu-west-1 -ErrorAction Stop; 'not stopped' }
                catch { $_.FullyQualifiedErrorId }");

            Assert.Equal(new object[] { "UnrecognizedClientException,JobTools.Commands.GetIoTJobCommand" }, result.Output.Select(o => o.BaseObject));
            await WaitForAnswersAsync(local.Endpoint, 3);
            Assert.Equal(
                new[] { ("ap-east-1", 403), ("eu-west-1", 499), ("us-east-1", 499) },
                local.Endpoint.Requests.All.Select(r => (r.SigningRegion!, r.StatusCode)).OrderBy(r => r.Item1, StringComparer.Ordinal));
        }

        [Fact]
        public async Task NothingIsWrittenOffThePipelineThread()
        {
            await using var local = await EndpointSession.StartAsync();
            foreach (string region in ThreeRegions)
            {
                local.Endpoint.InRegion(region).IoT.AddGenerated(300);
            }

            local.Endpoint.Faults.RefuseRegion("ap-east-1");
            local.Endpoint.Faults.RandomFaults(throttleRate: 0.3, unavailableRate: 0, seed: 5);

            var result = local.Run(@"
                $aws.Remove('Region')
                $pipeline = [Environment]::CurrentManagedThreadId
                $threads = Get-IoTJob @aws -Region us-east-1, eu-west-1, ap-south-1, ap-east-1 -MaxResults 50 -Verbose -ErrorVariable failed -ErrorAction SilentlyContinue 4>$null |
                    ForEach-Object { [Environment]::CurrentManagedThreadId }
                [pscustomobject]@{ Pipeline = $pipeline; Threads = @($threads | Sort-Object -Unique); Written = @($threads).Count; Failed = $failed.Count }");

            var summary = Assert.Single(result.Output);
            var threads = ((object[])summary.Properties["Threads"].Value).Select(t => PSObject.AsPSObject(t).BaseObject);
            Assert.Equal(new[] { summary.Properties["Pipeline"].Value }, threads);
            Assert.Equal(900, summary.Properties["Written"].Value);
            Assert.Equal(1, summary.Properties["Failed"].Value);
            Assert.Contains(local.Endpoint.Requests.All, r => r.StatusCode == 400);
        }

        [Fact]
        public async Task PipedClustersAreListedAtOnceEachExactlyAndTheThrottleLimitHolds()
        {
            await using var local = await EndpointSession.StartAsync();
            var clusters = local.Endpoint.Snowball.AddGeneratedClusters(4, jobsEach: 250);
            local.Endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(200));

            var all = local.Run("$ids | Get-SnowballClusterJob @aws", new() { ["ids"] = clusters.Select(c => c.ClusterId).ToArray() });
            int mostAtOnce = local.Endpoint.Requests.MostInFlight;

            Assert.Empty(all.Errors);
            Assert.InRange(mostAtOnce, 2, 4);
            foreach (var cluster in clusters)
            {
                Assert.Equal(
                    local.Endpoint.Snowball.Jobs(cluster.ClusterId).Select(j => j.JobId),
                    all.Output.Where(o => (string)o.Properties["ClusterId"].Value == cluster.ClusterId).Select(o => (string)o.Properties["JobId"].Value));
            }

            Assert.All(all.Output, o => Assert.Equal("JobTools.SnowballClusterJob#Clusters", o.TypeNames[0]));
            Assert.Equal(1000, all.Output.Count);

            await using var throttled = await EndpointSession.StartAsync();
            var again = throttled.Endpoint.Snowball.AddGeneratedClusters(4, jobsEach: 250);
            throttled.Endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(100));
            var one = throttled.Run("Get-SnowballClusterJob @aws -ClusterId $ids -ThrottleLimit 1", new() { ["ids"] = again.Select(c => c.ClusterId).ToArray() });
            Assert.Empty(one.Errors);
            Assert.Equal(1000, one.Output.Count);
            Assert.Equal(1, throttled.Endpoint.Requests.MostInFlight);
        }

        [Fact]
        public async Task PipedObjectsAreTakenUpInTheRegionTheyCameFrom()
        {
            await using var local = await EndpointSession.StartAsync();
            var east = local.Endpoint.InRegion("us-east-1").Snowball.AddGeneratedClusters(2, jobsEach: 120);
            var west = local.Endpoint.InRegion("eu-west-1").Snowball.AddGeneratedClusters(3, jobsEach: 40);
            var jobs = local.Endpoint.InRegion("eu-west-1").IoT.AddGenerated(4);
            local.Endpoint.InRegion("us-east-1").IoT.AddGenerated(2);

            var clusterJobs = local.Run("$aws.Remove('Region'); Get-SnowballCluster @aws -Region us-east-1, eu-west-1 | Get-SnowballClusterJob @aws");
            var described = local.Run("$aws.Remove('Region'); Get-IoTJob @aws -Region us-east-1, eu-west-1 | Get-IoTJob @aws");

            Assert.Empty(clusterJobs.Errors);
            foreach (var (region, clusters) in new[] { ("us-east-1", east), ("eu-west-1", west) })
            {
                foreach (var cluster in clusters)
                {
                    var listed = clusterJobs.Output.Where(o => (string)o.Properties["ClusterId"].Value == cluster.ClusterId).ToList();
                    Assert.Equal(local.Endpoint.InRegion(region).Snowball.Jobs(cluster.ClusterId).Select(j => j.JobId), listed.Select(o => (string)o.Properties["JobId"].Value));
                    Assert.All(listed, o => Assert.Equal(region, o.Properties["Region"].Value));
                }
            }

            Assert.Empty(described.Errors);
            Assert.Equal(6, described.Output.Count);
            Assert.All(described.Output, o =>
            {
                Assert.Equal("JobTools.IoTJobDetail", o.TypeNames[0]);
                Assert.Equal(((string)o.Properties["JobArn"].Value).Split(':')[3], o.Properties["Region"].Value);
            });
            Assert.Equal(jobs.Select(j => j.JobId).OrderBy(id => id, StringComparer.Ordinal), described.Output.Where(o => (string)o.Properties["Region"].Value == "eu-west-1").Select(o => (string)o.Properties["JobId"].Value).OrderBy(id => id, StringComparer.Ordinal));
            Assert.Equal(6, local.Endpoint.Requests.Count("DescribeJob"));
        }

        [Fact]
        public async Task EachProfileIsASourceAndEachObjectSaysItsProfile()
        {
            var options = new LocalAwsOptions
            {
                Credentials = new Dictionary<string, string> { ["AKIDOPS"] = "ops-secret", ["AKIDLAB"] = "lab-secret" },
            };
            await using var local = await EndpointSession.StartAsync(options);
            var jobs = local.Endpoint.IoT.AddGenerated(20);
            string file = Path.Combine(Path.GetTempPath(), $"jobtools-profiles-{Guid.NewGuid():N}");
            File.WriteAllText(file, "[ops]\naws_access_key_id = AKIDOPS\naws_secret_access_key = ops-secret\n[lab]\naws_access_key_id = AKIDLAB\naws_secret_access_key = lab-secret\n");
            try
            {
                var result = local.Run(
                    "Get-IoTJob -EndpointUrl $aws.EndpointUrl -ProfileLocation $file -ProfileName ops, lab -Region us-east-1, eu-west-1",
                    new() { ["file"] = file });

                Assert.Empty(result.Errors);
                Assert.Equal(80, result.Output.Count);
                foreach (var source in result.Output.GroupBy(o => ((string)o.Properties["ProfileName"].Value, (string)o.Properties["Region"].Value)))
                {
                    Assert.Equal(jobs.Select(j => j.JobId), source.Select(o => (string)o.Properties["JobId"].Value));
                }

                Assert.Equal(
                    new[] { "AKIDLAB eu-west-1", "AKIDLAB us-east-1", "AKIDOPS eu-west-1", "AKIDOPS us-east-1" },
                    local.Endpoint.Requests.All.Select(r => $"{r.AccessKeyId} {r.SigningRegion}").OrderBy(k => k, StringComparer.Ordinal));
                Assert.DoesNotContain(result.Output, o => o.ToString()!.Contains("secret", StringComparison.Ordinal));
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public async Task AWildcardListsTheKnownRegionsItMatches()
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.IoT.AddGenerated(2);

            var result = local.Run(@"
                $aws.Remove('Region')
                $known = (TabExpansion2 -inputScript 'Get-IoTJob -Region eu-' -cursorColumn 22).CompletionMatches.CompletionText
                $jobs = Get-IoTJob @aws -Region 'eu-*'
                [pscustomobject]@{ Known = @($known | Sort-Object); Listed = @($jobs.Region | Sort-Object -Unique) }");

            Assert.Empty(result.Errors);
            var summary = Assert.Single(result.Output);
            var known = ((object[])summary.Properties["Known"].Value).Cast<object>().Select(o => o.ToString()).ToList();
            // The standard partition's eu- regions: not eu-isoe-west-1, which is in an isolated partition.
            var standard = known.Where(r => !r!.Contains("-iso", StringComparison.Ordinal)).ToList();
            Assert.Contains("eu-west-1", standard);
            Assert.Contains("eu-isoe-west-1", known);
            Assert.Equal(standard, ((object[])summary.Properties["Listed"].Value).Cast<object>().Select(o => o.ToString()));
            Assert.Equal(standard, local.Endpoint.Requests.All.Select(r => r.SigningRegion).OrderBy(r => r, StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("Get-IoTJob @aws -Region 'zz-*'", "NoSuchSource", "-Region 'zz-*' matches no region")]
        [InlineData("Get-IoTJob @aws -Region us-east-1 -ProfileName ops, ''", "NoSuchSource", "-ProfileName '' names no profile")]
        [InlineData("Get-IoTJob @aws -Region us-east-1, eu-west-1 -NextToken abc", "NextTokenWithSeveralSources", "-NextToken resumes the listing of one source")]
        [InlineData("Get-IoTJob @aws -Region us-east-1 -ProfileName a, b -NextToken abc", "NextTokenWithSeveralSources", "this call lists 2")]
        [InlineData("Get-IoTJob @aws -Region us-east-1, eu-west-1 -JobId job-1", "JobIdWithSeveralSources", "-JobId describes jobs in one region")]
        public async Task ParameterMistakesOfAFanOutAreNamedBeforeAnythingIsSent(string script, string errorId, string message)
        {
            await using var local = await EndpointSession.StartAsync();

            var result = local.Run("$aws.Remove('Region'); " + script);

            var error = Assert.Single(result.Errors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(message, error.Exception.Message);
            Assert.Equal(0, local.Endpoint.Requests.Arrived);
        }

        /// <summary>Waits (generously, for a busy machine) until the endpoint has answered, or seen abandoned, this many requests.</summary>
        private static async Task WaitForAnswersAsync(LocalAwsEndpoint endpoint, int count)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (endpoint.Requests.All.Count < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }
}
