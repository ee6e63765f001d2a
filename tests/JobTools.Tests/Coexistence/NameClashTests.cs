using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Coexistence
{
    /// <summary>
    /// JobTools' Get-IoTJob beside a module named AWS.Tools.IoT that exports Get-IOTJob (a stand-in, tests/AwsToolsStandIn):
    /// whichever was imported last answers to the name, and the session is told so once, naming JobTools\Get-IoTJob.
    /// The tests share one class so that they never run at once: the stand-in's assembly loads once per process.
    /// </summary>
    public sealed class NameClashTests
    {
        private static readonly string StandIn = Path.Combine(
            Repository.Root, "tests", "AwsToolsStandIn", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "AWS.Tools.IoT.psd1");

        [Fact]
        public async Task ImportedAfterTheStandInJobToolsAnswersAndSaysSoOnceInTheWarningStream()
        {
            await using var local = await EndpointSession.StartAsync();
            var job = local.Endpoint.IoT.AddGenerated(3)[1];
            var host = new RecordingHost();
            using var session = PowerShellSession.Create(importModule: false, host: host);

            var result = session.Run(
                $"Import-Module '{StandIn}'; Import-Module '{Repository.ModuleManifest}'; 1..3 | ForEach-Object {{ Get-IoTJob -JobId {job.JobId} @aws }}; Get-IOTJob {job.JobId} @aws",
                EndpointArguments.Vars(local.Endpoint));

            Assert.Empty(result.Errors);
            Assert.Equal(4, result.Output.Count);
            Assert.All(result.Output, o => Assert.Equal("JobTools.IoTJobDetail", o.TypeNames[0]));
            string warning = Assert.Single(result.Warnings);
            Assert.StartsWith("Get-IoTJob runs JobTools' Get-IoTJob here: AWS.Tools.IoT, imported earlier, also exports Get-IOTJob", warning);
            Assert.Contains(@"JobTools\Get-IoTJob or AWS.Tools.IoT\Get-IOTJob", warning);
            Assert.Equal(warning, Assert.Single(host.Warnings));
        }

        [Fact]
        public async Task ImportedBeforeTheStandInJobToolsIsHiddenAndTheHostIsToldOnceHowToNameIt()
        {
            await using var local = await EndpointSession.StartAsync();
            var job = local.Endpoint.IoT.AddGenerated(3)[1];
            var host = new RecordingHost();
            using var session = PowerShellSession.Create(importModule: false, host: host);

            var result = session.Run(
                $"Import-Module '{Repository.ModuleManifest}'; Import-Module '{StandIn}'; 1..3 | ForEach-Object {{ Get-IoTJob {job.JobId} }}; JobTools\\Get-IoTJob -JobId {job.JobId} @aws",
                EndpointArguments.Vars(local.Endpoint));

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "AWS.Tools.IoT stand-in", "AWS.Tools.IoT stand-in", "AWS.Tools.IoT stand-in" }, result.Output.Take(3).Select(o => o.Value<string>("AnsweredBy")));
            Assert.Equal("JobTools.IoTJobDetail", result.Output[3].TypeNames[0]);
            string warning = Assert.Single(host.Warnings);
            Assert.StartsWith("Get-IoTJob runs AWS.Tools.IoT's Get-IOTJob here, not JobTools' Get-IoTJob: AWS.Tools.IoT was imported after JobTools", warning);
            Assert.Contains(@"call JobTools\Get-IoTJob", warning);
            Assert.Equal(warning, Assert.Single(result.Warnings));
        }

        [Fact]
        public void WithWarningsOffNothingIsWritten()
        {
            var host = new RecordingHost();
            using var session = PowerShellSession.Create(importModule: false, host: host);

            var result = session.Run($"$WarningPreference = 'SilentlyContinue'; Import-Module '{Repository.ModuleManifest}'; Import-Module '{StandIn}'; Get-IoTJob some-job");

            Assert.Empty(result.Errors);
            Assert.Equal("AWS.Tools.IoT stand-in", Assert.Single(result.Output).Value<string>("AnsweredBy"));
            Assert.Empty(host.Warnings);
            Assert.Empty(result.Warnings);
        }

        [Fact]
        public async Task NamedByItsModuleOrWithoutTheStandInGetIoTJobSaysNothing()
        {
            await using var local = await EndpointSession.StartAsync();
            var job = local.Endpoint.IoT.AddGenerated(3)[1];
            using var alone = PowerShellSession.Create();
            using var both = PowerShellSession.Create(importModule: false);

            var withoutStandIn = alone.Run($"Get-IoTJob -JobId {job.JobId} @aws", EndpointArguments.Vars(local.Endpoint));
            var qualified = both.Run(
                $"Import-Module '{StandIn}'; Import-Module '{Repository.ModuleManifest}'; JobTools\\Get-IoTJob -JobId {job.JobId} @aws",
                EndpointArguments.Vars(local.Endpoint));

            Assert.Empty(withoutStandIn.Errors);
            Assert.Single(withoutStandIn.Output);
            Assert.Empty(withoutStandIn.Warnings);
            Assert.Empty(qualified.Errors);
            Assert.Single(qualified.Output);
            Assert.Empty(qualified.Warnings);
        }
    }
}
