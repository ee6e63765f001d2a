using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;
using static JobTools.Tests.Snowball.SnowballListingTests;

namespace JobTools.Tests.Snowball
{
    /// <summary>Validation before any request, and service errors as precise error records.</summary>
    public sealed class SnowballErrorTests
    {
        [Theory]
        [InlineData("XID123e4567-e89b-12d3-a456-426655440000")]
        [InlineData("CID123E4567-E89B-12D3-A456-426655440000")]
        [InlineData("CID123e4567-e89b-12d3-a456-42665544000")]
        [InlineData("CID123e4567-e89b-12d3-a456-4266554400000")]
        public async Task MalformedClusterIdFailsBeforeAnyRequest(string clusterId)
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = local.Run($"Get-SnowballClusterJob -ClusterId '{clusterId}' @aws");

            var error = Assert.Single(result.Errors);
            Assert.Equal("ParameterArgumentValidationError,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Contains("'CID' followed by a lower-case UUID", error.Exception.Message);
            Assert.Contains("CID123e4567-e89b-12d3-a456-426655440000", error.Exception.Message);
            Assert.Empty(local.Endpoint.Requests.All);
        }

        [Fact]
        public async Task EmptyClusterIdIsRejected()
        {
            await using var local = await EndpointSession.StartAsync();

            var result = local.Run("Get-SnowballClusterJob -ClusterId '' @aws");

            Assert.Contains("ParameterArgumentValidationError", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(local.Endpoint.Requests.All);
        }

        [Fact]
        public async Task UnknownClusterIsANonTerminatingErrorAndTheOthersContinue()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            string missing = SnowballStore.NewClusterId(99);

            var result = local.Run($"'{missing}', '{SnowballStore.SeedClusterId}' | Get-SnowballClusterJob @aws");

            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidResourceException,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal(missing, error.TargetObject);
            Assert.Contains("InvalidResourceException", error.Exception.Message);
            Assert.Matches("request id [0-9a-f-]{36}", error.Exception.Message);
            Assert.Equal(5, result.Output.Count);
        }

        [Fact]
        public async Task InvalidNextTokenIsAnInvalidArgumentError()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = local.Run($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} -NextToken 'not-a-token' @aws");

            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidNextTokenException,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("request id", error.Exception.Message);
            Assert.Empty(result.Output);
        }

        [Fact]
        public async Task EndpointUrlThatIsNotAbsoluteIsRejectedBeforeAnyRequest()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} -EndpointUrl 'localhost/x' -Region us-east-1 -AccessKey A -SecretKey B");

            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidEndpointUrl,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Contains("absolute URI", error.Exception.Message);
        }

        [Fact]
        public async Task WrongSecretIsAnAuthenticationErrorThatDoesNotShowTheSecret()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            using var session = PowerShellSession.Create();
            const string wrongSecret = "Wr0ngSecretValueThatMustNeverBePrinted123";

            var result = session.Run(
                $"Get-SnowballClusterJob {SnowballStore.SeedClusterId} -EndpointUrl '{endpoint.BaseUri}' -Region us-east-1 -AccessKey {LocalAwsOptions.DefaultAccessKeyId} -SecretKey {wrongSecret} -Verbose -Debug");

            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidSignatureException,JobTools.Commands.GetSnowballClusterJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
            Assert.DoesNotContain(wrongSecret, result.AllText());
        }
    }
}
