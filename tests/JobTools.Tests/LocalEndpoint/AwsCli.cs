using System.Diagnostics;
using System.IO;
using JobTools.LocalAws;

namespace JobTools.Tests.LocalEndpoint
{
    /// <summary>Runs the AWS CLI (on the machine image) against a local endpoint, with no configuration of the user's.</summary>
    internal static class AwsCli
    {
        public static string? Unavailable()
        {
            try
            {
                var (exit, _, _) = Run("--version");
                return exit == 0 ? null : "the AWS CLI ('aws') does not run on this machine";
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return "the AWS CLI ('aws') is not on PATH";
            }
        }

        public static (int ExitCode, string Output, string Error) Run(string arguments, string secretKey = LocalAwsOptions.DefaultSecretKey)
        {
            var info = new ProcessStartInfo("aws", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string missing = Path.Combine(Path.GetTempPath(), "jobtools-no-such-aws-config");
            info.Environment["AWS_ACCESS_KEY_ID"] = LocalAwsOptions.DefaultAccessKeyId;
            info.Environment["AWS_SECRET_ACCESS_KEY"] = secretKey;
            info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            info.Environment["AWS_CONFIG_FILE"] = missing;
            info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = missing;
            info.Environment["AWS_PAGER"] = string.Empty;
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.GetAwaiter().GetResult());
        }
    }
}
