using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using JobTools.Hosting;
using JobTools.LocalAws;

namespace JobTools.Bench
{
    /// <summary>
    /// The fan-out against the AWS CLI: dotnet run -c Release --project bench/JobTools.Bench -- fanout. One local
    /// endpoint in its own process answers every request after 50 ms; eight regions hold 1,000 IoT jobs each, so
    /// that every source is 4 pages of 250. Every listing is checked against the endpoint's count of requests per
    /// region (4 per source), and the three ways of listing must return the same job ids per region.
    /// 1. Time, in interleaved rounds: the fan-out over the eight regions (default -ThrottleLimit 5) and the same
    ///    with -ThrottleLimit 1, each timed inside one warm real pwsh around the call alone; the AWS CLI run once per
    ///    region one after the other, as a script would, timed over the eight processes' whole runs; and a fresh pwsh
    ///    that imports the module and makes the fan-out call, timed over its whole run.
    /// 2. Memory: 8, 32 and 64 sources (the eight regions × 1, 4 and 8 profiles, every source the same 4 pages),
    ///    each counted by Measure-Object in a fresh pwsh: the peak working set with the GC as this machine sizes it and
    ///    with its first generation pinned to 16 MB (as Comparison's memory rows do; see bench/RESULTS.md for why),
    ///    and, in a run of its own, the largest live heap during the listing.
    /// </summary>
    internal static class FanOutBench
    {
        private const int LatencyMs = 50;
        private const int PageSize = 250;
        private const int PagesPerSource = 4;
        private const int JobsPerSource = PageSize * PagesPerSource;
        private const int Rounds = 9;
        private const int LiveHeapSampleMs = 100;

        private static readonly string[] Regions =
            { "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1", "ap-southeast-1" };

        /// <summary>Profiles per region in the memory runs: 8, 32 and 64 sources.</summary>
        private static readonly int[] ProfileCounts = { 1, 4, 8 };

        private static string RegionList => string.Join(", ", Regions.Select(r => $"'{r}'"));

