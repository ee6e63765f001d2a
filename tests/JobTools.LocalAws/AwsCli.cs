using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace JobTools.LocalAws
{
    /// <summary>
    /// Runs the AWS CLI (on the machine image) against a local endpoint, with none of the user's configuration:
    /// no inherited AWS_* variable, no config or credentials file, no instance metadata, the endpoint's default key.
    /// </summary>
    public static class AwsCli
    {
        private static readonly Lazy<string?> Unusable = new(Probe);

        /// <summary>Why the CLI cannot be used here, or null when it can.</summary>
        public static string? Unavailable() => Unusable.Value;

        public static (int ExitCode, string Output, string Error) Run(
            string arguments,
            string secretKey = LocalAwsOptions.DefaultSecretKey,
            IReadOnlyDictionary<string, string>? environment = null)
        {
            var info = new ProcessStartInfo("aws", arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string inherited in info.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                info.Environment.Remove(inherited);
            }

            string missing = Path.Combine(Path.GetTempPath(), "jobtools-no-such-aws-config-" + Path.GetRandomFileName());
            info.Environment["AWS_ACCESS_KEY_ID"] = LocalAwsOptions.DefaultAccessKeyId;
            info.Environment["AWS_SECRET_ACCESS_KEY"] = secretKey;
            info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            info.Environment["AWS_CONFIG_FILE"] = missing;
            info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = missing;
            info.Environment["AWS_PAGER"] = string.Empty;
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[name] = value;
            }

            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.GetAwaiter().GetResult());
        }

        private static string? Probe()
        {
            try
            {
                return Run("--version").ExitCode == 0 ? null : "the AWS CLI ('aws') is on PATH but 'aws --version' fails";
            }
            catch (Win32Exception)
            {
                return "the AWS CLI ('aws') is not on PATH";
            }
        }
    }
}
