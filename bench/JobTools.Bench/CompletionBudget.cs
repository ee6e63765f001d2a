using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using JobTools.Hosting;
using JobTools.LocalAws;

namespace JobTools.Bench
{
    /// <summary>
    /// Live completion against its budget: dotnet run -c Release --project bench/JobTools.Bench -- completion.
    /// Tab through TabExpansion2 in one warm session: on a known-value parameter (no request: the baseline),
    /// on -ClusterId for the first time in the process (the AWS layer loads), answered from the cache, on -ClusterId with an empty cache (a request to a local endpoint),
    /// against an endpoint that takes 5 s per request, and against a port nobody listens on. Each live Tab
    /// signs with an access key of its own, so that it misses the cache when it is meant to.
    /// </summary>
    internal static class CompletionBudget
    {
        private const int Runs = 21;
        private const int SlowRuns = 5;
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

        public static async Task RunAsync()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { VerifySignatures = false, SeedSampleData = true });
            endpoint.Snowball.AddGeneratedClusters(40);
            await using var slow = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { VerifySignatures = false, SeedSampleData = true });
            var latency = TimeSpan.FromSeconds(5);
            slow.Faults.DelayAll(latency);
            int closedPort;
            using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
            {
                probe.Start();
                closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            }

            using var session = PowerShellSession.Create();
            int keys = 0;
            string Line(Uri url, bool freshKey) =>
                $"Get-SnowballClusterJob -EndpointUrl {url} -Region us-east-1 -AccessKey {(freshKey ? "AKIDBENCH" + keys++ : "AKIDBENCHCACHED")} -SecretKey s -ClusterId ";
            double Tab(string line, int expected)
            {
                var stopwatch = Stopwatch.StartNew();
                var result = session.Run("(TabExpansion2 -inputScript $in -cursorColumn $in.Length).CompletionMatches.Count", new() { ["in"] = line });
                double ms = stopwatch.Elapsed.TotalMilliseconds;
                int count = (int)result.Output.Single().BaseObject;
                if (count != expected)
                {
                    throw new InvalidOperationException($"'{line}' offered {count} values, not {expected}.");
                }

                return ms;
            }

            var known = Median(Enumerable.Range(0, Runs + 5).Select(_ => Tab("Get-SnowballClusterJob -JobState ", 13)).Skip(5));
            double firstLive = Tab(Line(endpoint.BaseUri, freshKey: false), 41);
            var cached = Median(Enumerable.Range(0, Runs).Select(_ => Tab(Line(endpoint.BaseUri, freshKey: false), 41)));
            var fetched = Median(Enumerable.Range(0, Runs).Select(_ => Tab(Line(endpoint.BaseUri, freshKey: true), 41)));
            var slowTabs = Enumerable.Range(0, SlowRuns).Select(_ => Tab(Line(slow.BaseUri, freshKey: true), 0)).ToList();
            var unreachable = Median(Enumerable.Range(0, SlowRuns).Select(_ => Tab(Line(new Uri($"http://127.0.0.1:{closedPort}/"), freshKey: true), 0)));

            var lines = new List<string>
            {
                $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}. Tab through TabExpansion2 in one warm hosted session; medians of {Runs} (slow and unreachable endpoints: {SlowRuns}); 41 clusters.",
                string.Empty,
                "| Tab on | median | ratio to a known-value Tab | ratio to the 2 s budget |",
                "| --- | ---: | ---: | ---: |",
                Row("-JobState (known values, no request: the baseline)", known, known),
                Row("-ClusterId, the first live Tab of the process (loads the AWS layer; one run)", firstLive, known),
                Row("-ClusterId, answered from the cache", cached, known),
                Row("-ClusterId, empty cache: ListClusters on a local endpoint", fetched, known),
                Row($"-ClusterId, endpoint taking {latency.TotalSeconds:F0} s per request (slowest of {SlowRuns}: {slowTabs.Max():F0} ms, {slowTabs.Max() / latency.TotalMilliseconds:F2} × the latency)", Median(slowTabs), known),
                Row("-ClusterId, nobody listening on the port", unreachable, known),
            };
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        }

        private static string Row(string what, double ms, double baseline) =>
            $"| {what} | {ms:F1} ms | {ms / baseline:F2} | {ms / Budget.TotalMilliseconds:F3} |";

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }
    }
}
