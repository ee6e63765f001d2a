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

        /// <summary>Runs a script given as source text (from a temporary file, deleted afterwards) with the given arguments.</summary>
        public static (int ExitCode, string Output) RunScript(string source, string arguments)
        {
            string script = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"jobtools-{System.Guid.NewGuid():N}.py");
            System.IO.File.WriteAllText(script, source);
            try
            {
                return Run($"{script} {arguments}");
            }
            finally
            {
                System.IO.File.Delete(script);
            }
        }
    }
}
