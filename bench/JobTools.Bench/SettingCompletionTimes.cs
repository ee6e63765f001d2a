using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using JobTools.Hosting;

namespace JobTools.Bench
{
    /// <summary>
    /// Tab on -Region and -ProfileName, each round in a fresh real pwsh, after the live completion budget of
    /// `dotnet run -c Release --project bench/JobTools.Bench -- completion`.
    /// The engine's own completion is warmed first with -Status (a completer that needs nothing loaded), so that the
    /// first -Region Tab shows what the module adds: loading its AWS layer and reading AWSSDK.Core's regions. The
    /// profiles come from a config and a credentials file of 25 profiles each. Every figure is also a ratio to the
    /// 100 ms budget of the issue and to the -Status Tab of the same process.
    /// </summary>
    internal static class SettingCompletionTimes
    {
        private const int Rounds = 9;
        private const double Budget = 100;

        public static void Run()
        {
            var pwsh = RealPwsh.Locate() ?? throw new InvalidOperationException("No pwsh: run 'dotnet tool restore' in the repository first.");
            string directory = Path.Combine(Path.GetTempPath(), $"jobtools-bench-completion-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            try
            {
                string config = Path.Combine(directory, "config"), credentials = Path.Combine(directory, "credentials");
                File.WriteAllText(config, string.Concat(Enumerable.Range(0, 25).Select(i => $"[profile role{i:D2}]\nrole_arn = arn:aws:iam::123456789012:role/R{i}\nsource_profile = keys00\nregion = eu-west-1\n\n")));
                File.WriteAllText(credentials, string.Concat(Enumerable.Range(0, 25).Select(i => $"[keys{i:D2}]\naws_access_key_id = AKIDBENCH{i:D2}\naws_secret_access_key = bench-secret-{i}\n\n")));
                var environment = new Dictionary<string, string> { ["AWS_CONFIG_FILE"] = config, ["AWS_SHARED_CREDENTIALS_FILE"] = credentials, ["AWS_EC2_METADATA_DISABLED"] = "true" };
                var rounds = Enumerable.Range(0, Rounds).Select(_ => Parse(pwsh.Run(Script, environment))).ToList();

                var lines = new List<string>
                {
                    $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; medians of {Rounds} fresh pwsh processes (the project's pinned pwsh); 25 + 25 profiles.",
                    string.Empty,
                    "| Tab | ms | ratio to the 100 ms budget | ratio to the -Status Tab |",
                    "| --- | ---: | ---: | ---: |",
                };
                double status = Median(rounds, "status");
                foreach (var (key, label) in new[]
                {
                    ("engine", "first Tab of the process, `-Status C` (the engine's own completion warming up; nothing of the module loaded)"),
                    ("status", "`-Status I` (a service enum: nothing to load), after that first Tab"),
                    ("region-first", "first `-Region eu-` of the process (loads the AWS layer and AWSSDK.Core's region data)"),
                    ("profile-first", "first `-ProfileName ` of the process (reads the two files)"),
                    ("region", "`-Region eu-` again (median of 20)"),
                    ("profile", "`-ProfileName ` again (median of 20)"),
                })
                {
                    double ms = Median(rounds, key);
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {label} | {ms:F1} | {ms / Budget:F2} | {ms / status:F2} |"));
                }

                Console.WriteLine(string.Join(Environment.NewLine, lines));
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        /// <summary>Prints key=milliseconds pairs; every Tab must offer something, or the figures would time nothing.</summary>
        private static string Script => $@"
Import-Module '{Repository.ModuleManifest}'
function Tab([string] $line) {{
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.Count
    $elapsed = $watch.Elapsed.TotalMilliseconds
    if ($found -eq 0) {{ throw ""nothing offered for '$line'"" }}
    $elapsed
}}
function Median([string] $line) {{ $times = 1..20 | ForEach-Object {{ Tab $line }} | Sort-Object; $times[10] }}
$engine = Tab 'Get-IoTJob -Status C'
$status = Tab 'Get-IoTJob -Status I'
$regionFirst = Tab 'Get-IoTJob -Region eu-'
$profileFirst = Tab 'Get-IoTJob -ProfileName '
$region = Median 'Get-IoTJob -Region eu-'
$profile = Median 'Get-IoTJob -ProfileName '
[string]::Format([cultureinfo]::InvariantCulture, 'engine={{5}};status={{0}};region-first={{1}};profile-first={{2}};region={{3}};profile={{4}}', $status, $regionFirst, $profileFirst, $region, $profile, $engine)
";

        private static Dictionary<string, double> Parse(string output) => output.Trim().Split(';')
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));

        private static double Median(List<Dictionary<string, double>> rounds, string key)
        {
            var values = rounds.Select(round => round[key]).OrderBy(v => v).ToList();
            return values[values.Count / 2];
        }
    }
}
