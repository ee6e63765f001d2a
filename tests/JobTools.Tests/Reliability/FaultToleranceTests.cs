using System;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Reliability
{
    /// <summary>Unattended listings are complete and exact, or fail clearly with a way to resume.</summary>
    public sealed class FaultToleranceTests
    {
        [Fact]
        public async Task SnowballListingSurvivesThrottlingAndUnavailabilityExactly()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(60);
            var jobs = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 5000);
            local.Endpoint.Faults.RandomFaults(throttleRate: 0.30, unavailableRate: 0.10, seed: 60);

            var result = local.Run($"Get-SnowballClusterJob {cluster} @aws -Verbose");

            Assert.Empty(result.Errors);
            Assert.Equal(jobs.Select(j => j.JobId), result.Strings("JobId"));
            var faulted = local.Endpoint.Requests.All.Count(r => r.StatusCode != 200);
            Assert.True(faulted > 10, $"only {faulted} faults were injected");
            Assert.Equal(faulted, result.Verbose.Count(v => v.StartsWith("Attempt ", StringComparison.Ordinal) && v.Contains(" s.", StringComparison.Ordinal) && v.Contains("; retrying in ", StringComparison.Ordinal)));
            Assert.Contains(result.Verbose, v => v.Contains("ThrottlingException (HTTP 400", StringComparison.Ordinal));
            Assert.Contains(result.Verbose, v => v.Contains("ServiceUnavailableException (HTTP 503", StringComparison.Ordinal));
        }

        [Fact]
        public async Task IoTListingSurvivesThrottlingAndUnavailabilityExactly()
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(5000);
            local.Endpoint.Faults.RandomFaults(throttleRate: 0.30, unavailableRate: 0.10, seed: 61);

            var result = local.Run("Get-IoTJob @aws");

            Assert.Empty(result.Errors);
            Assert.Equal(jobs.Select(j => j.JobId), result.Strings("JobId"));
        }

        [Theory]
        [InlineData(ThrottleStyle.IoT400)]
        [InlineData(ThrottleStyle.IoT429WithCode)]
        [InlineData(ThrottleStyle.IoT429NoCode)]
        public async Task EveryIoTThrottleShapeIsRetried(ThrottleStyle style)
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(600);
            local.Endpoint.Faults.ThrottleRequests(new[] { 1, 2, 4 }, style);

            var result = local.Run("Get-IoTJob @aws");

            Assert.Empty(result.Errors);
            Assert.Equal(jobs.Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(6, local.Endpoint.Requests.Count("ListJobs"));
        }

        [Fact]
        public async Task RetriesCanBeLimitedAndTheFailureSaysHowToResume()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(62);
            var jobs = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 500);
            local.Endpoint.Faults.ThrottleRequests(new[] { 3, 4 }, ThrottleStyle.Snowball400);

            var result = local.Run($"Get-SnowballClusterJob {cluster} -MaxRetries 1 @aws");

            Assert.Equal(jobs.Take(200).Select(j => j.JobId), result.Strings("JobId"));
            var error = Assert.Single(result.Errors);
            Assert.Equal("ThrottlingException,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            var resume = Assert.IsType<ListingResumePointView>(ListingResumePointView.From(error.TargetObject));
            Assert.Equal(2, resume.PagesWritten);
            Assert.Contains($"-NextToken '{resume.NextToken}'", error.ErrorDetails.Message);
            Assert.Contains($"). Gave up after 2 attempts. The 2 pages before it were written. Resume with -NextToken '{resume.NextToken}'.", error.Exception.Message);
            Assert.Equal(4, local.Endpoint.Requests.Count("ListClusterJobs"));

            var rest = local.Run($"Get-SnowballClusterJob {cluster} -NextToken $token @aws", new() { ["token"] = resume.NextToken });
            Assert.Empty(rest.Errors);
            Assert.Equal(jobs.Skip(200).Select(j => j.JobId), rest.Strings("JobId"));
        }

        [Fact]
        public async Task DroppedConnectionIsRetried()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(63);
            var jobs = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 450);
            local.Endpoint.Faults.DropConnectionOn(3);

            var result = local.Run($"Get-SnowballClusterJob {cluster} @aws");

            Assert.Empty(result.Errors);
            Assert.Equal(jobs.Select(j => j.JobId), result.Strings("JobId"));
        }

        [Fact]
        public async Task MalformedBodyIsRetriedThenReportedWithTheResumeToken()
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(1000);
            local.Endpoint.Faults.MalformedBodyOn(2);

            var once = local.Run("Get-IoTJob @aws");
            Assert.Empty(once.Errors);
            Assert.Equal(jobs.Select(j => j.JobId), once.Strings("JobId"));

            local.Endpoint.Requests.Clear();
            local.Endpoint.Faults.MalformedBodyOn(7);
            local.Endpoint.Faults.MalformedBodyOn(8);
            local.Endpoint.Faults.MalformedBodyOn(9);
            var failed = local.Run("Get-IoTJob -MaxRetries 2 @aws");

            Assert.Equal(jobs.Take(250).Select(j => j.JobId), failed.Strings("JobId"));
            var error = Assert.Single(failed.Errors);
            Assert.True(error.CategoryInfo.Category == ErrorCategory.InvalidResult, error.Exception.ToString());
            var resume = ListingResumePointView.From(error.TargetObject);
            Assert.Equal(1, resume.PagesWritten);
            Assert.NotNull(resume.NextToken);
            Assert.Contains(resume.NextToken!, error.ErrorDetails.Message);
        }

        [Fact]
        public async Task ATokenThatComesBackStopsTheListing()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(64);
            var jobs = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 1000);
            local.Endpoint.Faults.RepeatTokenOn(4, 2);

            var result = local.Run($"Get-SnowballClusterJob {cluster} @aws");

            var error = Assert.Single(result.Errors);
            Assert.Equal("TokenRepeated,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Contains("a second time", error.Exception.Message);
            Assert.Equal(jobs.Take(400).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(4, local.Endpoint.Requests.Count("ListClusterJobs"));
        }

        [Fact]
        public async Task MaxPagesBoundsTheRequests()
        {
            await using var local = await EndpointSession.StartAsync();
            var jobs = local.Endpoint.IoT.AddGenerated(1000);

            var result = local.Run("Get-IoTJob -MaxResults 100 -MaxPages 3 @aws");

            Assert.Equal(jobs.Take(300).Select(j => j.JobId), result.Strings("JobId"));
            var error = Assert.Single(result.Errors);
            Assert.Equal("MaxPagesReached,JobTools.Commands.GetIoTJobCommand", error.FullyQualifiedErrorId);
            Assert.Contains("-NextToken", error.Exception.Message);
            Assert.Equal(3, local.Endpoint.Requests.Count("ListJobs"));
        }

        [Fact]
        public async Task StopReturnsWithinASecondAgainstASlowServer()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            endpoint.Faults.DelayAll(TimeSpan.FromSeconds(120));
            using var session = PowerShellSession.Create();
            session.SetVariable("aws", EndpointArguments.For(endpoint));

            using var shell = session.Begin($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} @aws", out var pending);
            var stopTook = await Stopping.StopOnceArrivedAsync(shell, () => endpoint.Requests.Arrived > 0);

            Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stop took {stopTook}");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Empty(shell.Streams.Error);

            // The request in flight was cancelled, not left running: the endpoint sees the client go away (499).
            // The wait is generous for a busy machine (a starved thread pool delays the cancellation callback), and
            // still far below the 120 s the endpoint would hold the request.
            var gone = DateTime.UtcNow.AddSeconds(60);
            while (endpoint.Requests.All.Count == 0 && DateTime.UtcNow < gone)
            {
                await Task.Delay(20);
            }

            Assert.Equal(499, Assert.Single(endpoint.Requests.All).StatusCode);
        }

        [Fact]
        public async Task StopWhileConnectingReturnsWithinASecond()
        {
            // A listener whose accept queue is full and never drained: a new connection waits in the handshake.
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            var fillers = Enumerable.Range(0, 6).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToList();
            try
            {
                foreach (var filler in fillers)
                {
                    _ = filler.ConnectAsync(IPAddress.Loopback, port);
                }

                await Task.Delay(300);
                using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
                {
                    var connecting = probe.ConnectAsync(IPAddress.Loopback, port);
                    Assert.False(await Task.WhenAny(connecting, Task.Delay(1000)) == connecting, "the probe connected: the listener does not hold connections in the handshake here");
                }

                using var session = PowerShellSession.Create();
                using var shell = session.Begin($"Get-IoTJob -EndpointUrl http://127.0.0.1:{port}/ -Region us-east-1 -AccessKey AKIDCONNECT -SecretKey connect-secret-0123456789", out _);
                await Task.Delay(1500);
                Assert.Equal(PSInvocationState.Running, shell.InvocationStateInfo.State);
                var clock = Stopwatch.StartNew();
                shell.Stop();

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Stop took {clock.Elapsed}");
                Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
                Assert.Empty(shell.Streams.Error);
            }
            finally
            {
                fillers.ForEach(filler => filler.Dispose());
            }
        }

        [Fact]
        public async Task AHungServerIsAConnectionErrorAfterTheTimeout()
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.IoT.AddGenerated(10);
            local.Endpoint.Faults.DelayAll(TimeSpan.FromSeconds(30));

            var stopwatch = Stopwatch.StartNew();
            var result = local.Run("Get-IoTJob -TimeoutSec 1 -MaxRetries 1 @aws");

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("timed out", error.Exception.Message);
        }

        [Fact]
        public async Task AnUnreachableEndpointIsAConnectionError()
        {
            using var session = PowerShellSession.Create();
            var result = session.Run($"Get-IoTJob -EndpointUrl http://127.0.0.1:{Stopping.ClosedPort()}/ -Region us-east-1 -AccessKey A -SecretKey B -MaxRetries 0");

            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.Contains("could not reach the endpoint", error.Exception.Message);
            await Task.CompletedTask;
        }

        [Fact]
        public async Task NullClusterIdFromThePipelineIsRejectedAndTheOthersContinue()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = local.Run($"$null, '{SnowballStore.SeedClusterId}' | Get-SnowballClusterJob @aws");

            var error = Assert.Single(result.Errors);
            Assert.Contains("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
            Assert.Equal(5, result.Output.Count);
        }

    }
}
