using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Loading
{
    /// <summary>The module keeps its own AWSSDK.Core, in its own load context, when the session already holds another one.</summary>
    public sealed class IsolationTests
    {
        [Fact]
        public async Task ImportAndListWorkWithAnOlderAwsSdkCoreAlreadyLoaded()
        {
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string older = Path.Combine(packages, "awssdk.core", "4.0.3.3", "lib", "net8.0", "AWSSDK.Core.dll");
            Assert.True(File.Exists(older), $"The test needs AWSSDK.Core 4.0.3.3 (a PackageDownload of the test project) at {older}.");
            var preloaded = Assembly.LoadFrom(older);
            Assert.Equal(new Version(4, 0, 0, 0), preloaded.GetName().Version);

            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            var result = local.Run($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} @aws");

            Assert.Empty(result.Errors);
            Assert.Equal(5, result.Output.Count);
            var cores = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "AWSSDK.Core").ToList();
            var ours = Assert.Single(cores, a => a.Location.StartsWith(Repository.ModuleDirectory, StringComparison.Ordinal));
            Assert.Equal("4.0.102.19", FileVersionInfo(ours));
            Assert.Contains(cores, a => a.Location == older);
        }

        private static string? FileVersionInfo(Assembly assembly) =>
            System.Diagnostics.FileVersionInfo.GetVersionInfo(assembly.Location).FileVersion;
    }
}
