using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using JobTools.Hosting;
using JobTools.LocalAws;

namespace JobTools.Bench
{
    /// <summary>Everything side by side against one local endpoint, each figure as a ratio to a baseline from the same run.</summary>
    internal static class Comparison
    {
        private const int Runs = 11;

        /// <summary>Pairs for the in-session listings, whose run-to-run spread on this machine is wide.</summary>
        private const int PairedRuns = 41;
        private const int ColdRounds = 9;

        /// <summary>DOTNET_GCgen0size for the memory runs with the GC's first generation pinned to 16 MB, as on a typical desktop CPU.</summary>
        internal const string PinnedGen0 = "0x1000000";

        public static async Task RunAsync()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { VerifySignatures = false });
            endpoint.IoT.AddGenerated(10_000);
            string cluster = SnowballStore.NewClusterId(10_000);
            endpoint.Snowball.AddGeneratedCluster(cluster, 10_000);
            var aws = ChildRuns.Aws(endpoint.BaseUri);
            bool cli = AwsCli.Unavailable() == null;
            var lines = new List<string> { $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; endpoint {endpoint.BaseUri}; medians of {Runs} runs after a warm-up; in-session listings alternate with the floor run by run ({PairedRuns} pairs after 30 warm-ups) and give the median paired ratio with its interquartile range in brackets.", string.Empty };

            // 1. Listing 10,000 jobs in session, against the floor and the AWS CLI.
            using var floor = new Floor(endpoint.BaseUri);
            using var session = PowerShellSession.Create();
            session.SetVariable("aws", aws);
            void FloorIoT() => Expect(10_000, floor.ListIoT());
            void FloorSnowball() => Expect(10_000, floor.ListSnowball(cluster));
            Paired AgainstFloor(Action floorListing, string script) => Stopwatches.Interleaved(PairedRuns, floorListing, () => Run(session, script));
            var iot = AgainstFloor(FloorIoT, "$null = Get-IoTJob -MaxResults 250 @aws");
            var snow = AgainstFloor(FloorSnowball, $"$null = Get-SnowballClusterJob {cluster} -MaxResults 100 @aws");
            var iotOutNull = AgainstFloor(FloorIoT, "Get-IoTJob -MaxResults 250 @aws | Out-Null");
            var snowOutNull = AgainstFloor(FloorSnowball, $"Get-SnowballClusterJob {cluster} -MaxResults 100 @aws | Out-Null");
            lines.Add("| 10,000 jobs listed | IoT (page 250) | ratio to the floor | Snowball (page 100) | ratio to the floor |");
            lines.Add("| --- | ---: | ---: | ---: | ---: |");
            lines.Add($"| bare HttpClient loop (floor) | {iot.Baseline:F0} ms | 1.00 | {snow.Baseline:F0} ms | 1.00 |");
            lines.Add(PairedRow("`$null = Get-IoTJob …` / `$null = Get-SnowballClusterJob …`, module imported", iot, snow));
            lines.Add(PairedRow("the same piped to `Out-Null` (adds the engine's per-object binding)", iotOutNull, snowOutNull));
            if (cli)
            {
                double iotCli = Stopwatches.MedianMs(3, () => AwsCli.Run($"iot list-jobs --endpoint-url {endpoint.BaseUri} --region us-east-1 --page-size 250 --output json"));
                double snowCli = Stopwatches.MedianMs(3, () => AwsCli.Run($"snowball list-cluster-jobs --cluster-id {cluster} --endpoint-url {endpoint.BaseUri} --region us-east-1 --page-size 100 --output json"));
                lines.Add($"| AWS CLI v1 (process included; medians of 3) | {iotCli:F0} ms | {iotCli / iot.Baseline:F2} | {snowCli:F0} ms | {snowCli / snow.Baseline:F2} |");
            }

            // 2. Cold process, as users run it.
            string coreAtImport = ColdProcess(endpoint.BaseUri, cli, lines);

            int requestsBefore = endpoint.Requests.Arrived;
            var imports = Enumerable.Range(0, 20).Select(_ =>
            {
                using var bare = PowerShellSession.Create(importModule: false);
                var stopwatch = Stopwatch.StartNew();
                Run(bare, "Import-Module $path", new() { ["path"] = Repository.ModuleManifest });
                return stopwatch.Elapsed.TotalMilliseconds;
            }).OrderBy(t => t).ToList();
            lines.Add(string.Empty);
            lines.Add($"Import-Module, in session: median {imports[10]:F1} ms of 20 (first {imports.Max():F1} ms); requests sent while importing: {endpoint.Requests.Arrived - requestsBefore}; {coreAtImport.Trim()} (in a fresh pwsh, before the first call).");

            // 3. Memory: 10,000, 100,000 and 300,000 jobs piped to a counter, each in a fresh process: with the GC
            //    as this machine sizes it, and with its first generation pinned to a size typical of a desktop CPU.
            //    The GC derives that size from the L3 cache; a large cache lets a short listing end before any
            //    collection, so that its peak is merely what it allocated.
            string self = typeof(Program).Assembly.Location;
            var gen0 = new Dictionary<string, string> { ["DOTNET_GCgen0size"] = PinnedGen0 };
            var runs = new List<(string Default, string Pinned)>();
            int served = 10_000;
            foreach (int jobs in new[] { 10_000, 100_000, 300_000 })
            {
                endpoint.IoT.AddGenerated(jobs - served, seed: jobs);
                served = jobs;
                runs.Add((ChildOutput($"\"{self}\" memory {endpoint.BaseUri} {jobs}"), ChildOutput($"\"{self}\" memory {endpoint.BaseUri} {jobs}", gen0)));
            }

            lines.Add(string.Empty);
            lines.Add("| Piped to a counter | 10,000 jobs | 100,000 jobs | 300,000 jobs | 100,000 / 10,000 | 300,000 / 100,000 |");
            lines.Add("| --- | ---: | ---: | ---: | ---: | ---: |");
            lines.Add(MemoryRow("peak working set (MB), the GC as this machine sizes it", "peak-working-set", runs.Select(r => r.Default)));
            lines.Add(MemoryRow("collections", "collections", runs.Select(r => r.Default)));
            lines.Add(MemoryRow("largest managed heap a collection left (MB)", "peak-managed-heap", runs.Select(r => r.Default)));
            lines.Add(MemoryRow($"peak working set (MB), first generation pinned to 16 MB (DOTNET_GCgen0size={PinnedGen0})", "peak-working-set", runs.Select(r => r.Pinned)));
            lines.Add(MemoryRow("collections, pinned", "collections", runs.Select(r => r.Pinned)));
            lines.Add(MemoryRow("largest managed heap a collection left (MB), pinned", "peak-managed-heap", runs.Select(r => r.Pinned)));

            // 4. Time to first object, and requests for -First 5 and a downstream stop.
            session.SetVariable("log", endpoint.Requests);
            endpoint.Requests.Clear();
            var first = session.Run(@"
                $sw = [System.Diagnostics.Stopwatch]::StartNew(); $script:firstMs = $null; $script:atFirst = $null
                Get-IoTJob -MaxResults 250 @aws | ForEach-Object { if ($null -eq $script:firstMs) { $script:firstMs = $sw.Elapsed.TotalMilliseconds; $script:atFirst = $log.All.Count } }
                $script:firstMs; $script:atFirst; $sw.Elapsed.TotalMilliseconds");
            double firstMs = Convert.ToDouble(first.Output[0].BaseObject, CultureInfo.InvariantCulture);
            double totalMs = Convert.ToDouble(first.Output[2].BaseObject, CultureInfo.InvariantCulture);
            endpoint.Requests.Clear();
            Run(session, "Get-IoTJob -First 5 @aws | Out-Null");
            int firstFive = endpoint.Requests.All.Count;
            endpoint.Requests.Clear();
            Run(session, "Get-IoTJob @aws | Select-Object -First 5 | Out-Null");
            int downstream = endpoint.Requests.All.Count;
            lines.Add(string.Empty);
            lines.Add($"First object after {firstMs:F1} ms of a {totalMs:F0} ms listing of {served:N0} IoT jobs ({firstMs / totalMs:P2} of it), when {first.Output[1]} request(s) had been answered.");
            lines.Add($"Requests sent: -First 5: {firstFive}; a downstream stop after 5 objects: {downstream}.");

            // 5. The cost of progress on a 10,000-job listing (the host receives the records). Each page is delayed
            //    25 ms, as a network would, so that the listing lasts long enough for progress to be shown at all.
            await using var progressEndpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { VerifySignatures = false });
            progressEndpoint.IoT.AddGenerated(10_000);
            progressEndpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(25));
            session.SetVariable("aws", ChildRuns.Aws(progressEndpoint.BaseUri));
            var progress = Stopwatches.Interleaved(
                Runs * 2,
                () => Run(session, "$ProgressPreference = 'SilentlyContinue'; $null = Get-IoTJob @aws"),
                () => Run(session, "$ProgressPreference = 'Continue'; $null = Get-IoTJob @aws"));
            lines.Add(string.Empty);
            lines.Add($"Progress on: {progress.Candidate:F1} ms; off: {progress.Baseline:F1} ms; paired ratio {progress.RatioText} (pages delayed 25 ms; {Runs * 2} alternating runs each).");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        }

        /// <summary>The cold-process rows: also run alone by `dotnet run -c Release --project bench/JobTools.Bench -- cold`.</summary>
        public static async Task RunColdAsync()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { VerifySignatures = false });
            endpoint.IoT.AddGenerated(10_000);
            var lines = new List<string> { $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; endpoint {endpoint.BaseUri}." };
            lines.Add(ColdProcess(endpoint.BaseUri, AwsCli.Unavailable() == null, lines));
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        }

        /// <summary>Adds the cold-process table to <paramref name="lines"/>; returns whether import loaded AWSSDK.Core.</summary>
        private static string ColdProcess(Uri endpoint, bool cli, List<string> lines)
        {
            // A fresh real pwsh (the project's pinned 7.6.9) that imports the module
            //    and lists 1,000 IoT jobs; a bare pwsh; pwsh running the same pipeline shape with a built-in module
            //    only; pwsh fetching one page with its own Invoke-WebRequest, unparsed (unsigned: the bench's
            //    endpoint does not check signatures), the least an HTTP listing can add; and the AWS CLI's whole run. Rounds interleave the four, so slow spells hit all alike.
            var pwsh = RealPwsh.Locate() ?? throw new InvalidOperationException("No pwsh: run 'dotnet tool restore' in the repository first.");
            var credentials = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIDBENCH", ["AWS_SECRET_ACCESS_KEY"] = "bench-secret", ["AWS_EC2_METADATA_DISABLED"] = "true" };
            string listing = $"Import-Module '{Repository.ModuleManifest}'; Get-IoTJob -First 1000 -MaxResults 250 -EndpointUrl {endpoint} -Region us-east-1 | Measure-Object | Out-Null";
            string listingAlone = $"Import-Module '{Repository.ModuleManifest}'; $null = Get-IoTJob -First 1000 -MaxResults 250 -EndpointUrl {endpoint} -Region us-east-1";
            string coreAtImport = pwsh.Run($"Import-Module '{Repository.ModuleManifest}'; 'awssdk-core-loaded-at-import=' + ([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name -contains 'AWSSDK.Core')");
            var coldRuns = new List<Action>
            {
                () => pwsh.Run("1"),
                () => pwsh.Run("Get-Date | Measure-Object | Out-Null"),
                () => pwsh.Run(listing, credentials),
                () => pwsh.Run(listingAlone, credentials),
                () => pwsh.Run($"$null = Invoke-WebRequest '{endpoint}jobs?maxResults=250'"),
            };
            if (cli)
            {
                coldRuns.Add(() => AwsCli.Run($"iot list-jobs --endpoint-url {endpoint} --region us-east-1 --max-items 1000 --output json"));
            }

            var rounds = RealPwsh.Rounds(ColdRounds, coldRuns.ToArray());
            double Median(Func<double[], double> figure) => rounds.Select(figure).OrderBy(v => v).ElementAt(rounds.Count / 2);
            lines.Add(string.Empty);
            lines.Add($"| Cold process, real pwsh 7.6.9 (medians of {ColdRounds} interleaved rounds) | ms | ratio to the AWS CLI's whole run |");
            lines.Add("| --- | ---: | ---: |");
            if (cli)
            {
                string Row(string label, Func<double[], double> figure) => $"| {label} | {Median(figure):F0} | {Median(r => figure(r) / r[5]):F2} |";
                lines.Add(Row("AWS CLI v1: `aws iot list-jobs --max-items 1000`", r => r[5]));
                lines.Add(Row("`pwsh -NoProfile -c 1`", r => r[0]));
                lines.Add(Row("`pwsh -NoProfile -c 'Get-Date \\| Measure-Object'` (a built-in module and the same pipeline shape)", r => r[1]));
                lines.Add(Row("`pwsh -NoProfile -c 'Import-Module JobTools; Get-IoTJob -First 1000 \\| Measure-Object'`", r => r[2]));
                lines.Add(Row("`pwsh -NoProfile -c 'Import-Module JobTools; $null = Get-IoTJob -First 1000'`", r => r[3]));
                lines.Add(Row("**what the module adds to a pwsh start**: import and first listing (the `$null =` run minus `-c 1`), round by round", r => r[3] - r[0]));
                lines.Add(Row("the `\\| Measure-Object` run minus `-c 1` (includes the engine's import of Microsoft.PowerShell.Utility)", r => r[2] - r[0]));
                lines.Add(Row("`pwsh -NoProfile -c '$null = Invoke-WebRequest <endpoint>/jobs?maxResults=250'` (the engine's own cmdlet, one page, not parsed)", r => r[4]));
                lines.Add(Row("what one Invoke-WebRequest adds to a pwsh start (minus `-c 1`, round by round): the floor of any HTTP listing in this pwsh", r => r[4] - r[0]));
            }

            return coreAtImport.Trim();
        }

        private static string PairedRow(string label, Paired iot, Paired snow) =>
            $"| {label} | {iot.Candidate:F0} ms | {iot.RatioText} | {snow.Candidate:F0} ms | {snow.RatioText} |";

        private static void Run(PowerShellSession session, string script, Dictionary<string, object?>? variables = null)
        {
            var result = session.Run(script, variables);
            if (result.Errors.Count > 0)
            {
                throw new InvalidOperationException(result.Errors[0].ToString());
            }
        }

        private static void Expect(int expected, int actual)
        {
            if (expected != actual)
            {
                throw new InvalidOperationException($"listed {actual} jobs, expected {expected}");
            }
        }

        private static string ChildOutput(string arguments, Dictionary<string, string>? environment = null)
        {
            var info = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[name] = value;
            }

            using var process = Process.Start(info)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"child run '{arguments}' failed: {output}");
            }

            return output;
        }

        /// <summary>
        /// One figure of the memory child runs, then each size's ratio to the one before (with <paramref name="toFirst"/>,
        /// to the first size); bytes in MB, a heap no collection measured as a dash.
        /// </summary>
        internal static string MemoryRow(string label, string field, IEnumerable<string> outputs, bool toFirst = false)
        {
            var values = outputs.Select(output => Field(output, field)).ToList();
            bool bytes = field != "collections";
            string Show(long value) => !bytes ? value.ToString(CultureInfo.InvariantCulture) : value == 0 ? "— (no collection ran)" : (value / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
            string Ratio(long before, long after) => before == 0 ? "—" : ((double)after / before).ToString("F2", CultureInfo.InvariantCulture);
            var ratios = toFirst ? values.Skip(1).Select(after => Ratio(values[0], after)) : values.Zip(values.Skip(1), Ratio);
            return $"| {label} | {string.Join(" | ", values.Select(Show))} | {string.Join(" | ", ratios)} |";
        }

        /// <summary>The number after <paramref name="name"/>= in a child run's output.</summary>
        internal static long Field(string output, string name) =>
            long.Parse(Regex.Match(output, name + @"=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
