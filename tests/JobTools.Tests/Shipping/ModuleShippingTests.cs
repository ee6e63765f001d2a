using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;

namespace JobTools.Tests.Shipping
{
    /// <summary>The built module is Gallery-ready and the contributor scripts parse and run.</summary>
    public sealed class ModuleShippingTests
    {
        [Fact]
        public void ManifestPassesTestModuleManifestAndDeclaresWhatTheGalleryNeeds()
        {
            using var session = PowerShellSession.Create(importModule: false);

            var result = session.Run("Test-ModuleManifest -Path $path", new() { ["path"] = Repository.ModuleManifest });

            Assert.Empty(result.Errors);
            var module = (PSModuleInfo)Assert.Single(result.Output).BaseObject;
            Assert.Equal(new[] { "Get-IoTJob", "Get-SnowballClusterJob" }, module.ExportedCmdlets.Keys.OrderBy(k => k));
            Assert.Empty(module.ExportedFunctions);
            Assert.Empty(module.ExportedAliases);
            Assert.Empty(module.ExportedVariables);
            Assert.Equal(new[] { "Core" }, module.CompatiblePSEditions);
            Assert.Equal(new Version(7, 4), module.PowerShellVersion);
            Assert.NotEqual(Guid.Empty, module.Guid);
            Assert.False(string.IsNullOrWhiteSpace(module.Author));
            Assert.False(string.IsNullOrWhiteSpace(module.CompanyName));
            Assert.False(string.IsNullOrWhiteSpace(module.Copyright));
            Assert.False(string.IsNullOrWhiteSpace(module.Description));
            Assert.Contains("JobTools.Format.ps1xml", module.ExportedFormatFiles.Select(Path.GetFileName));
            Assert.Contains("JobTools.Types.ps1xml", module.ExportedTypeFiles.Select(Path.GetFileName));
            var psData = (Hashtable)((Hashtable)module.PrivateData)["PSData"]!;
            Assert.Superset(new[] { "AWS", "Snowball", "IoT", "Jobs" }.ToHashSet(), ((object[])psData["Tags"]!).Cast<string>().ToHashSet());
            Assert.NotNull(module.ProjectUri);
            Assert.NotNull(module.LicenseUri);
            Assert.False(string.IsNullOrWhiteSpace(module.ReleaseNotes));
        }

        [Fact]
        public void ModuleVersionAndAssemblyVersionsComeFromOneSource()
        {
            var manifestVersion = new Version(Repository.ModuleVersion);
            foreach (string file in new[] { "JobTools.dll", Path.Combine("Dependencies", "JobTools.Aws.dll") })
            {
                var name = AssemblyName.GetAssemblyName(Path.Combine(Repository.ModuleDirectory, file));
                Assert.Equal(manifestVersion, new Version(name.Version!.Major, name.Version.Minor, name.Version.Build));
            }
        }

        [Fact]
        public void TheBuiltModuleHasEverythingItNeeds()
        {
            foreach (string file in new[]
            {
                "JobTools.psd1", "JobTools.dll", "JobTools.Format.ps1xml", "JobTools.Types.ps1xml",
                Path.Combine("en-US", "JobTools.dll-Help.xml"), Path.Combine("en-US", "about_JobTools.help.txt"),
                Path.Combine("Dependencies", "JobTools.Aws.dll"), Path.Combine("Dependencies", "AWSSDK.Core.dll"),
                Path.Combine("Dependencies", "AWSSDK.SecurityToken.dll"), Path.Combine("Dependencies", "AWSSDK.SSO.dll"), Path.Combine("Dependencies", "AWSSDK.SSOOIDC.dll"),
            })
            {
                Assert.True(File.Exists(Path.Combine(Repository.ModuleDirectory, file)), $"missing {file}");
            }

            Assert.False(File.Exists(Path.Combine(Repository.ModuleDirectory, "AWSSDK.Core.dll")), "AWSSDK.Core must stay in Dependencies/, out of the engine's default load context");
        }

        [Theory]
        [InlineData("build.ps1")]
        [InlineData("tests/Pester/JobTools.Tests.ps1")]
        public void ContributorScriptsParseWithoutErrors(string path)
        {
            Parser.ParseFile(Path.Combine(Repository.Root, path), out _, out var errors);

            Assert.Empty(errors);
        }

        [Fact]
        public void BuildScriptBuildsInABareHostedEngine()
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            using var session = PowerShellSession.Create(importModule: false);

            var result = session.Run(
                "& $script -Task Build -Configuration $configuration *>&1 | ForEach-Object { \"$_\" }; $LASTEXITCODE",
                new() { ["script"] = Path.Combine(Repository.Root, "build.ps1"), ["configuration"] = configuration });

            Assert.Empty(result.Errors);
            Assert.Equal("0", result.Output[^1].ToString());
            Assert.Contains(result.Output, o => o.ToString().Contains("Build succeeded", StringComparison.Ordinal));
        }
    }
}
