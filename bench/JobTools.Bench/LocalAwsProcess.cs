using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using JobTools.LocalAws;

namespace JobTools.Bench
{
    /// <summary>
    /// The local endpoint in a process of its own (its Program: --regions, --latency-ms and the control route), as
    /// the Pester suite runs it. Started with --parent-pid, so that it ends with the bench however the bench ends;
    /// <see cref="Dispose"/> also kills it.
    /// </summary>
    internal sealed class LocalAwsProcess : IDisposable
    {
        private readonly Process process;
        private readonly HttpClient control = new();

        private LocalAwsProcess(Process process, Uri baseUri)
        {
            this.process = process;
            BaseUri = baseUri;
        }

        public Uri BaseUri { get; }

        /// <summary>Starts the endpoint on a free port with the program's own options (see JobTools.LocalAws.Program).</summary>
        public static LocalAwsProcess Start(params string[] arguments)
        {
            // The copy the bench's project reference puts beside the bench, with its runtimeconfig.
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(typeof(LocalAwsEndpoint).Assembly.Location);
            foreach (string argument in new[] { "--port", "0", "--parent-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(arguments))
            {
                info.ArgumentList.Add(argument);
            }

            var process = Process.Start(info)!;
            try
            {
                var errors = process.StandardError.ReadToEndAsync();
                while (process.StandardOutput.ReadLine() is string line)
                {
                    var listening = Regex.Match(line, @"listening on (http://\S+)");
                    if (listening.Success)
                    {
                        return new LocalAwsProcess(process, new Uri(listening.Groups[1].Value));
                    }
                }

                throw new InvalidOperationException($"The local endpoint did not start: {errors.Result}");
            }
            catch
            {
                Stop(process);
                throw;
            }
        }

        /// <summary>The ListJobs requests answered so far, per signing region (the control route, ?by=region).</summary>
        public Dictionary<string, int> ListJobsByRegion()
        {
            string json = control.GetStringAsync(new Uri(BaseUri, "_localaws/requests?by=region")).GetAwaiter().GetResult();
            var byRegion = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(json)!;
            return byRegion.ToDictionary(r => r.Key, r => r.Value.GetValueOrDefault("ListJobs"));
        }

        public void Dispose()
        {
            control.Dispose();
            Stop(process);
        }

        private static void Stop(Process process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
