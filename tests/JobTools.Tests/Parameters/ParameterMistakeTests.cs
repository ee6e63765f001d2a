using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Parameters
{
    /// <summary>Parameter mistakes are parameter errors, reported before any request is sent.</summary>
    public sealed class ParameterMistakeTests
    {
        private const string Snowball = "Get-SnowballClusterJob " + SnowballStore.SeedClusterId;

        [Theory]
        [InlineData("Get-IoTJob", "-AccessKey AKIDPARAMS", "AccessKeyWithoutSecretKey", "-AccessKey was given without -SecretKey")]
        [InlineData("Get-IoTJob", "-SecretKey secret-params-0123456789", "SecretKeyWithoutAccessKey", "-SecretKey was given without -AccessKey")]
        [InlineData(Snowball, "-AccessKey AKIDPARAMS -SessionToken token", "AccessKeyWithoutSecretKey", "-AccessKey was given without -SecretKey")]
        [InlineData(Snowball, "-SecretKey secret-params-0123456789", "SecretKeyWithoutAccessKey", "-SecretKey was given without -AccessKey")]
        public async Task HalfAKeyPairIsAParameterErrorBeforeAnyRequest(string command, string keys, string id, string message)
        {
            await using var test = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = test.Run($"{command} -EndpointUrl $aws.EndpointUrl -Region us-east-1 {keys}");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith(id + ",JobTools.Commands.", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains(message, error.Exception.Message);
            Assert.Contains("-AccessKey and -SecretKey", error.Exception.Message);
            Assert.Null(error.TargetObject);
            Assert.Equal(0, test.Endpoint.Requests.Arrived);
        }

        [Theory]
        [InlineData("Get-IoTJob -SessionToken token-params-0123456789")]
        [InlineData(Snowball + " -ProfileName reporting -SessionToken token-params-0123456789")]
        public async Task ASessionTokenWithoutItsKeysIsAParameterErrorBeforeAnyRequest(string command)
        {
            await using var test = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = test.Run($"{command} -EndpointUrl $aws.EndpointUrl -Region us-east-1");

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("SessionTokenWithoutKeys,JobTools.Commands.", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-SessionToken was given without -AccessKey and -SecretKey", error.Exception.Message);
            Assert.DoesNotContain("token-params-0123456789", error.ToString());
            Assert.Equal(0, test.Endpoint.Requests.Arrived);
        }

        [Fact]
        public async Task ASessionTokenWithAPSCredentialIsTaken()
        {
            await using var test = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = test.Run(
                "Get-IoTJob -EndpointUrl $aws.EndpointUrl -Region us-east-1 -SessionToken token-params-0123456789 -Credential ([pscredential]::new($aws.AccessKey, (ConvertTo-SecureString $aws.SecretKey -AsPlainText -Force)))");

            Assert.Empty(result.Errors);
            Assert.Equal("<present>", test.Endpoint.Requests.All.Single().Headers["X-Amz-Security-Token"]);
        }

        [Fact]
        public async Task ACredentialWithAnEmptyPasswordNamesTheCredentialParameter()
        {
            await using var test = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = test.Run("Get-IoTJob -EndpointUrl $aws.EndpointUrl -Region us-east-1 -Credential ([pscredential]::new('AKIDCREDENTIAL', [securestring]::new()))");

            var error = Assert.Single(result.Errors);
            Assert.Equal("CredentialWithoutSecretKey,JobTools.Commands.GetIoTJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("-Credential", error.Exception.Message);
            Assert.DoesNotContain("-AccessKey was given", error.Exception.Message);
            Assert.Equal(0, test.Endpoint.Requests.Arrived);
        }

        [Fact]
        public async Task TheLargestSkipWithFirstAsksForWholePages()
        {
            await using var test = await EndpointSession.StartAsync();
            test.Endpoint.IoT.AddGenerated(30);

            var result = test.Run("Get-IoTJob -Skip ([uint64]::MaxValue) -First 1 @aws");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Equal("/jobs?maxResults=250", test.Endpoint.Requests.All.Single().PathAndQuery);
        }

        [Theory]
        [InlineData("ThingGroupName", "group-1\n")]
        [InlineData("ThingGroupId", "0f2a-41\n")]
        [InlineData("NamespaceId", "AWS\n")]
        public async Task ATrailingNewlineFailsThePattern(string parameter, string value)
        {
            await using var test = await EndpointSession.StartAsync();

            var result = test.Run($"Get-IoTJob -{parameter} $value @aws", new() { ["value"] = value });

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
            Assert.Equal(0, test.Endpoint.Requests.Arrived);
        }
    }
}
