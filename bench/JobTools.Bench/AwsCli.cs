using System;
using System.Diagnostics;

namespace JobTools.Bench
{
    /// <summary>The AWS CLI against the same endpoint, its output drained and dropped.</summary>
    internal static class AwsCli
    {
        public static bool Available()
        {
            try
            {
                return Run("--version") == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }

        public static int Run(string arguments)
        {
            var info = new ProcessStartInfo("aws", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.Environment["AWS_ACCESS_KEY_ID"] = "AKIDBENCH";
            info.Environment["AWS_SECRET_ACCESS_KEY"] = "bench-secret";
            info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            info.Environment["AWS_PAGER"] = string.Empty;
            using var process = Process.Start(info)!;
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            var buffer = new char[65536];
            while (process.StandardOutput.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            process.WaitForExit();
            return process.ExitCode;
        }
    }
}
