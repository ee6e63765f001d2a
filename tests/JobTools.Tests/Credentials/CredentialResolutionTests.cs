using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Credentials
{
    /// <summary>
    /// Where credentials, region and endpoint come from, source by source and pair by pair, judged by the access
    /// key id and signing region the local endpoint saw.
    /// </summary>
    [Collection(EnvironmentCollection.Name)]
    public sealed class CredentialResolutionTests
    {
        private static readonly Dictionary<string, string> Keys = new()
        {
            ["AKIDPARAMS"] = "secret-params-0123456789",
            ["AKIDPROFILE"] = "secret-profile-0123456789",
            ["AKIDCREDENTIAL"] = "secret-credential-0123456789",
            ["AKIDSTOREDPROFILE"] = "secret-storedprofile-0123456789",
            ["AKIDSTOREDOBJECT"] = "secret-storedobject-0123456789",
            ["AKIDENV"] = "secret-env-0123456789",
            ["AKIDAWSPROFILE"] = "secret-awsprofile-0123456789",
            ["AKIDDEFAULT"] = "secret-default-0123456789",
            ["AKIDSOURCE"] = "secret-source-0123456789",
            ["AKIDPROCESS"] = "secret-process-0123456789",
            ["AKIDLOCATION"] = "secret-location-0123456789",
        };

        private const string CredentialsFile = @"
[default]
aws_access_key_id = AKIDDEFAULT
aws_secret_access_key = secret-default-0123456789

[named]
aws_access_key_id = AKIDPROFILE
aws_secret_access_key = secret-profile-0123456789

[stored]
aws_access_key_id = AKIDSTOREDPROFILE
aws_secret_access_key = secret-storedprofile-0123456789

[fromenv]
aws_access_key_id = AKIDAWSPROFILE
aws_secret_access_key = secret-awsprofile-0123456789

[source]
aws_access_key_id = AKIDSOURCE
aws_secret_access_key = secret-source-0123456789
";

        private const string ConfigFile = @"
[default]
region = eu-west-1

[profile named]
region = ap-south-1

[profile fromenv]
region = ca-central-1

[profile roleuser]
role_arn = arn:aws:iam::123456789012:role/JobReader
source_profile = source
role_session_name = jobtools-test
region = us-west-2
";

        [Theory]
        [InlineData("-AccessKey AKIDPARAMS -SecretKey secret-params-0123456789 -ProfileName named -Credential $cred", "AKIDPARAMS", "the -AccessKey and -SecretKey parameters")]
        [InlineData("-ProfileName named -Credential $cred", "AKIDPROFILE", "profile 'named' (-ProfileName)")]
        [InlineData("-Credential $cred", "AKIDCREDENTIAL", "the -Credential parameter")]
        [InlineData("", "AKIDSTOREDPROFILE", "profile 'stored' ($StoredAWSCredentials)", "stored")]
        [InlineData("", "AKIDSTOREDOBJECT", "$StoredAWSCredentials", "object")]
        [InlineData("", "AKIDENV", "EnvironmentVariablesAWSCredentials", null, true)]
        [InlineData("", "AKIDAWSPROFILE", "profile 'fromenv' (AWS_PROFILE)", null, false, "fromenv")]
        [InlineData("", "AKIDDEFAULT", "profile 'default' (the default profile)")]
        public async Task CredentialSourcesApplyInAwsToolsOrder(string parameters, string expectedKey, string expectedSource, string? stored = null, bool environmentKeys = false, string? awsProfile = null)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            endpoint.IoT.AddGenerated(3);
            using var sandbox = new AwsConfigSandbox(CredentialsFile, ConfigFile).Set("AWS_PROFILE", awsProfile);
            sandbox.Set("AWS_ACCESS_KEY_ID", environmentKeys || stored != null || parameters.Length > 0 ? "AKIDENV" : null)
                .Set("AWS_SECRET_ACCESS_KEY", environmentKeys || stored != null || parameters.Length > 0 ? "secret-env-0123456789" : null);
            using var session = PowerShellSession.Create();
            session.Run(@"
                $global:cred = [pscredential]::new('AKIDCREDENTIAL', [System.Net.NetworkCredential]::new('', 'secret-credential-0123456789').SecurePassword)
                if ($mode -eq 'stored') { $global:StoredAWSCredentials = 'stored' }
                if ($mode -eq 'object') {
                    $keys = [pscustomobject]@{ AccessKey = 'AKIDSTOREDOBJECT'; SecretKey = 'secret-storedobject-0123456789'; Token = $null }
                    $stored = [pscustomobject]@{ Keys = $keys }
                    $stored.psobject.Methods.Add([System.Management.Automation.PSScriptMethod]::new('GetCredentials', { $this.Keys }))
                    $global:StoredAWSCredentials = $stored
                }", new() { ["mode"] = stored });

            var result = session.Run($"Get-IoTJob {parameters} -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1 -Debug");

            Assert.Empty(result.Errors);
            Assert.Equal(3, result.Output.Count);
            Assert.Equal(expectedKey, endpoint.Requests.All.Single().AccessKeyId);
            Assert.Contains(result.Debug, d => d.StartsWith("Credentials: ", StringComparison.Ordinal) && d.Contains(expectedSource, StringComparison.Ordinal));
            AssertNoSecret(session, result);
        }

        [Theory]
        [InlineData("-Region us-east-2", "global", "eu-north-1", "eu-south-1", "us-east-2", "the -Region parameter")]
        [InlineData("", "sa-east-1", "eu-north-1", "eu-south-1", "sa-east-1", "$StoredAWSRegion")]
        [InlineData("", null, "eu-north-1", "eu-south-1", "eu-north-1", "AWS_REGION")]
        [InlineData("", null, null, "eu-south-1", "eu-south-1", "AWS_DEFAULT_REGION")]
        [InlineData("-ProfileName named", null, null, null, "ap-south-1", "profile 'named'")]
        [InlineData("", null, null, null, "eu-west-1", "profile 'default'")]
        public async Task RegionSourcesApplyInOrder(string parameters, string? storedRegion, string? awsRegion, string? awsDefaultRegion, string expectedRegion, string expectedSource)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            using var sandbox = new AwsConfigSandbox(CredentialsFile, ConfigFile)
                .Set("AWS_REGION", awsRegion).Set("AWS_DEFAULT_REGION", awsDefaultRegion);
            using var session = PowerShellSession.Create();
            session.SetVariable("StoredAWSRegion", storedRegion == "global" ? "ap-east-1" : storedRegion);

            var result = session.Run($"Get-IoTJob {parameters} -EndpointUrl '{endpoint.BaseUri}' -Debug");

            Assert.Empty(result.Errors);
            Assert.Equal(expectedRegion, endpoint.Requests.All.Single().SigningRegion);
            Assert.Contains(result.Debug, d => d.Contains($"signing region {expectedRegion} from", StringComparison.Ordinal) && d.Contains(expectedSource, StringComparison.Ordinal));
        }

        [Fact]
        public async Task AssumeRoleProfileWorksInsideTheModulesLoadContext()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            endpoint.IoT.AddGenerated(5);
            using var sandbox = new AwsConfigSandbox(CredentialsFile, ConfigFile).Set("AWS_ENDPOINT_URL_STS", endpoint.BaseUri.ToString());
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob -ProfileName roleuser -EndpointUrl '{endpoint.BaseUri}' -Debug");

            Assert.Empty(result.Errors);
            Assert.Equal(5, result.Output.Count);
            var requests = endpoint.Requests.All;
            var assume = Assert.Single(requests, r => r.Service == "sts");
            Assert.Equal("AssumeRole", assume.Operation);
            Assert.Equal("AKIDSOURCE", assume.AccessKeyId);
            Assert.Contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FJobReader", assume.Body);
            var list = Assert.Single(requests, r => r.Operation == "ListJobs");
            Assert.StartsWith("ASIA", list.AccessKeyId);
            Assert.Equal("<present>", list.Headers["X-Amz-Security-Token"]);
            Assert.Equal("us-west-2", list.SigningRegion);
        }

        [SkippableFact]
        public async Task CredentialProcessProfileWorks()
        {
            Skip.If(OperatingSystem.IsWindows(), "the credential process here is a POSIX shell script");
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            endpoint.IoT.AddGenerated(2);
            string script = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(TestEnvironment.ConfigFile)!, "credential-process.sh");
            System.IO.File.WriteAllText(script, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"secret-process-0123456789\"}'\n");
            if (!OperatingSystem.IsWindows())
            {
                System.IO.File.SetUnixFileMode(script, System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserWrite | System.IO.UnixFileMode.UserExecute);
            }

            using var sandbox = new AwsConfigSandbox(CredentialsFile, ConfigFile + $"\n[profile process]\ncredential_process = {script}\nregion = us-east-1\n");
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob -ProfileName process -EndpointUrl '{endpoint.BaseUri}' -Debug");

            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Output.Count);
            Assert.Equal("AKIDPROCESS", endpoint.Requests.All.Single().AccessKeyId);
            AssertNoSecret(session, result);
        }

        [Theory]
        [InlineData("3", null, 3)]
        [InlineData(null, "2", 2)]
        [InlineData("4", "2", 4)]
        public async Task RetryCountComesFromAwsMaxAttemptsThenTheProfile(string? environment, string? profileAttempts, int expectedAttempts)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            endpoint.IoT.AddGenerated(2);
            endpoint.Faults.ThrottleRequests(Enumerable.Range(1, 20), ThrottleStyle.IoT429WithCode);
            string config = ConfigFile + (profileAttempts is null ? string.Empty : $"\n[profile retrying]\nmax_attempts = {profileAttempts}\n");
            using var sandbox = new AwsConfigSandbox(CredentialsFile + "\n[retrying]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = secret-profile-0123456789\n", config)
                .Set("AWS_MAX_ATTEMPTS", environment);
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob -ProfileName retrying -Region us-east-1 -EndpointUrl '{endpoint.BaseUri}' -TimeoutSec 5");

            Assert.Equal(ErrorCategory.LimitsExceeded, Assert.Single(result.Errors).CategoryInfo.Category);
            Assert.Equal(expectedAttempts, endpoint.Requests.Count("ListJobs"));
        }

        [Theory]
        [InlineData("AWS_ENDPOINT_URL_IOT", "iot")]
        [InlineData("AWS_ENDPOINT_URL", "iot")]
        [InlineData("AWS_ENDPOINT_URL_SNOWBALL", "snowball")]
        public async Task EndpointEnvironmentVariablesAreHonoured(string variable, string service)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys, SeedSampleData = true });
            endpoint.IoT.AddGenerated(2);
            using var sandbox = new AwsConfigSandbox(CredentialsFile, ConfigFile).Set(variable, endpoint.BaseUri.ToString());
            using var session = PowerShellSession.Create();
            string command = service == "iot" ? "Get-IoTJob" : $"Get-SnowballClusterJob {SnowballStore.SeedClusterId}";

            var result = session.Run($"{command} -Region us-east-1 -Debug");

            Assert.Empty(result.Errors);
            Assert.NotEmpty(result.Output);
            Assert.Equal("AKIDDEFAULT", endpoint.Requests.All.Single().AccessKeyId);
            Assert.Contains(result.Debug, d => d.Contains($"({variable})", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ConfigFileServicesSectionIsHonoured()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            endpoint.IoT.AddGenerated(2);
            string config = ConfigFile + $@"
[profile withservices]
region = us-east-1
services = local

[services local]
iot =
  endpoint_url = {endpoint.BaseUri}
";
            using var sandbox = new AwsConfigSandbox(CredentialsFile + "\n[withservices]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = secret-profile-0123456789\n", config)
                .Set("AWS_PROFILE", "withservices");
            using var session = PowerShellSession.Create();

            var result = session.Run("Get-IoTJob");

            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Output.Count);
            Assert.Equal("AKIDPROFILE", endpoint.Requests.All.Single().AccessKeyId);
        }

        [Fact]
        public async Task NoCredentialsIsAnAuthenticationErrorThatListsTheSourcesTried()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            using var sandbox = new AwsConfigSandbox();
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1");

            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            foreach (string source in new[] { "-AccessKey", "-ProfileName", "-Credential", "$StoredAWSCredentials", "AWS_ACCESS_KEY_ID", "AWS_PROFILE", "instance" })
            {
                Assert.Contains(source, error.Exception.Message);
            }

            Assert.Empty(endpoint.Requests.All);
        }

        [Fact]
        public async Task NoRegionIsAnInvalidArgumentErrorThatSaysHowToSetOne()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            using var sandbox = new AwsConfigSandbox().Set("AWS_EC2_METADATA_DISABLED", "true");
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob -EndpointUrl '{endpoint.BaseUri}' -AccessKey AKIDPARAMS -SecretKey secret-params-0123456789");

            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-Region us-east-1", error.Exception.Message);
            Assert.Contains("AWS_REGION", error.Exception.Message);
            Assert.Empty(endpoint.Requests.All);
        }

        [Fact]
        public async Task SecretsNeverLeakAfterFailures()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys, SeedSampleData = true });
            using var sandbox = new AwsConfigSandbox(CredentialsFile, ConfigFile);
            using var session = PowerShellSession.Create();

            var wrongSecret = session.Run($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1 -AccessKey AKIDPARAMS -SecretKey secret-params-WRONG-98765 -SessionToken session-token-SECRET-4242 -Verbose -Debug");
            var unknownCluster = session.Run($"Get-SnowballClusterJob {SnowballStore.NewClusterId(5)} -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1 -AccessKey AKIDPARAMS -SecretKey secret-params-0123456789 -Verbose -Debug");
            var onlySecret = session.Run($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1 -SecretKey secret-params-0123456789");

            Assert.NotEmpty(wrongSecret.Errors);
            Assert.NotEmpty(unknownCluster.Errors);
            Assert.NotEmpty(onlySecret.Errors);
            Assert.Contains("-SecretKey was given without -AccessKey", onlySecret.Errors[0].Exception.Message);
            foreach (var result in new[] { wrongSecret, unknownCluster, onlySecret })
            {
                AssertNoSecret(session, result, "secret-params-WRONG-98765", "session-token-SECRET-4242");
            }
        }

        [Theory]
        [InlineData("-EndpointUrl http://203.0.113.7:8080/", null, null)]
        [InlineData("", "AWS_ENDPOINT_URL_IOT", null)]
        [InlineData("", "AWS_ENDPOINT_URL", null)]
        [InlineData("", null, "services")]
        public void PlainHttpToAnotherHostWarnsBeforeAnyRequestWhereverTheEndpointCameFrom(string parameters, string? variable, string? configSection)
        {
            const string remote = "http://203.0.113.7:8080/";
            string config = configSection is null ? string.Empty : $"[default]\nservices = remote\n\n[services remote]\niot =\n  endpoint_url = {remote}\n";
            using var sandbox = new AwsConfigSandbox(config: config);
            if (variable != null)
            {
                sandbox.Set(variable, remote);
            }

            using var session = PowerShellSession.Create();

            // The warning stops the command (-WarningAction Stop) before anything is sent to that host.
            var stopped = Assert.Throws<ActionPreferenceStopException>(() => session.Run($"Get-IoTJob {parameters} -Region us-east-1 -AccessKey A -SecretKey B -MaxRetries 0 -WarningAction Stop"));

            Assert.Contains("http://203.0.113.7:8080 (from ", stopped.Message);
            Assert.Contains("unencrypted", stopped.Message);
        }

        [Fact]
        public void PlainHttpToThisComputerAndHttpsDoNotWarn()
        {
            using var sandbox = new AwsConfigSandbox();
            using var session = PowerShellSession.Create();

            var loopback = session.Run($"Get-IoTJob -EndpointUrl http://127.0.0.1:{Stopping.ClosedPort()}/ -Region us-east-1 -AccessKey A -SecretKey B -MaxRetries 0");
            var https = session.Run("Get-IoTJob -EndpointUrl https://iot.example.com/ -Region us-east-1 -AccessKey A -SecretKey B -First 0");

            Assert.NotEmpty(loopback.Errors);
            Assert.Empty(loopback.Warnings);
            Assert.Empty(https.Warnings);
        }

        [Theory]
        [InlineData("fromlocation")]
        [InlineData(null)]
        public async Task TheAwsProfileAndDefaultProfilesAreReadFromTheProfileLocation(string? awsProfile)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            endpoint.IoT.AddGenerated(1);
            string location = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(TestEnvironment.ConfigFile)!, "location-credentials");
            System.IO.File.WriteAllText(location, $"[{awsProfile ?? "default"}]\naws_access_key_id = AKIDLOCATION\naws_secret_access_key = secret-location-0123456789\n");
            using var sandbox = new AwsConfigSandbox(CredentialsFile, ConfigFile).Set("AWS_PROFILE", awsProfile);
            using var session = PowerShellSession.Create();

            var result = session.Run($"$DebugPreference = 'Continue'; Get-IoTJob -ProfileLocation '{location}' -Region us-east-1 -EndpointUrl '{endpoint.BaseUri}'");

            Assert.Empty(result.Errors);
            Assert.Equal("AKIDLOCATION", endpoint.Requests.All.Single().AccessKeyId);
            Assert.Contains(result.Debug, d => d.StartsWith("Credentials: ", StringComparison.Ordinal) && d.Contains(location, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("")]
        [InlineData("-MaxRetries 2")]
        public async Task ABrokenCredentialsFileDoesNotBreakACallThatDoesNotNeedIt(string retries)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            endpoint.IoT.AddGenerated(2);
            using var sandbox = new AwsConfigSandbox(BrokenCredentials, ConfigFile);
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1 -AccessKey AKIDPARAMS -SecretKey secret-params-0123456789 {retries}");

            Assert.Empty(result.Errors);
            Assert.Equal(2, result.Output.Count);
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("Line 3 of the file '", warning);
            Assert.DoesNotContain(BrokenSecret, warning);
            AssertNoSecret(session, result, BrokenSecret);
        }

        [Fact]
        public async Task ABrokenCredentialsFileAProfileNeedsIsNamedByLineWithoutItsContent()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            using var sandbox = new AwsConfigSandbox(BrokenCredentials, ConfigFile);
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob -ProfileName named -EndpointUrl '{endpoint.BaseUri}' -MaxRetries 1");

            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains($"Line 3 of the file '{TestEnvironment.CredentialsFile}'", error.Exception.Message);
            Assert.Empty(endpoint.Requests.All);
            AssertNoSecret(session, result, BrokenSecret);

            // Fixed, the same session reads it: nothing was left broken.
            System.IO.File.WriteAllText(TestEnvironment.CredentialsFile, CredentialsFile);
            var fixedFile = session.Run($"Get-IoTJob -ProfileName named -EndpointUrl '{endpoint.BaseUri}' -MaxRetries 1");
            Assert.Empty(fixedFile.Errors);
            Assert.Equal("AKIDPROFILE", endpoint.Requests.All.Single().AccessKeyId);
        }

        [Fact]
        public void AProfileLocationThatIsNotAnAwsFileIsNeverQuoted()
        {
            string shadow = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(TestEnvironment.ConfigFile)!, "shadow");
            System.IO.File.WriteAllText(shadow, $"root:{BrokenSecret}:19000:0:99999:7:::\n");
            using var sandbox = new AwsConfigSandbox();
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob -ProfileLocation '{shadow}' -Region us-east-1 -EndpointUrl http://127.0.0.1:9/");

            var error = Assert.Single(result.Errors);
            Assert.Contains($"Line 1 of the file '{shadow}'", error.Exception.Message);
            AssertNoSecret(session, result, BrokenSecret);
        }

        [Theory]
        [InlineData("us east 1")]
        [InlineData("us-east-1\n")]
        [InlineData("ü-west-1")]
        [InlineData("-us-east-1")]
        public void AGarbageRegionIsAnInvalidArgumentBeforeAnyRequest(string region)
        {
            using var sandbox = new AwsConfigSandbox();
            using var session = PowerShellSession.Create();

            var result = session.Run("Get-IoTJob -Region $region -AccessKey A -SecretKey B -EndpointUrl http://127.0.0.1:9/ -MaxRetries 0", new() { ["region"] = region });

            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.StartsWith("InvalidArgument,", error.FullyQualifiedErrorId);
            Assert.Contains("is not a region name", error.Exception.Message);
        }

        [SkippableFact]
        public async Task ACredentialProcessThatNeverAnswersIsEndedAfterTheTimeout()
        {
            Skip.If(OperatingSystem.IsWindows(), "the credential process here is a POSIX shell script");
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            using var hanging = HangingCredentialProcess();
            using var session = PowerShellSession.Create();

            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var result = session.Run($"Get-IoTJob -ProfileName hanging -EndpointUrl '{endpoint.BaseUri}' -TimeoutSec 2 -MaxRetries 0");

            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
            var error = Assert.Single(result.Errors);
            Assert.Contains("credential_process of profile 'hanging' did not answer within 2 s", error.Exception.Message);
            await AssertEndedAsync(hanging.ProcessId());
        }

        [SkippableFact]
        public async Task StopWhileACredentialProcessRunsReturnsAtOnceAndEndsIt()
        {
            Skip.If(OperatingSystem.IsWindows(), "the credential process here is a POSIX shell script");
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            using var hanging = HangingCredentialProcess();
            using var session = PowerShellSession.Create();

            using var shell = session.Begin($"Get-IoTJob -ProfileName hanging -EndpointUrl '{endpoint.BaseUri}'", out _);
            var stopTook = await Stopping.StopOnceArrivedAsync(shell, () => System.IO.File.Exists(hanging.PidFile));

            Assert.True(stopTook < TimeSpan.FromSeconds(1), $"Stop took {stopTook}");
            Assert.Equal(System.Management.Automation.PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            await AssertEndedAsync(hanging.ProcessId());
        }

        /// <summary>A profile 'hanging' whose credential_process writes its pid and then never answers.</summary>
        private static HangingProcessProfile HangingCredentialProcess()
        {
            string directory = System.IO.Path.GetDirectoryName(TestEnvironment.ConfigFile)!;
            var profile = new HangingProcessProfile(System.IO.Path.Combine(directory, "hanging.pid"));
            string script = System.IO.Path.Combine(directory, "hanging-process.sh");
            System.IO.File.WriteAllText(script, $"#!/bin/sh\necho $$ > '{profile.PidFile}'\nexec sleep 600\n");
            if (!OperatingSystem.IsWindows())
            {
                System.IO.File.SetUnixFileMode(script, System.IO.UnixFileMode.UserRead | System.IO.UnixFileMode.UserWrite | System.IO.UnixFileMode.UserExecute);
            }

            profile.Sandbox = new AwsConfigSandbox(CredentialsFile, ConfigFile + $"\n[profile hanging]\ncredential_process = {script}\nregion = us-east-1\n");
            return profile;
        }

        private static async Task AssertEndedAsync(int pid)
        {
            var gone = DateTime.UtcNow.AddSeconds(5);
            while (ProcessAlive(pid) && DateTime.UtcNow < gone)
            {
                await Task.Delay(50);
            }

            Assert.False(ProcessAlive(pid), "the credential process was left running");
        }

        private sealed class HangingProcessProfile(string pidFile) : IDisposable
        {
            public string PidFile { get; } = pidFile;

            public AwsConfigSandbox? Sandbox { get; set; }

            public int ProcessId() => int.Parse(System.IO.File.ReadAllText(PidFile).Trim());

            public void Dispose()
            {
                Sandbox?.Dispose();
                System.IO.File.Delete(PidFile);
            }
        }

        private const string BrokenSecret = "broken-line-SECRET-31337";

        private static readonly string BrokenCredentials = "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key " + BrokenSecret + "\n\n[named]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = secret-profile-0123456789\n";

        private static bool ProcessAlive(int pid)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static void AssertNoSecret(PowerShellSession session, ScriptResult result, params string[] more)
        {
            var errors = session.Run(@"$Error | ForEach-Object { ""$_""; $_.Exception.ToString(); ""$($_.TargetObject)""; ""$($_.ErrorDetails)""; $_.ScriptStackTrace }");
            string everything = result.AllText() + "\n" + string.Join("\n", errors.Output.Select(o => o?.ToString()));
            foreach (string secret in Keys.Values.Concat(more))
            {
                Assert.DoesNotContain(secret, everything);
            }
        }
    }
}