        public static void Run()
        {
            var pwsh = RealPwsh.Locate() ?? throw new InvalidOperationException("No pwsh: run 'dotnet tool restore' in the repository first.");
            if (AwsCli.Unavailable() is string noCli)
            {
                throw new InvalidOperationException(noCli);
            }

            string directory = Path.Combine(Path.GetTempPath(), $"jobtools-bench-fanout-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            try
            {
                // Every profile signs with the endpoint's one key; the config file does not exist.
                string credentials = Path.Combine(directory, "credentials");
                File.WriteAllText(credentials, string.Concat(Enumerable.Range(1, ProfileCounts.Max()).Select(i =>
                    $"[{Profile(i)}]\naws_access_key_id = {LocalAwsOptions.DefaultAccessKeyId}\naws_secret_access_key = {LocalAwsOptions.DefaultSecretKey}\n\n")));
                var environment = new Dictionary<string, string>
                {
                    ["AWS_ACCESS_KEY_ID"] = LocalAwsOptions.DefaultAccessKeyId,
                    ["AWS_SECRET_ACCESS_KEY"] = LocalAwsOptions.DefaultSecretKey,
                    ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
                    ["AWS_CONFIG_FILE"] = Path.Combine(directory, "config"),
                    ["AWS_EC2_METADATA_DISABLED"] = "true",
                };
                using var endpoint = LocalAwsProcess.Start(
                    "--regions", string.Join(',', Regions), "--iot-jobs", JobsPerSource.ToString(CultureInfo.InvariantCulture), "--latency-ms", LatencyMs.ToString(CultureInfo.InvariantCulture));
                var lines = new List<string>
                {
                    $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average at the start {LoadAverage()}; endpoint {endpoint.BaseUri} in its own process, every answer after {LatencyMs} ms; {Regions.Length} regions of {JobsPerSource:N0} IoT jobs, {PagesPerSource} pages of {PageSize} each.",
                };
                Timings(pwsh, endpoint, environment, lines);
                Memory(pwsh, endpoint, environment, lines);
                lines.Add(string.Empty);
                lines.Add($"Load average at the end: {LoadAverage()}.");
                Console.WriteLine(string.Join(Environment.NewLine, lines));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static void Timings(RealPwsh pwsh, LocalAwsProcess endpoint, IReadOnlyDictionary<string, string> environment, List<string> lines)
        {
            // "time N" answers the milliseconds of the call alone with -ThrottleLimit N; "ids N" the job ids per region, as JSON.
            string script = $@"
$ErrorActionPreference = 'Stop'
Import-Module '{Repository.ModuleManifest}'
$regions = {RegionList}
$aws = @{{ EndpointUrl = '{endpoint.BaseUri}'; MaxResults = {PageSize} }}
while ($null -ne ($request = [Console]::In.ReadLine())) {{
    $kind, $limit = $request.Split(' ')
    try {{
        if ($kind -eq 'time') {{
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $null = Get-IoTJob -Region $regions -ThrottleLimit $limit @aws
            $answer = $watch.Elapsed.TotalMilliseconds.ToString('R', [cultureinfo]::InvariantCulture)
        }} else {{
            $ids = [ordered]@{{}}
            foreach ($job in Get-IoTJob -Region $regions -ThrottleLimit $limit @aws) {{
                if (-not $ids.Contains($job.Region)) {{ $ids[$job.Region] = [Collections.Generic.List[string]]::new() }}
                $ids[$job.Region].Add($job.JobId)
            }}
            $answer = ConvertTo-Json $ids -Compress
        }}
    }} catch {{
        $answer = ('error: ' + $_) -replace '\s+', ' '
    }}
    [Console]::Out.WriteLine($answer)
}}";
            string cold = $"Import-Module '{Repository.ModuleManifest}'; $null = Get-IoTJob -Region {RegionList} -EndpointUrl '{endpoint.BaseUri}' -MaxResults {PageSize}";
            using var session = pwsh.Start(script, environment);

            // The same job ids, in the same order, per region, from all three; and from the CLI in every round.
            var fromCli = Counted(endpoint, PagesPerSource, "the AWS CLI loop", () => CliLoop(endpoint.BaseUri)).Ids;
            SameIds("the fan-out", fromCli, Counted(endpoint, PagesPerSource, "the fan-out", () => Ids(session.Ask("ids 5"))));
            SameIds("-ThrottleLimit 1", fromCli, Counted(endpoint, PagesPerSource, "-ThrottleLimit 1", () => Ids(session.Ask("ids 1"))));

            var rounds = RealPwsh.Rounds(
                Rounds,
                () => Counted(endpoint, PagesPerSource, "the fan-out", () => Milliseconds(session.Ask("time 5"))),
                () => Counted(endpoint, PagesPerSource, "-ThrottleLimit 1", () => Milliseconds(session.Ask("time 1"))),
                () =>
                {
                    var loop = Counted(endpoint, PagesPerSource, "the AWS CLI loop", () => CliLoop(endpoint.BaseUri));
                    SameIds("the AWS CLI loop", fromCli, loop.Ids);
                    return loop.Milliseconds;
                },
                () => Counted(endpoint, PagesPerSource, "the fan-out in a fresh pwsh", () =>
                {
                    var stopwatch = Stopwatch.StartNew();
                    pwsh.Run(cold, environment);
                    return stopwatch.Elapsed.TotalMilliseconds;
                }));
            double[] Column(int run) => rounds.Select(round => round[run]).ToArray();
            var fanOut = Column(0);
            var cli = Column(2);
            string Row(string label, int run)
            {
                var toFanOut = Paired.Of(fanOut, Column(run));
                var cliToThis = Paired.Of(Column(run), cli);
                return $"| {label} | {toFanOut.Candidate:F0} | {toFanOut.RatioText} | {cliToThis.RatioText} |";
            }

            lines.Add(string.Empty);
            lines.Add($"Job ids per region: the same from all three ways (in the same order); requests: {PagesPerSource} per region in every listing of every round. Medians of {Rounds} interleaved rounds after a warm-up round; ratios are medians of the round-by-round ratios, interquartile range in brackets.");
            lines.Add(string.Empty);
            lines.Add($"| {Regions.Length} regions × {PagesPerSource} pages of {PageSize} IoT jobs, every answer after {LatencyMs} ms | ms | ratio to the fan-out | CLI loop / this |");
            lines.Add("| --- | ---: | ---: | ---: |");
            lines.Add(Row("(a) fan-out: `$null = Get-IoTJob -Region <8 regions>` (default -ThrottleLimit 5), timed inside one warm pwsh around the call", 0));
            lines.Add(Row("(b) the same with `-ThrottleLimit 1`", 1));
            lines.Add(Row($"(c) AWS CLI v1 loop: `aws iot list-jobs --region <r> --page-size {PageSize}` for each region in turn, the {Regions.Length} processes' whole runs", 2));
            lines.Add(Row("(d) a fresh pwsh: start, Import-Module, the fan-out call (the whole process)", 3));
        }

        private static void Memory(RealPwsh pwsh, LocalAwsProcess endpoint, IReadOnlyDictionary<string, string> environment, List<string> lines)
        {
            var pinned = new Dictionary<string, string>(environment) { ["DOTNET_GCgen0size"] = Comparison.PinnedGen0 };
            var runs = ProfileCounts.Select(profiles =>
            {
                string Listed(IReadOnlyDictionary<string, string> variables, bool sampleLiveHeap)
                {
                    string output = Counted(endpoint, PagesPerSource * profiles, $"{profiles} profile(s) × {Regions.Length} regions", () => pwsh.Run(MemoryScript(endpoint.BaseUri, profiles, sampleLiveHeap), variables));
                    long expected = (long)JobsPerSource * Regions.Length * profiles;
                    return Comparison.Field(output, "jobs") == expected ? output : throw new InvalidOperationException($"listed {output.Trim()}, expected jobs={expected}");
                }

                return (Default: Listed(environment, false), Pinned: Listed(pinned, false), Live: Listed(environment, true));
            }).ToList();

            var sources = ProfileCounts.Select(p => p * Regions.Length).ToList();
            string Row(string label, string field, Func<(string Default, string Pinned, string Live), string> run) =>
                Comparison.MemoryRow(label, field, runs.Select(run), toFirst: true);
            lines.Add(string.Empty);
            lines.Add($"| Sources ({Regions.Length} regions × 1, 4, 8 profiles), each {PagesPerSource} pages of {PageSize}, counted by Measure-Object in a fresh pwsh | {string.Join(" | ", sources.Select(s => $"{s} sources"))} | {string.Join(" | ", sources.Skip(1).Select(s => $"{s} / {sources[0]}"))} |");
            lines.Add("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", sources.Count * 2 - 1)));
            lines.Add(Row("peak working set (MB), the GC as this machine sizes it", "peak-working-set", r => r.Default));
            lines.Add(Row("collections during the listing", "collections", r => r.Default));
            lines.Add(Row("managed heap after the listing and a full collection (MB)", "heap-after-full-gc", r => r.Default));
            lines.Add(Row($"peak working set (MB), first generation pinned to 16 MB (DOTNET_GCgen0size={Comparison.PinnedGen0})", "peak-working-set", r => r.Pinned));
            lines.Add(Row("collections during the listing, pinned", "collections", r => r.Pinned));
            lines.Add(Row($"live managed heap (MB): the largest a full collection every {LiveHeapSampleMs} ms left during the listing (a run of its own)", "live-heap", r => r.Live));
        }

        /// <summary>
        /// Lists every region with the first <paramref name="profiles"/> profiles into Measure-Object; prints the
        /// count, the process's peak working set, the collections during the listing and the heap after a full
        /// collection at the end. With <paramref name="sampleLiveHeap"/>, a second runspace forces a full collection
        /// every <see cref="LiveHeapSampleMs"/> ms meanwhile and prints the largest heap one left (what the listing
        /// keeps alive); those collections shrink the working set, so that run's other figures are not reported.
        /// </summary>
        private static string MemoryScript(Uri endpoint, int profiles, bool sampleLiveHeap) => $@"
$ErrorActionPreference = 'Stop'
Import-Module '{Repository.ModuleManifest}'
$profiles = {string.Join(", ", Enumerable.Range(1, profiles).Select(i => $"'{Profile(i)}'"))}
$state = [hashtable]::Synchronized(@{{ Stop = $false; Live = 0L }})
if (${(sampleLiveHeap ? "true" : "false")}) {{
    $sampler = [powershell]::Create().AddScript({{
        param($state)
        while (-not $state.Stop) {{
            [GC]::Collect()
            $state.Live = [Math]::Max($state.Live, [GC]::GetTotalMemory($false))
            [Threading.Thread]::Sleep({LiveHeapSampleMs})
        }}
    }}).AddArgument($state)
    $sampling = $sampler.BeginInvoke()
}}
$collections = [GC]::CollectionCount(0)
$jobs = (Get-IoTJob -Region {RegionList} -ProfileName $profiles -EndpointUrl '{endpoint}' -MaxResults {PageSize} | Measure-Object).Count
$collections = [GC]::CollectionCount(0) - $collections
$state.Stop = $true
if ($sampler) {{ $null = $sampler.EndInvoke($sampling) }}
$peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
""jobs=$jobs peak-working-set=$peak collections=$collections live-heap=$($state.Live) heap-after-full-gc=$([GC]::GetTotalMemory($true))""
";

        private static string Profile(int number) => $"bench{number:D2}";

        /// <summary>The AWS CLI once per region, one process after the other: the loop's wall time and the job ids per region.</summary>
        private static (double Milliseconds, Dictionary<string, List<string>> Ids) CliLoop(Uri endpoint)
        {
            var outputs = new List<(string Region, string Output)>();
            var stopwatch = Stopwatch.StartNew();
            foreach (string region in Regions)
            {
                var (exitCode, output, error) = AwsCli.Run($"iot list-jobs --region {region} --endpoint-url {endpoint} --page-size {PageSize} --output json");
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"aws iot list-jobs --region {region} failed ({exitCode}): {error}");
                }

                outputs.Add((region, output));
            }

