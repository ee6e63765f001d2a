using System.Diagnostics;

namespace JobTools.Tests.Interop
{
    internal static class Python
    {
        /// <summary>Runs python3 with the given argument string; returns the exit code and standard output.</summary>
        public static (int ExitCode, string Output) Run(string arguments, string? standardInput = null)
        {
            var info = new ProcessStartInfo("python3", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = standardInput != null,
                UseShellExecute = false,
            };
            try
            {
                using var process = Process.Start(info)!;
                if (standardInput != null)
                {
                    process.StandardInput.Write(standardInput);
                    process.StandardInput.Close();
                }

                var error = process.StandardError.ReadToEndAsync();
                string output = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                return (process.ExitCode, process.ExitCode == 0 ? output : output + error.GetAwaiter().GetResult());
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return (-1, "python3 not found");
            }
        }
    }
}
