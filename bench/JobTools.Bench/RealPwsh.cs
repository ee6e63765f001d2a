using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using JobTools.Hosting;

namespace JobTools.Bench
{
    /// <summary>
    /// The cold process as users run it: the real pwsh the project pins (.config/dotnet-tools.json), started
    /// the way `dotnet pwsh` starts it (dotnet exec pwsh.dll), each run a fresh process.
    /// </summary>
    internal sealed class RealPwsh
    {
        private readonly string pwshDll;

        private RealPwsh(string pwshDll)
        {
            this.pwshDll = pwshDll;
        }

        /// <summary>Finds the tool's pwsh.dll once, through `dotnet pwsh` in the repository (which restores nothing).</summary>
        public static RealPwsh? Locate()
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-Command", "[System.IO.Path]::Combine($PSHOME, 'pwsh.dll')" })
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            string path = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && File.Exists(path) ? new RealPwsh(path) : null;
        }

        /// <summary>Runs one command in a fresh pwsh -NoProfile -NonInteractive; throws if it fails.</summary>
        public string Run(string command, IReadOnlyDictionary<string, string>? environment = null)
        {
            var info = StartInfo(command, environment);
            using var process = Process.Start(info)!;
            process.StandardInput.Close();
            var errors = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || errors.Result.Length > 0)
            {
                throw new InvalidOperationException($"pwsh -Command '{command}' failed ({process.ExitCode}): {output} {errors.Result}");
            }

            return output;
        }

        /// <summary>
        /// Starts a fresh pwsh running <paramref name="command"/>, which answers each line written to its standard
        /// input with one line on its standard output (see <see cref="RealPwshSession"/>).
        /// </summary>
        public RealPwshSession Start(string command, IReadOnlyDictionary<string, string>? environment = null) =>
            new RealPwshSession(Process.Start(StartInfo(command, environment))!);

        private ProcessStartInfo StartInfo(string command, IReadOnlyDictionary<string, string>? environment)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            foreach (string argument in new[] { pwshDll, "-NoProfile", "-NonInteractive", "-Command", command })
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
            info.Environment["POWERSHELL_UPDATECHECK"] = "Off";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[name] = value;
            }

            return info;
        }

        /// <summary>
        /// Rounds of the given runs in turn (after one warm-up round), so that the machine's slow spells hit every
        /// run alike; the wall time of each run, round by round.
        /// </summary>
        public static IReadOnlyList<double[]> Rounds(int rounds, params Action[] runs) =>
            Rounds(rounds, runs.Select(run => (Func<double>)(() =>
            {
                var stopwatch = Stopwatch.StartNew();
                run();
                return stopwatch.Elapsed.TotalMilliseconds;
            })).ToArray());

        /// <summary>The same, each run timing itself: it returns the milliseconds its own measured part took.</summary>
        public static IReadOnlyList<double[]> Rounds(int rounds, params Func<double>[] runs)
        {
            foreach (var run in runs)
            {
                run();
            }

            return Enumerable.Range(0, rounds).Select(_ => runs.Select(run => run()).ToArray()).ToList();
        }
    }
}
