using System;
using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;
using static JobTools.Tests.Infrastructure.EndpointArguments;

namespace JobTools.Tests.Console
{
    /// <summary>The format views, rendered by the real formatter (Out-String) at 120 columns.</summary>
    public sealed class FormatTests
    {
        [Fact]
        public async Task SnowballTableShowsTheChosenColumnsGroupedByCluster()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            string other = SnowballStore.NewClusterId(40);
            endpoint.Snowball.AddGeneratedCluster(other, 2);
            using var session = PowerShellSession.Create();

            var result = session.Run($"'{SnowballStore.SeedClusterId}', '{other}' | Get-SnowballClusterJob @aws | Out-String -Width 120", Vars(endpoint));

            Assert.Empty(result.Errors);
            var lines = result.Output.Single().ToString().Split('\n');
            var header = lines.First(l => l.StartsWith("JobId", StringComparison.Ordinal));
            Assert.Matches(@"^JobId\s{35}JobState\s+JobType\s+SnowballType\s+IsMaster\s+Created \(UTC\)\s+Descr", header);
            Assert.Equal(2, lines.Count(l => l.StartsWith("JobId", StringComparison.Ordinal)));
            Assert.Contains(lines, l => l.Trim() == $"ClusterId: {SnowballStore.SeedClusterId}");
            Assert.Contains(lines, l => l.Trim() == $"ClusterId: {other}");
            var row = lines.First(l => l.StartsWith("JID123e4567-e89b-12d3-a456-426655440000", StringComparison.Ordinal));
            Assert.Matches(@"^JID123e4567-e89b-12d3-a456-426655440000\s+New\s+LOCAL_USE\s+EDGE\s+False\s+2016-11-30 03:12\s+MyClus\S*\s*$", row);
            Assert.All(lines, l => Assert.True(l.Length <= 120, $"line longer than 120: {l}"));
        }

        [Fact]
        public async Task IoTTableShowsTheChosenColumns()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            var jobs = endpoint.IoT.AddGenerated(5);
            using var session = PowerShellSession.Create();

            var result = session.Run("Get-IoTJob @aws | Out-String -Width 120", Vars(endpoint));

            Assert.Empty(result.Errors);
            var lines = result.Output.Single().ToString().Split('\n');
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^JobId\s+Status\s+TargetSelection\s+ThingGroupId\s+Created \(UTC\)\s+Completed \(UTC\)\s*$"));
            var first = jobs[0];
            var row = lines.First(l => l.StartsWith(first.JobId.Length > 27 ? first.JobId[..27] : first.JobId + " ", StringComparison.Ordinal));
            Assert.Contains(first.Status, row);
            Assert.Contains(first.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), row);
            Assert.All(lines, l => Assert.True(l.Length <= 120, $"line longer than 120: {l}"));
        }

        [Fact]
        public void TypesFileDeclaresTheDefaultDisplayPropertySets()
        {
            using var session = PowerShellSession.Create();

            var result = session.Run(@"
                $snowball = [JobTools.SnowballClusterJob]::new('c', 'j', 'New', $false, 'IMPORT', 'EDGE', $null, $null)
                $iot = [JobTools.IoTJob]::new($null, 'j', $null, 'SNAPSHOT', 'COMPLETED', $null, $null, $null, $null)
                $snowball.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames -join ','
                $iot.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames -join ','");

            Assert.Empty(result.Errors);
            Assert.Equal("JobId,JobState,JobType,SnowballType,IsMaster,CreationDate,Description", result.Output[0].ToString());
            Assert.Equal("JobId,Status,TargetSelection,ThingGroupId,CreatedAt,CompletedAt", result.Output[1].ToString());
        }

    }
}
