using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

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
            Assert.Equal(new[] { "Get-IoTJob", "Get-SnowballCluster", "Get-SnowballClusterJob" }, module.ExportedCmdlets.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.Empty(module.ExportedFunctions);
            Assert.Empty(module.ExportedAliases);
            Assert.Empty(module.ExportedVariables);
            Assert.Equal(new[] { "Core" }, module.CompatiblePSEditions);
            Assert.Equal(new Version(7, 6), module.PowerShellVersion);
            Assert.NotEqual(Guid.Empty, module.Guid);
            Assert.False(string.IsNullOrWhiteSpace(module.Author));
            Assert.False(string.IsNullOrWhiteSpace(module.CompanyName));
            Assert.False(string.IsNullOrWhiteSpace(module.Copyright));
            Assert.False(string.IsNullOrWhiteSpace(module.Description));
            Assert.Contains("JobTools.Format.ps1xml", module.ExportedFormatFiles.Select(Path.GetFileName));
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

        /// <summary>The floor the manifest claims (PowerShell 7.6) runs on .NET 10: the assemblies target it.</summary>
        [Fact]
        public void TheAssembliesTargetTheRuntimeOfTheClaimedEngine()
        {
            foreach (string file in new[] { "JobTools.dll", Path.Combine("Dependencies", "JobTools.Aws.dll") })
            {
                Assert.Equal(".NETCoreApp,Version=v10.0", TargetFramework(Path.Combine(Repository.ModuleDirectory, file)));
            }
        }

        [Fact]
        public void TheBuiltModuleHasEverythingItNeeds()
        {
            foreach (string file in new[]
            {
                "JobTools.psd1", "JobTools.psm1", "JobTools.dll", "JobTools.Format.ps1xml",
                Path.Combine("en-US", "JobTools.dll-Help.xml"), Path.Combine("en-US", "about_JobTools.help.txt"),
                Path.Combine("Dependencies", "JobTools.Aws.dll"), Path.Combine("Dependencies", "AWSSDK.Core.dll"),
                Path.Combine("Dependencies", "AWSSDK.SecurityToken.dll"), Path.Combine("Dependencies", "AWSSDK.SSO.dll"), Path.Combine("Dependencies", "AWSSDK.SSOOIDC.dll"),
            })
            {
                Assert.True(File.Exists(Path.Combine(Repository.ModuleDirectory, file)), $"missing {file}");
            }

            Assert.False(File.Exists(Path.Combine(Repository.ModuleDirectory, "AWSSDK.Core.dll")), "AWSSDK.Core must stay in Dependencies/, out of the engine's default load context");
        }

        private static string? TargetFramework(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind == HandleKind.MemberReference
                    && metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                    && metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) == "TargetFrameworkAttribute")
                {
                    var value = metadata.GetBlobReader(attribute.Value);
                    value.ReadUInt16();
                    return value.ReadSerializedString();
                }
            }

            return null;
        }
    }
}
