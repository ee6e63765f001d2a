using System;
using System.Runtime.CompilerServices;

namespace JobTools.Tests.Infrastructure
{
    internal static class TestEnvironment
    {
        /// <summary>
        /// No test may reach instance metadata or a developer's own AWS configuration: the process starts
        /// with both turned off, and every test passes region, credentials and endpoint explicitly.
        /// </summary>
        [ModuleInitializer]
        internal static void Isolate()
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", "/nonexistent/jobtools-tests/config");
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/jobtools-tests/credentials");
            foreach (string name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SNOWBALL", "AWS_ENDPOINT_URL_IOT" })
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