            double ms = stopwatch.Elapsed.TotalMilliseconds;
            return (ms, outputs.ToDictionary(
                o => o.Region,
                o => JsonDocument.Parse(o.Output).RootElement.GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("jobId").GetString()!).ToList()));
        }

        /// <summary>
        /// Runs one listing and checks that it sent exactly <paramref name="perRegion"/> ListJobs requests in each of
        /// the regions and none elsewhere, by the endpoint's count (which records a request once its answer is sent,
        /// so the count is read again for a moment while it falls short).
        /// </summary>
        private static T Counted<T>(LocalAwsProcess endpoint, int perRegion, string what, Func<T> listing)
        {
            var before = endpoint.ListJobsByRegion();
            T result = listing();
            Dictionary<string, int> sent;
            int reads = 0;
            do
            {
                if (reads++ > 0)
                {
                    Thread.Sleep(20);
                }

                sent = endpoint.ListJobsByRegion()
                    .Select(r => (r.Key, Sent: r.Value - before.GetValueOrDefault(r.Key)))
                    .Where(r => r.Sent != 0)
                    .ToDictionary(r => r.Key, r => r.Sent);
            }
            while (reads < 50 && Regions.Any(r => sent.GetValueOrDefault(r) < perRegion));

            if (sent.Count != Regions.Length || Regions.Any(r => sent.GetValueOrDefault(r) != perRegion))
            {
                throw new InvalidOperationException(
                    $"{what} sent {string.Join(", ", sent.Select(r => $"{r.Key}: {r.Value}"))} ListJobs requests; expected {perRegion} in each of {string.Join(", ", Regions)}.");
            }

            return result;
        }

        private static void SameIds(string what, Dictionary<string, List<string>> expected, Dictionary<string, List<string>> actual)
        {
            foreach (string region in Regions)
            {
                var want = expected.GetValueOrDefault(region) ?? new List<string>();
                var got = actual.GetValueOrDefault(region) ?? new List<string>();
                if (want.Count != JobsPerSource)
                {
                    throw new InvalidOperationException($"The AWS CLI listed {want.Count} jobs in {region}, not {JobsPerSource}.");
                }

                if (!want.SequenceEqual(got))
                {
                    throw new InvalidOperationException($"{what} listed {got.Count} job ids in {region}, not the {want.Count} the AWS CLI listed in the same order.");
                }
            }

            if (actual.Keys.Except(Regions).FirstOrDefault() is string extra)
            {
                throw new InvalidOperationException($"{what} listed jobs in {extra}, which it was not asked for.");
            }
        }

        private static Dictionary<string, List<string>> Ids(string json) =>
            JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json)!;

        private static double Milliseconds(string answer) => double.Parse(answer, CultureInfo.InvariantCulture);

        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
    }
}
