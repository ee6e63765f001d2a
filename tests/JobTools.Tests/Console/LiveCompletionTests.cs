using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.Tests.Console
{
    /// <summary>
    /// Tab on -ClusterId and -ThingGroupName lists live from the local endpoint, through TabExpansion2 in the hosted
    /// engine. Each test signs with an access key of its own, so that the module's completion cache (one per
    /// process) never answers one test from another's endpoint.
    /// </summary>
    public sealed class LiveCompletionTests
    {
        [Fact]
        public async Task ClusterIdOffersTheClustersThatMatchThePrefixWithStateDateAndDescription()
        {
            var keys = new TestKeys();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(keys.Options(seed: true));
            endpoint.Snowball.AddGeneratedClusters(20);
            var clusters = endpoint.Snowball.Clusters;
            using var session = PowerShellSession.Create();

            var all = Tab(session, keys.Line(endpoint, "Get-SnowballClusterJob -ClusterId "));
            var some = Tab(session, keys.Line(endpoint, "Get-SnowballClusterJob -ClusterId cid0000001"));
            var none = Tab(session, keys.Line(endpoint, "Get-SnowballClusterJob -ClusterId CIDzz"));

            Assert.Equal(clusters.Select(c => c.ClusterId), all.Select(m => m.CompletionText));
            Assert.Equal(clusters.Select(ToolTip), all.Select(m => m.ToolTip));
            Assert.Equal("Pending, created 2016-11-30 03:11 UTC: MyCluster", all[0].ToolTip);
            Assert.Contains(all, m => m.ToolTip.EndsWith(" UTC", StringComparison.Ordinal));
            Assert.All(all, m =>
            {
                Assert.Equal(CompletionResultType.ParameterValue, m.ResultType);
                Assert.Equal(m.CompletionText, m.ListItemText);
            });
            Assert.Equal(Enumerable.Range(0x10, 5).Select(SnowballStore.NewClusterId), some.Select(m => m.CompletionText));
            Assert.Empty(none);
            Assert.Equal(1, endpoint.Requests.Count("ListClusters"));
        }

        [Fact]
        public async Task TheEndpointRegionAndCredentialsTypedOnTheLineAreUsed()
        {
            var keys = new TestKeys();
            await using var first = await LocalAwsEndpoint.StartAsync(keys.Options());
            await using var second = await LocalAwsEndpoint.StartAsync(keys.Options());
            var firstClusters = first.Snowball.AddGeneratedClusters(3, firstNumber: 100);
            var secondClusters = second.Snowball.AddGeneratedClusters(4, firstNumber: 200);
            using var session = PowerShellSession.Create();

            var fromFirst = Tab(session, keys.Line(first, "Get-SnowballClusterJob -ClusterId "));
            var fromSecond = Tab(session, keys.Line(second, "Get-SnowballClusterJob -ClusterId ", region: "eu-west-1"));
            session.SetVariable("splat", new System.Collections.Hashtable { ["EndpointUrl"] = first.BaseUri.ToString(), ["Region"] = "ca-central-1", ["AK"] = keys.AccessKey, ["SK"] = keys.SecretKey });
            var splatted = Tab(session, "Get-SnowballClusterJob @splat -ClusterId CID");
            session.SetVariable("StoredAWSRegion", "ap-south-1");
            var storedRegion = Tab(session, $"Get-SnowballClusterJob -EndpointUrl {second.BaseUri} -AccessKey {keys.AccessKey} -SecretKey '{keys.SecretKey}' -ClusterId ");

            Assert.Equal(firstClusters.Select(c => c.ClusterId), fromFirst.Select(m => m.CompletionText));
            Assert.Equal(secondClusters.Select(c => c.ClusterId), fromSecond.Select(m => m.CompletionText));
            Assert.Equal(firstClusters.Select(c => c.ClusterId), splatted.Select(m => m.CompletionText));
            Assert.Equal(secondClusters.Select(c => c.ClusterId), storedRegion.Select(m => m.CompletionText));
            Assert.Equal(new[] { "us-east-1", "ca-central-1" }, first.Requests.All.Select(r => r.SigningRegion));
            Assert.Equal(new[] { "eu-west-1", "ap-south-1" }, second.Requests.All.Select(r => r.SigningRegion));
            Assert.All(first.Requests.All.Concat(second.Requests.All), r =>
            {
                Assert.Equal("ListClusters", r.Operation);
                Assert.Equal(keys.AccessKey, r.AccessKeyId);
                Assert.Equal(200, r.StatusCode);
            });
        }

        [Fact]
        public async Task ClusterIdsAlreadyGivenAreNotOfferedAgain()
        {
            var keys = new TestKeys();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(keys.Options(seed: true));
            endpoint.Snowball.AddGeneratedClusters(3);
            var clusters = endpoint.Snowball.Clusters.Select(c => c.ClusterId).ToList();
            using var session = PowerShellSession.Create();

            var offered = Tab(session, keys.Line(endpoint, $"Get-SnowballClusterJob -ClusterId {clusters[0]},'{clusters[2]}',"));

            Assert.Equal(clusters.Where((_, i) => i != 0 && i != 2), offered.Select(m => m.CompletionText));
        }

        [Fact]
        public async Task TheNextTabIsAnsweredFromTheCacheAndAnotherRegionIsAskedAnew()
        {
            var keys = new TestKeys();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(keys.Options(seed: true));
            using var session = PowerShellSession.Create();

            Tab(session, keys.Line(endpoint, "Get-SnowballClusterJob -ClusterId "));
            var again = Tab(session, keys.Line(endpoint, "Get-SnowballClusterJob -ClusterId CID1"));
            Tab(session, keys.Line(endpoint, "Get-SnowballClusterJob -ClusterId ", region: "us-west-2"));

            Assert.Equal(new[] { SnowballStore.SeedClusterId }, again.Select(m => m.CompletionText));
            Assert.Equal(new[] { "us-east-1", "us-west-2" }, endpoint.Requests.All.Select(r => r.SigningRegion));
            // The first and third Tabs fetched (the signing regions show it), though a busy machine may have had
            // them pressed twice; the second was answered from the cache.
            Assert.Equal(new[] { "", "CID1", "" }, Diagnostics(session).Select(d => d.Value<string>("WordToComplete")));
            Assert.Equal("Cached", Diagnostics(session)[1].Value<string>("Outcome"));
        }

        [Fact]
        public async Task ThingGroupNameIsFilteredByTheServerOnTheTypedPrefix()
        {
            var keys = new TestKeys();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(keys.Options());
            var groups = endpoint.IoT.AddGeneratedThingGroups(60);
            endpoint.IoT.AddThingGroups(new[] { "lab:sensors" });
            using var session = PowerShellSession.Create();

            var fleet = Tab(session, keys.Line(endpoint, "Get-IoTJob -ThingGroupName fleet-003"));
            var upper = Tab(session, keys.Line(endpoint, "Get-IoTJob -ThingGroupName Fleet"));
            var lab = Tab(session, keys.Line(endpoint, "Get-IoTJob -ThingGroupName lab:s"));

            Assert.Equal(new[] { "fleet-0030", "fleet-0035" }, fleet.Select(m => m.CompletionText));
            Assert.Equal(groups.Where(g => g.GroupName.StartsWith("Fleet", StringComparison.Ordinal)).Select(g => g.GroupName), upper.Select(m => m.CompletionText));
            Assert.Equal(12, upper.Count);
            var sensors = Assert.Single(lab);
            Assert.Equal("'lab:sensors'", sensors.CompletionText);
            Assert.Equal("lab:sensors", sensors.ListItemText);
            Assert.Equal("Thing group lab:sensors (arn:aws:iot:us-east-1:123456789012:thinggroup/lab:sensors)", sensors.ToolTip);
            Assert.Equal(
                new[] { "/thing-groups?maxResults=250&namePrefixFilter=fleet-003", "/thing-groups?maxResults=250&namePrefixFilter=Fleet", "/thing-groups?maxResults=250&namePrefixFilter=lab%3As" },
                endpoint.Requests.All.Select(r => r.PathAndQuery));
        }

        [Fact]
        public async Task AShorterPrefixsCompleteListingAnswersALongerOneAndATypoAsksNothing()
        {
            var keys = new TestKeys();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(keys.Options());
            var groups = endpoint.IoT.AddGeneratedThingGroups(30);
            using var session = PowerShellSession.Create();

            var plant = Tab(session, keys.Line(endpoint, "Get-IoTJob -ThingGroupName p"));
            var narrower = Tab(session, keys.Line(endpoint, "Get-IoTJob -ThingGroupName plant-001"));
            var typo = Tab(session, keys.Line(endpoint, "Get-IoTJob -ThingGroupName pl*"));

            Assert.Equal(groups.Where(g => g.GroupName.StartsWith('p')).Select(g => g.GroupName), plant.Select(m => m.CompletionText));
            Assert.Equal(new[] { "plant-0014", "plant-0019" }, narrower.Select(m => m.CompletionText));
            Assert.Empty(typo);
            Assert.Single(endpoint.Requests.All);
            var last = Diagnostics(session).Last();
            Assert.Equal("Skipped", last.Value<string>("Outcome"));
            Assert.Contains("cannot begin a thing group name", last.Value<string>("Message"));
        }

        [Fact]
        public async Task AnEndpointThatTakesFiveSecondsStillAnswersTabWithinTheBudget()
        {
            var keys = new TestKeys();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(keys.Options(seed: true));
            endpoint.Faults.DelayAll(TimeSpan.FromSeconds(5));
            using var session = PowerShellSession.Create();
            Tab(session, "Get-SnowballClusterJob -JobState ");

            var clock = Stopwatch.StartNew();
            var first = TabOnce(session, keys.Line(endpoint, "Get-SnowballClusterJob -ClusterId "));
            var took = clock.Elapsed;

            // Generous: the budget is about 2 s; anything under the server's 5 s shows Tab did not wait for it.
            Assert.True(took < TimeSpan.FromSeconds(4.5), $"Tab took {took.TotalSeconds:F1} s");
            Assert.Empty(first);
            Assert.Equal("Pending", AllDiagnostics(session).Last().Value<string>("Outcome"));

            // The request went on in the background; once it is answered, Tab offers its values at once.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (endpoint.Requests.Count("ListClusters") == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            await Task.Delay(200);
            var second = TabOnce(session, keys.Line(endpoint, "Get-SnowballClusterJob -ClusterId "));
            Assert.Equal(new[] { SnowballStore.SeedClusterId }, second.Select(m => m.CompletionText));
            Assert.Equal("Cached", AllDiagnostics(session).Last().Value<string>("Outcome"));
            Assert.Equal(1, endpoint.Requests.Arrived);
        }

        [Fact]
        public async Task AFailingEndpointGivesAnEmptyCompletionNothingInErrorAndADiagnostic()
        {
            var keys = new TestKeys();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(keys.Options(seed: true));
            endpoint.Faults.RandomFaults(throttleRate: 0, unavailableRate: 1, seed: 19);
            using var session = PowerShellSession.Create();

            var result = session.Run(@"
                $before = $Error.Count
                $failing = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
                $remembered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
                [pscustomobject]@{ Failing = $failing.Count; Remembered = $remembered.Count; ErrorsAdded = $Error.Count - $before }
                $JobToolsCompletionDiagnostics | Select-Object -Last 2",
                new() { ["line"] = keys.Line(endpoint, "Get-SnowballClusterJob -ClusterId ") });

            Assert.Empty(result.Errors);
            Assert.Equal(0, result.Output[0].Value<int>("Failing"));
            Assert.Equal(0, result.Output[0].Value<int>("Remembered"));
            Assert.Equal(0, result.Output[0].Value<int>("ErrorsAdded"));
            var failed = result.Output[1];
            Assert.Equal("JobTools.CompletionDiagnostic", failed.TypeNames[0]);
            Assert.Equal("Failed", failed.Value<string>("Outcome"));
            Assert.Equal("Get-SnowballClusterJob", failed.Value<string>("Command"));
            Assert.Equal("ClusterId", failed.Value<string>("Parameter"));
            Assert.Contains("ServiceUnavailableException", failed.Value<string>("Message"));
            Assert.Contains(endpoint.BaseUri.ToString(), failed.Value<string>("Source"));
            Assert.Contains("asked again after 10 s", result.Output[2].Value<string>("Message"));
            Assert.Equal(2, endpoint.Requests.Count("ListClusters"));
        }

        [Fact]
        public async Task AnUnreachableEndpointAndAMalformedEndpointUrlGiveEmptyCompletions()
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var keys = new TestKeys();
            using var session = PowerShellSession.Create();

            var unreachable = Tab(session, $"Get-IoTJob -EndpointUrl http://127.0.0.1:{port}/ -Region us-east-1 -AccessKey {keys.AccessKey} -SecretKey x -ThingGroupName ");
            var malformed = Tab(session, "Get-IoTJob -EndpointUrl not-a-uri -ThingGroupName ");

            Assert.Empty(unreachable);
            Assert.Empty(malformed);
            var log = Diagnostics(session);
            Assert.Equal(new[] { "Failed", "Skipped" }, log.Select(d => d.Value<string>("Outcome")));
            Assert.Contains("could not reach the endpoint", log[0].Value<string>("Message"));
            Assert.Contains("not an absolute URI", log[1].Value<string>("Message"));
            await Task.CompletedTask;
        }

        /// <summary>A server that answers every request with an error quoting every header it received, session token included.</summary>
        [Fact]
        public async Task NoSecretReachesTheDiagnosticsWhateverTheServerSends()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            using var stop = new CancellationTokenSource();
            var server = EchoHeadersAsync(listener, stop.Token);
            const string SessionToken = "session-token-never-shown-0123456789";
            const string SecretKey = "secret-key-never-shown-0123456789";
            using var session = PowerShellSession.Create();
            string line = $"Get-SnowballClusterJob -EndpointUrl http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/ -Region us-east-1 -AccessKey AKIDECHO{Guid.NewGuid():N} -SecretKey {SecretKey} -SessionToken {SessionToken} -ClusterId ";

            var matches = Tab(session, line);
            var text = session.Run("$JobToolsCompletionDiagnostics | Format-List * | Out-String -Width 500").Output.Single().ToString();

            stop.Cancel();
            await server;
            Assert.Empty(matches);
            Assert.Contains("Failed", text);
            Assert.Contains("ValidationException", text);
            Assert.DoesNotContain(SessionToken, text);
            Assert.DoesNotContain(SecretKey, text);
            Assert.DoesNotMatch("Signature=[0-9a-f]{64}", text);
        }

        [Fact]
        public async Task TheCompleterCalledDirectlyNeverThrows()
        {
            var keys = new TestKeys();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(keys.Options(seed: true));
            using var session = PowerShellSession.Create();

            // The completer the parameter's factory creates, called without the engine's completion machinery (which hides exceptions).
            var result = session.Run(@"
                function Complete($command, $parameter, $word, $bound) {
                    $factory = (Get-Command $command).Parameters[$parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterFactoryAttribute] }
                    @($factory.Create().CompleteArgument($command, $parameter, $word, $null, $bound)).Count
                }
                # Called again while the first request is pending, as Tab would be on a busy machine.
                $deadline = [datetime]::UtcNow.AddSeconds(60)
                do { $count = Complete Get-SnowballClusterJob ClusterId 'CID' $bound }
                while ($JobToolsCompletionDiagnostics[-1].Outcome -eq 'Pending' -and [datetime]::UtcNow -lt $deadline -and -not (Start-Sleep -Milliseconds 100))
                $count
                Complete Get-SnowballClusterJob ClusterId '' $null
                Complete Get-IoTJob ThingGroupName '""x' @{ EndpointUrl = 5 }",
                new() { ["bound"] = new System.Collections.Hashtable { ["EndpointUrl"] = endpoint.BaseUri.ToString(), ["Region"] = "us-east-1", ["AccessKey"] = keys.AccessKey, ["SecretKey"] = keys.SecretKey } });

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { 1, 0, 0 }, result.Output.Select(o => (int)o.BaseObject));
        }

        /// <summary>
        /// Tab, pressed again while the answer is still pending, as a user would: on a busy machine the first request of
        /// a process (which loads the AWS layer) can outlast the budget, and these tests are about what Tab offers, not
        /// how fast. The budget itself is tested with <see cref="TabOnce"/>.
        /// </summary>
        private static List<CompletionResult> Tab(PowerShellSession session, string line)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                object? before = AllDiagnostics(session).LastOrDefault()?.BaseObject;
                var matches = TabOnce(session, line);
                var after = AllDiagnostics(session).LastOrDefault();
                bool pending = after != null && !ReferenceEquals(before, after.BaseObject) && after.Value<string>("Outcome") == "Pending";
                if (!pending || DateTime.UtcNow > deadline)
                {
                    return matches;
                }

                Thread.Sleep(100);
            }
        }

        private static List<CompletionResult> TabOnce(PowerShellSession session, string line)
        {
            var result = session.Run("(TabExpansion2 -inputScript $in -cursorColumn $in.Length).CompletionMatches", new() { ["in"] = line });
            Assert.Empty(result.Errors);
            return result.Output.Select(o => (CompletionResult)o.BaseObject).ToList();
        }

        /// <summary>The diagnostics but those of a Tab that <see cref="Tab"/> pressed again.</summary>
        private static IReadOnlyList<PSObject> Diagnostics(PowerShellSession session) =>
            AllDiagnostics(session).Where(d => d.Value<string>("Outcome") != "Pending").ToList();

        /// <summary>The session's diagnostics, none before the first live Tab (the variable, unset, writes a null).</summary>
        private static IReadOnlyList<PSObject> AllDiagnostics(PowerShellSession session) =>
            session.Run("$JobToolsCompletionDiagnostics").Output.Where(d => d != null).ToList();

        private static string ToolTip(SnowballClusterRecord cluster)
        {
            string text = $"{cluster.ClusterState}, created {cluster.CreationDate.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC";
            return cluster.Description is null ? text : $"{text}: {cluster.Description}";
        }

        private static async Task EchoHeadersAsync(TcpListener listener, CancellationToken cancellationToken)
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    using var client = await listener.AcceptTcpClientAsync(cancellationToken);
                    var stream = client.GetStream();
                    var received = new StringBuilder();
                    var buffer = new byte[8192];
                    while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        int read = await stream.ReadAsync(buffer, cancellationToken);
                        if (read == 0)
                        {
                            break;
                        }

                        received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    string headers = received.ToString().Split("\r\n\r\n")[0].Replace("\\", "\\\\").Replace("\"", "'").Replace("\r\n", " | ");
                    byte[] body = Encoding.UTF8.GetBytes($"{{\"__type\":\"ValidationException\",\"Message\":\"You sent: {headers}\"}}");
                    byte[] head = Encoding.ASCII.GetBytes($"HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(head, cancellationToken);
                    await stream.WriteAsync(body, cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        /// <summary>An access key and secret of this test alone, accepted by the endpoints it starts.</summary>
        private sealed class TestKeys
        {
            public string AccessKey { get; } = "AKIDTEST" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

            public string SecretKey { get; } = "test/secret+" + Guid.NewGuid().ToString("N");

            public LocalAwsOptions Options(bool seed = false) => new()
            {
                SeedSampleData = seed,
                Credentials = new Dictionary<string, string> { [AccessKey] = SecretKey },
            };

            /// <summary>The command line with this test's endpoint, region and keys typed before the parameter being completed.</summary>
            public string Line(LocalAwsEndpoint endpoint, string command, string region = "us-east-1")
            {
                int split = command.IndexOf(" -", StringComparison.Ordinal);
                return $"{command[..split]} -EndpointUrl {endpoint.BaseUri} -Region {region} -AccessKey {AccessKey} -SecretKey '{SecretKey}'{command[split..]}";
            }
        }
    }
}
