using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace JobTools.Tests.Infrastructure
{
    internal static class TestEnvironment
    {
        /// <summary>
        /// The shared config and credentials files of this test process: empty unless a test fills them.
        /// AWSSDK.Core fixes these paths when it first reads them (a file that does not exist is passed over),
        /// so they exist from the start and tests change their contents, never the paths.
        /// </summary>
        public static readonly string ConfigFile = Path.Combine(Path.GetTempPath(), $"jobtools-tests-{Environment.ProcessId}", "config");

        public static readonly string CredentialsFile = Path.Combine(Path.GetTempPath(), $"jobtools-tests-{Environment.ProcessId}", "credentials");

        /// <summary>
        /// No test may reach instance metadata or a developer's own AWS configuration: the process starts
        /// with both turned off, and every test passes region, credentials and endpoint explicitly.
        /// </summary>
        [ModuleInitializer]
        internal static void Isolate()
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
            File.WriteAllText(ConfigFile, string.Empty);
            File.WriteAllText(CredentialsFile, string.Empty);
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", ConfigFile);
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile);
            foreach (string name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SNOWBALL", "AWS_ENDPOINT_URL_IOT" })
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
