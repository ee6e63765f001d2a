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

        public static async Task RunAsync()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { VerifySignatures = false });
            endpoint.IoT.AddGenerated(10_000);
            string cluster = SnowballStore.NewClusterId(10_000);
            endpoint.Snowball.AddGeneratedCluster(cluster, 10_000);
            var aws = ChildRuns.Aws(endpoint.BaseUri);
            bool cli = AwsCli.Available();
            var lines = new List<string> { $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; endpoint {endpoint.BaseUri}; medians of {Runs} runs after a warm-up; compared pairs alternate run by run.", string.Empty };

            // 1. Listing 10,000 jobs in session, against the floor and the AWS CLI.
            using var floor = new Floor(endpoint.BaseUri);
            using var session = PowerShellSession.Create(captureHost: true);
            session.SetVariable("aws", aws);
            var (iotFloor, iotCmdlet) = Stopwatches.Interleaved(
                Runs,
                () => Expect(10_000, floor.ListIoT()),
                () => Run(session, "$null = Get-IoTJob -MaxResults 250 @aws"));
            var (snowFloor, snowCmdlet) = Stopwatches.Interleaved(
                Runs,
                () => Expect(10_000, floor.ListSnowball(cluster)),
                () => Run(session, $"$null = Get-SnowballClusterJob {cluster} -MaxResults 100 @aws"));
            double iotOutNull = Stopwatches.MedianMs(Runs, () => Run(session, "Get-IoTJob -MaxResults 250 @aws | Out-Null"));
            double snowOutNull = Stopwatches.MedianMs(Runs, () => Run(session, $"Get-SnowballClusterJob {cluster} -MaxResults 100 @aws | Out-Null"));
            lines.Add("| 10,000 jobs listed | IoT (page 250) | ratio | Snowball (page 100) | ratio |");
            lines.Add("| --- | ---: | ---: | ---: | ---: |");
            lines.Add(Row("bare HttpClient loop (floor)", iotFloor, iotFloor, snowFloor, snowFloor));
            lines.Add(Row("`$null = Get-IoTJob …` / `$null = Get-SnowballClusterJob …`, module imported", iotCmdlet, iotFloor, snowCmdlet, snowFloor));
            lines.Add(Row("the same piped to `Out-Null` (adds the engine's per-object binding)", iotOutNull, iotFloor, snowOutNull, snowFloor));
            if (cli)
            {
                double iotCli = Stopwatches.MedianMs(3, () => AwsCli.Run($"iot list-jobs --endpoint-url {endpoint.BaseUri} --region us-east-1 --page-size 250 --output json"));
                double snowCli = Stopwatches.MedianMs(3, () => AwsCli.Run($"snowball list-cluster-jobs --cluster-id {cluster} --endpoint-url {endpoint.BaseUri} --region us-east-1 --page-size 100 --output json"));
                lines.Add(Row("AWS CLI v1 (process included)", iotCli, iotFloor, snowCli, snowFloor));
            }

            // 2. Cold start and import: this program in a fresh process, with the engine as its NuGet package has it
            //    (IL only, so JIT-compiled at start) and ReadyToRun-compiled, as an installed pwsh has it.
            string self = typeof(Program).Assembly.Location;
            string selfEngineR2R = Path.Combine(Path.GetDirectoryName(self)!, "engine-r2r", Path.GetFileName(self));
            double coldModule = Stopwatches.MedianMs(5, () => Child($"\"{self}\" coldstart {endpoint.BaseUri} 1000"));
            double? coldModuleR2R = File.Exists(selfEngineR2R) ? Stopwatches.MedianMs(5, () => Child($"\"{selfEngineR2R}\" coldstart {endpoint.BaseUri} 1000")) : null;
            string coreAtImport = ChildOutput($"\"{self}\" coldstart {endpoint.BaseUri} 1000");
            double coldCli = cli ? Stopwatches.MedianMs(5, () => AwsCli.Run($"iot list-jobs --endpoint-url {endpoint.BaseUri} --region us-east-1 --max-items 1000 --output json")) : double.NaN;
            lines.Add(string.Empty);
            lines.Add("| Cold process: start, import, list 1,000 IoT jobs | ms | ratio to AWS CLI |");
            lines.Add("| --- | ---: | ---: |");
            lines.Add($"| AWS CLI v1 | {coldCli:F0} | 1.00 |");
            lines.Add($"| dotnet host + engine (IL, as its NuGet package ships it) + JobTools | {coldModule:F0} | {coldModule / coldCli:F2} |");
            if (coldModuleR2R is double r2r)
            {
                lines.Add($"| dotnet host + engine (ReadyToRun, as pwsh installs it) + JobTools | {r2r:F0} | {r2r / coldCli:F2} |");
            }

            int requestsBefore = endpoint.Requests.Arrived;
            var imports = Enumerable.Range(0, 20).Select(_ =>
            {
                using var bare = PowerShellSession.Create(importModule: false);
                var stopwatch = Stopwatch.StartNew();
                Run(bare, "Import-Module $path", new() { ["path"] = Repository.ModuleManifest });
                return stopwatch.Elapsed.TotalMilliseconds;
            }).OrderBy(t => t).ToList();
            lines.Add(string.Empty);
            lines.Add($"Import-Module: median {imports[10]:F1} ms of 20 (first {imports.Max():F1} ms); requests sent while importing: {endpoint.Requests.Arrived - requestsBefore}; {coreAtImport.Trim()} (in a fresh process, before the first call).");

            // 3. Memory: 10,000 versus 100,000 jobs piped to a counter, each in a fresh process.
            var small = ChildOutput($"\"{self}\" memory {endpoint.BaseUri} 10000");
            endpoint.IoT.AddGenerated(90_000, seed: 2);
            var large = ChildOutput($"\"{self}\" memory {endpoint.BaseUri} 100000");
            long ws10 = Field(small, "peak-working-set"), ws100 = Field(large, "peak-working-set");
            long heap10 = Field(small, "peak-managed-heap"), heap100 = Field(large, "peak-managed-heap");
            lines.Add(string.Empty);
            lines.Add("| Piped to a counter | 10,000 jobs | 100,000 jobs | ratio |");
            lines.Add("| --- | ---: | ---: | ---: |");
            lines.Add($"| peak working set (MB) | {ws10 / 1048576.0:F1} | {ws100 / 1048576.0:F1} | {(double)ws100 / ws10:F2} |");
            lines.Add($"| peak managed heap after a collection (MB) | {heap10 / 1048576.0:F1} | {heap100 / 1048576.0:F1} | {(double)heap100 / heap10:F2} |");

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
            Run(session, "Get-IoTJob @aws | Select-FirstStandIn 5 | Out-Null");
            int downstream = endpoint.Requests.All.Count;
            lines.Add(string.Empty);
            lines.Add($"First object after {firstMs:F1} ms of a {totalMs:F0} ms listing of 100,000 IoT jobs ({firstMs / totalMs:P2} of it), when {first.Output[1]} request(s) had been answered.");
            lines.Add($"Requests sent: -First 5: {firstFive}; a downstream stop after 5 objects: {downstream}.");

            // 5. The cost of progress on a 10,000-job listing (the host receives the records). Each page is delayed
            //    25 ms, as a network would, so that the listing lasts long enough for progress to be shown at all.
            await using var progressEndpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { VerifySignatures = false });
            progressEndpoint.IoT.AddGenerated(10_000);
            progressEndpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(25));
            session.SetVariable("aws", ChildRuns.Aws(progressEndpoint.BaseUri));
            var (quiet, shown) = Stopwatches.Interleaved(
                Runs * 2,
                () => Run(session, "$ProgressPreference = 'SilentlyContinue'; $null = Get-IoTJob @aws"),
                () => Run(session, "$ProgressPreference = 'Continue'; $null = Get-IoTJob @aws"));
            lines.Add(string.Empty);
            lines.Add($"Progress on: {shown:F1} ms; off: {quiet:F1} ms; ratio {shown / quiet:F3} (pages delayed 25 ms; medians of {Runs * 2} alternating runs each).");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
        }

        private static string Row(string label, double iot, double iotFloor, double snow, double snowFloor) =>
            $"| {label} | {iot:F0} ms | {iot / iotFloor:F2} | {snow:F0} ms | {snow / snowFloor:F2} |";

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

        private static void Child(string arguments) => ChildOutput(arguments);

        private static string ChildOutput(string arguments)
        {
            var info = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(info)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"child run '{arguments}' failed: {output}");
            }

            return output;
        }

        private static long Field(string output, string name) =>
            long.Parse(Regex.Match(output, name + @"=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
