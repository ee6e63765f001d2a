using System;
using System.Collections.Generic;
using System.IO;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Credentials
{
    /// <summary>
    /// Fills the process's shared config and credentials files and sets environment variables; empties and
    /// restores them on dispose.
    /// </summary>
    public sealed class AwsConfigSandbox : IDisposable
    {
        private readonly Dictionary<string, string?> saved = new();

        public AwsConfigSandbox(string credentials = "", string config = "")
        {
            File.WriteAllText(TestEnvironment.CredentialsFile, credentials);
            File.WriteAllText(TestEnvironment.ConfigFile, config);
        }

        public AwsConfigSandbox Set(string name, string? value)
        {
            if (!saved.ContainsKey(name))
            {
                saved[name] = Environment.GetEnvironmentVariable(name);
            }

            Environment.SetEnvironmentVariable(name, value);
            return this;
        }

        public void Dispose()
        {
            foreach (var pair in saved)
            {
                Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            }

            File.WriteAllText(TestEnvironment.CredentialsFile, string.Empty);
            File.WriteAllText(TestEnvironment.ConfigFile, string.Empty);
        }
    }
}
