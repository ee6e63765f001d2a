using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.Tests.Credentials
{
    /// <summary>
    /// -Credential takes AWS Tools' kind of credentials too: an Amazon.Runtime.AWSCredentials object, here made by a
    /// different AWSSDK.Core (4.0.3.3, loaded into the session first) than the module's own, and read by member name.
    /// </summary>
    [Collection(EnvironmentCollection.Name)]
    public sealed class AwsCredentialObjectTests
    {
        private const string AccessKey = "AKIDFOREIGNSDK";
        private const string SecretKey = "secret-foreign-sdk-0123456789";
        private const string SessionToken = "session-token-foreign-sdk-0123456789";

        private static readonly Dictionary<string, string> Keys = new()
        {
            [AccessKey] = SecretKey,
            ["AKIDPARAMS"] = "secret-params-0123456789",
            ["AKIDPROFILE"] = "secret-profile-0123456789",
        };

        [Theory]
        [InlineData("Amazon.Runtime.SessionAWSCredentials", true)]
        [InlineData("Amazon.Runtime.BasicAWSCredentials", false)]
        public async Task CredentialsFromAnotherAwsSdkCoreAreUsedWithTheirSessionToken(string typeName, bool withToken)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            var jobs = endpoint.IoT.AddGenerated(3);
            object credentials = ForeignCredentials(typeName, withToken);
            using var session = PowerShellSession.Create();

            var result = session.Run(
                $"Get-IoTJob -Credential $creds -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1 -Debug; Get-IoTJob {jobs[1].JobId} -Credential $creds -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1",
                new() { ["creds"] = credentials });

            Assert.Empty(result.Errors);
            Assert.Equal(4, result.Output.Count);
            Assert.All(endpoint.Requests.All, r =>
            {
                Assert.Equal((200, AccessKey), (r.StatusCode, r.AccessKeyId));
                Assert.Equal(withToken, r.Headers.ContainsKey("X-Amz-Security-Token"));
            });
            Assert.Contains(result.Debug, d => d == $"Credentials: the -Credential parameter (an AWS credentials object, {typeName}).");
            Assert.DoesNotContain(SecretKey, result.AllText());
            Assert.DoesNotContain(SessionToken, result.AllText());
        }

        [Theory]
        [InlineData("-AccessKey AKIDPARAMS -SecretKey secret-params-0123456789 -Credential $creds", "AKIDPARAMS")]
        [InlineData("-ProfileName named -Credential $creds", "AKIDPROFILE")]
        [InlineData("-Credential $creds", AccessKey)]
        public async Task ACredentialsObjectTakesItsPlaceInAwsToolsOrder(string parameters, string expectedKey)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            endpoint.IoT.AddGenerated(2);
            using var sandbox = new AwsConfigSandbox("[named]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = secret-profile-0123456789\n");
            using var session = PowerShellSession.Create();
            session.SetVariable("StoredAWSCredentials", "named");

            var result = session.Run(
                $"Get-IoTJob {parameters} -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1",
                new() { ["creds"] = ForeignCredentials("Amazon.Runtime.BasicAWSCredentials", withToken: false) });

            Assert.Empty(result.Errors);
            Assert.Equal(expectedKey, endpoint.Requests.All.Single().AccessKeyId);
        }

        [Theory]
        [InlineData("42", "System.Int32")]
        [InlineData("@{ AccessKey = 'AKID' }", "System.Collections.Hashtable")]
        [InlineData("(Get-Date)", "System.DateTime")]
        public async Task AnythingElseFailsAtBindingNamingBothKinds(string value, string typeName)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-IoTJob -Credential {value} -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1");

            var error = Assert.Single(result.Errors);
            Assert.Equal("ParameterArgumentTransformationError,JobTools.Commands.GetIoTJobCommand", error.FullyQualifiedErrorId);
            Assert.Contains("PSCredential", error.Exception.Message);
            Assert.Contains("Amazon.Runtime.AWSCredentials", error.Exception.Message);
            Assert.Contains($"a {typeName} is neither", error.Exception.Message);
            Assert.Empty(endpoint.Requests.All);
        }

        [Fact]
        public async Task CredentialsThatCannotGiveTheirKeysAreAnAuthenticationError()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Credentials = Keys });
            using var session = PowerShellSession.Create();

            var result = session.Run(@"
                $expired = [pscustomobject]@{ Name = 'expired' }
                $expired.psobject.Methods.Add([System.Management.Automation.PSScriptMethod]::new('GetCredentials', { throw 'The SSO session has expired.' }))
                Get-IoTJob -Credential $expired -EndpointUrl $url -Region us-east-1", new() { ["url"] = endpoint.BaseUri.ToString() });

            var error = Assert.Single(result.Errors);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.Contains("GetCredentials() failed: The SSO session has expired.", error.Exception.Message);
            Assert.Empty(endpoint.Requests.All);
        }

        [Fact]
        public void TheParameterTypeNamesNoAwsSdkType()
        {
            using var session = PowerShellSession.Create();

            var result = session.Run("(Get-Command Get-IoTJob).Parameters['Credential'].ParameterType.FullName");

            Assert.Equal("System.Object", Assert.Single(result.Output).ToString());
        }

        /// <summary>Credentials made by AWSSDK.Core 4.0.3.3 (a PackageDownload of this project), which the module never loads.</summary>
        private static object ForeignCredentials(string typeName, bool withToken)
        {
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string older = Path.Combine(packages, "awssdk.core", "4.0.3.3", "lib", "net8.0", "AWSSDK.Core.dll");
            Assert.True(File.Exists(older), $"The test needs AWSSDK.Core 4.0.3.3 (a PackageDownload of the test project) at {older}.");
            var type = Assembly.LoadFrom(older).GetType(typeName, throwOnError: true)!;
            Assert.False(type.Assembly.Location.StartsWith(Repository.ModuleDirectory, StringComparison.Ordinal));
            object?[] arguments = withToken ? new object?[] { AccessKey, SecretKey, SessionToken } : new object?[] { AccessKey, SecretKey };
            return Activator.CreateInstance(type, arguments)!;
        }
    }
}
