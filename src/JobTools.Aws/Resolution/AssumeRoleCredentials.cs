using System;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace JobTools.Aws.Resolution
{
    /// <summary>
    /// Assume-role credentials bound to this module's own STS client. AWSSDK.Core's built-in assume-role finds
    /// STS by scanning loaded assemblies, which across load contexts may pick another module's copy; this
    /// class keeps the call inside ours. Refreshed by the SDK before expiry.
    /// </summary>
    internal sealed class AssumeRoleCredentials : RefreshingAWSCredentials
    {
        private readonly AWSCredentials source;
        private readonly string roleArn;
        private readonly string sessionName;
        private readonly string? externalId;
        private readonly RegionEndpoint region;

        public AssumeRoleCredentials(AWSCredentials source, string roleArn, string? sessionName, string? externalId, RegionEndpoint region)
        {
            this.source = source;
            this.roleArn = roleArn;
            this.sessionName = string.IsNullOrEmpty(sessionName) ? "JobTools-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) : sessionName!;
            this.externalId = string.IsNullOrEmpty(externalId) ? null : externalId;
            this.region = region;
        }

        protected override CredentialsRefreshState GenerateNewCredentials() =>
            GenerateNewCredentialsAsync().GetAwaiter().GetResult();

        protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
        {
            using var sts = new AmazonSecurityTokenServiceClient(source, new AmazonSecurityTokenServiceConfig { RegionEndpoint = region });
            var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = roleArn,
                RoleSessionName = sessionName,
                ExternalId = externalId,
            }).ConfigureAwait(false);
            var credentials = response.Credentials;
            return new CredentialsRefreshState(
                new ImmutableCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
                credentials.Expiration ?? DateTime.UtcNow.AddMinutes(15));
        }
    }
}
