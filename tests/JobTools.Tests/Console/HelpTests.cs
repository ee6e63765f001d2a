using System.Linq;
using System.Management.Automation;

namespace JobTools.Tests.Console
{
    /// <summary>Help through Get-Help in the hosted engine: no parameter without help, enough examples.</summary>
    public sealed class HelpTests
    {
        [Theory]
        [InlineData("Get-SnowballClusterJob")]
        [InlineData("Get-SnowballCluster")]
        [InlineData("Get-IoTJob")]
        public void EveryParameterHasHelpAndThereAreAtLeastThreeExamples(string command)
        {
            using var session = PowerShellSession.Create();

            var result = session.Run(@"
                $help = Get-Help $command -Full
                $documented = @($help.parameters.parameter | Where-Object { ($_.description | ForEach-Object Text) -join '' } | ForEach-Object name)
                $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
                $missing = @((Get-Command $command).Parameters.Keys | Where-Object { $_ -notin $common -and $_ -notin $documented })
                [pscustomobject]@{
                    Synopsis = $help.Synopsis
                    Description = ($help.description | ForEach-Object Text) -join ' '
                    Missing = $missing
                    Examples = @($help.examples.example).Count
                    ExamplesWithCode = @($help.examples.example | Where-Object { $_.code }).Count
                    Output = ($help.returnValues.returnValue.type.name) -join ','
                    Links = @($help.relatedLinks.navigationLink).Count
                    WhereObject = @($help.examples.example | Where-Object { $_.code -match 'Where-Object' }).Count
                    Scheduled = @($help.examples.example | Where-Object { $_.code -match 'ErrorAction Stop' }).Count
                }", new() { ["command"] = command });

            Assert.Empty(result.Errors);
            var help = Assert.Single(result.Output);
            Assert.Empty((object[])help.Value<object>("Missing"));
            Assert.False(string.IsNullOrWhiteSpace(help.Value<string>("Synopsis")));
            Assert.True(help.Value<string>("Description").Length > 200);
            Assert.True(help.Value<int>("Examples") >= 3);
            Assert.Equal(help.Value<int>("Examples"), help.Value<int>("ExamplesWithCode"));
            Assert.True(help.Value<int>("WhereObject") >= 1);
            Assert.True(help.Value<int>("Scheduled") >= 1);
            Assert.StartsWith("JobTools.", help.Value<string>("Output"));
            Assert.True(help.Value<int>("Links") >= 3);
        }

        [Theory]
        [InlineData("Get-SnowballClusterJob")]
        [InlineData("Get-IoTJob")]
        public void SyntaxShowsEverySwitchAsASwitch(string command)
        {
            using var session = PowerShellSession.Create();

            var result = session.Run(@"
                $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
                (Get-Help $command).syntax | Out-String -Width 2000
                (Get-Command $command).Parameters.Values | Where-Object { $_.SwitchParameter -and $_.Name -notin $common } | ForEach-Object Name",
                new() { ["command"] = command });

            Assert.Empty(result.Errors);
            string syntax = result.Output[0].ToString();
            var switches = result.Output.Skip(1).Select(o => o.ToString()).ToList();
            Assert.Contains("NoAutoIteration", switches);
            Assert.All(switches, name => Assert.Contains($"[-{name}]", syntax));
            Assert.DoesNotContain("SwitchParameter", syntax);
        }

        /// <summary>The order ListingSettings applies: explicit keys, -ProfileName, -Credential, $StoredAWSCredentials, then the SDK's chain.</summary>
        [Theory]
        [InlineData("Get-SnowballClusterJob")]
        [InlineData("Get-IoTJob")]
        public void NotesGiveEveryCredentialSourceInTheOrderTheCmdletTriesThem(string command)
        {
            using var session = PowerShellSession.Create();

            var result = session.Run("(Get-Help $command -Full).alertSet.alert.Text -join ' '", new() { ["command"] = command });

            Assert.Empty(result.Errors);
            string notes = result.Output.Single().ToString();
            var positions = new[] { "-AccessKey", "-ProfileName", "-Credential", "$StoredAWSCredentials", "default chain" }
                .Select(source => notes.IndexOf(source, System.StringComparison.Ordinal))
                .ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.OrderBy(p => p), positions);
            Assert.Contains("PowerShell 7.6", notes);
        }

        [Theory]
        [InlineData("Get-SnowballClusterJob", "SecretKey", "AWS_SECRET_ACCESS_KEY")]
        [InlineData("Get-SnowballClusterJob", "SessionToken", "AWS_SESSION_TOKEN")]
        [InlineData("Get-IoTJob", "SecretKey", "AWS_SECRET_ACCESS_KEY")]
        [InlineData("Get-IoTJob", "SessionToken", "AWS_SESSION_TOKEN")]
        public void SecretParametersSayTraceCommandShowsThemAndWhatToUseInstead(string command, string parameter, string variable)
        {
            using var session = PowerShellSession.Create();

            var result = session.Run(
                "(Get-Help $command -Parameter $parameter).description.Text -join ' '",
                new() { ["command"] = command, ["parameter"] = parameter });

            Assert.Empty(result.Errors);
            string help = result.Output.Single().ToString();
            Assert.Contains("Trace-Command -Name ParameterBinding", help);
            Assert.Contains("-ProfileName", help);
            Assert.Contains(variable, help);
        }

        [Fact]
        public void AboutTopicIsFound()
        {
            using var session = PowerShellSession.Create();

            var text = session.Run("(Get-Help about_JobTools) -join \"`n\"");

            Assert.Empty(text.Errors);
            string about = string.Join("\n", text.Output.Select(o => o.ToString()));
            Assert.Contains("CREDENTIALS", about);
            Assert.Contains("AWS_ENDPOINT_URL_SNOWBALL", about);
            Assert.Contains("TokenRepeated", about);
            Assert.Contains("Trace-Command -Name ParameterBinding", about);
        }
    }
}
