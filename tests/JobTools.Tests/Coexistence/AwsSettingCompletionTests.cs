using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using JobTools.Tests.Credentials;

namespace JobTools.Tests.Coexistence
{
    /// <summary>
    /// -Region and -ProfileName complete as in AWS Tools: the regions of AWSSDK.Core's partition data with their names, and
    /// the profiles of the shared files (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point this process at its own)
    /// or of the -ProfileLocation on the line; no endpoint runs in these tests.
    /// </summary>
    [Collection(EnvironmentCollection.Name)]
    public sealed class AwsSettingCompletionTests
    {
        private const string Config = @"
[default]
region = eu-west-1

[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = dev

[profile sso-dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Reader
region = us-east-2

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile regiononly]
region = ap-south-1

[profile proc]
credential_process = /bin/echo process-argument-not-shown
";

        private const string Credentials = @"
[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = secret-default-not-shown

[dev]
aws_access_key_id = AKIDDEV
aws_secret_access_key = secret-dev-not-shown
aws_session_token = token-dev-not-shown

[my team]
aws_access_key_id = AKIDTEAM
aws_secret_access_key = secret-team-not-shown
";

        [Theory]
        [InlineData("Get-IoTJob -Region eu-w", "eu-west-1: Europe (Ireland)|eu-west-2: Europe (London)|eu-west-3: Europe (Paris)")]
        [InlineData("Get-SnowballClusterJob -Region US-EAST", "us-east-1: US East (N. Virginia)|us-east-2: US East (Ohio)")]
        [InlineData("Get-IoTJob -JobId j -Region cn-", "cn-north-1: China (Beijing) (aws-cn partition)|cn-northwest-1: China (Ningxia) (aws-cn partition)")]
        public void RegionOffersTheSdksRegionsWithTheirNames(string line, string expected)
        {
            using var session = PowerShellSession.Create();

            var matches = Complete(session, line);

            Assert.Equal(expected.Split('|'), matches.Select(m => m.ToolTip));
            Assert.All(matches, m => Assert.Equal((m.ListItemText, CompletionResultType.ParameterValue), (m.CompletionText, m.ResultType)));
            Assert.All(matches, m => Assert.StartsWith(m.CompletionText + ": ", m.ToolTip, StringComparison.Ordinal));
        }

        [Fact]
        public void RegionOffersEveryPartitionsRegionsButNoPseudoRegion()
        {
            using var session = PowerShellSession.Create();

            var names = Complete(session, "Get-IoTJob -Region ").Select(m => m.CompletionText).ToList();

            Assert.True(names.Count > 40, string.Join(",", names));
            Assert.Equal("af-south-1", names[0]);
            Assert.Superset(new[] { "us-east-1", "eu-west-1", "ap-southeast-7", "mx-central-1", "cn-north-1", "us-gov-west-1", "eusc-de-east-1" }.ToHashSet(), names.ToHashSet());
            Assert.DoesNotContain("us-east-1-regional", names);
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.True(names.IndexOf("us-west-2") < names.IndexOf("cn-north-1"), "the standard partition comes first");
        }

        [Fact]
        public void ProfileNameOffersTheProfilesWithCredentialsSaysWhatEachHoldsAndShowsNoSecret()
        {
            using var sandbox = new AwsConfigSandbox(Credentials, Config);
            using var session = PowerShellSession.Create();

            var matches = Complete(session, "Get-IoTJob -ProfileName ");

            Assert.Equal(new[] { "admin", "default", "dev", "'my team'", "proc", "sso-dev" }, matches.Select(m => m.CompletionText));
            Assert.Equal(
                new[]
                {
                    "admin: assumes arn:aws:iam::123456789012:role/Admin with the credentials of profile 'dev'",
                    "default: access keys, region eu-west-1",
                    "dev: temporary access keys with a session token",
                    "my team: access keys",
                    "proc: credentials from its credential_process",
                    "sso-dev: IAM Identity Center sign-in (corp), region us-east-2",
                },
                matches.Select(m => m.ToolTip));
            string everything = string.Join("\n", matches.Select(m => m.CompletionText + m.ListItemText + m.ToolTip));
            Assert.DoesNotContain("not-shown", everything);
        }

        [Theory]
        [InlineData("Get-IoTJob -ProfileName d", "default,dev")]
        [InlineData("Get-SnowballClusterJob -ProfileName 'my", "'my team'")]
        [InlineData("Get-IoTJob -ProfileName zz", "")]
        public void ProfileNameMatchesThePrefix(string line, string expected)
        {
            using var sandbox = new AwsConfigSandbox(Credentials, Config);
            using var session = PowerShellSession.Create();

            Assert.Equal(expected, string.Join(",", Complete(session, line).Select(m => m.CompletionText)));
        }

        [Theory]
        [InlineData("-ProfileLocation '{0}'")]
        [InlineData("-AWSProfilesLocation '{0}'")]
        [InlineData("-ProfilesLocation '{0}'")]
        [InlineData("@splat")]
        public void ProfileNameReadsTheProfileLocationTypedOnTheLine(string parameter)
        {
            using var sandbox = new AwsConfigSandbox(Credentials, string.Empty);
            string other = Path.Combine(Path.GetTempPath(), $"jobtools-profiles-{Guid.NewGuid():N}");
            File.WriteAllText(other, "[elsewhere]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = secret-elsewhere-0123\n");
            try
            {
                using var session = PowerShellSession.Create();
                session.SetVariable("splat", new System.Collections.Hashtable { ["ProfileLocation"] = other });

                var names = Complete(session, $"Get-IoTJob {string.Format(System.Globalization.CultureInfo.InvariantCulture, parameter, other)} -ProfileName ").Select(m => m.CompletionText);

                Assert.Equal(new[] { "elsewhere" }, names);
            }
            finally
            {
                File.Delete(other);
            }
        }

        [Fact]
        public void AFileThatDoesNotParseOffersNothingAndAddsNoError()
        {
            using var sandbox = new AwsConfigSandbox("aws_access_key_id = AKIDORPHAN\n[x]\naws_access_key_id\n", Config);
            using var session = PowerShellSession.Create();

            var result = session.Run(@"
                $Error.Clear()
                $line = 'Get-IoTJob -ProfileName '
                @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches).Count
                $factory = (Get-Command Get-IoTJob).Parameters['ProfileName'].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterFactoryAttribute] }
                @($factory.Create().CompleteArgument('Get-IoTJob', 'ProfileName', '', $null, $null)).Count
                $Error.Count");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "0", "0", "0" }, result.Output.Select(o => o.ToString()));
        }

        [Fact]
        public void CompletersCalledDirectlyAnswerWithoutTheEngine()
        {
            using var sandbox = new AwsConfigSandbox(Credentials, Config);
            using var session = PowerShellSession.Create();

            var result = session.Run(@"
                function Complete($parameter, $word) {
                    $factory = (Get-Command Get-IoTJob).Parameters[$parameter].Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterFactoryAttribute] }
                    $factory.Create().CompleteArgument('Get-IoTJob', $parameter, $word, $null, @{})
                }
                Complete Region 'Eu-West-1'
                Complete ProfileName 'ADM'");

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "eu-west-1", "admin" }, result.Output.Select(o => ((CompletionResult)o.BaseObject).CompletionText));
        }

        private static System.Collections.Generic.List<CompletionResult> Complete(PowerShellSession session, string line)
        {
            var result = session.Run("(TabExpansion2 -inputScript $in -cursorColumn $in.Length).CompletionMatches", new() { ["in"] = line });
            Assert.Empty(result.Errors);
            return result.Output.Select(o => (CompletionResult)o.BaseObject).ToList();
        }
    }
}
