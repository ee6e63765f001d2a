using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using JobTools.Services;

namespace JobTools.Aws.Resolution
{
    /// <summary>
    /// Resolves credentials and region through AWSSDK.Core: explicit parameters first, then the named profile,
    /// then the SDK's default chains (environment, shared config and credentials files, container, instance).
    /// </summary>
    internal static class SettingsResolver
    {
        public static ResolvedCredentials ResolveCredentials(AwsSettings settings, IClientConfig config)
        {
            bool hasAccessKey = !string.IsNullOrEmpty(settings.AccessKey);
            bool hasSecretKey = !string.IsNullOrEmpty(settings.SecretKey);
            if (hasAccessKey != hasSecretKey)
            {
                throw new JobToolsServiceException(
                    hasAccessKey
                        ? "-AccessKey was given without -SecretKey. Give both, or neither to use a profile or the environment."
                        : "-SecretKey was given without -AccessKey. Give both, or neither to use a profile or the environment.",
                    AwsErrorKind.Configuration);
            }

            if (hasAccessKey)
            {
                AWSCredentials explicitCredentials = string.IsNullOrEmpty(settings.SessionToken)
                    ? new BasicAWSCredentials(settings.AccessKey, settings.SecretKey)
                    : new SessionAWSCredentials(settings.AccessKey, settings.SecretKey, settings.SessionToken);
                return new ResolvedCredentials(explicitCredentials, "the -AccessKey and -SecretKey parameters");
            }

            if (!string.IsNullOrEmpty(settings.ProfileName))
            {
                var chain = new CredentialProfileStoreChain(settings.ProfileLocation);
                if (!chain.TryGetAWSCredentials(settings.ProfileName, out var profileCredentials))
                {
                    throw new JobToolsServiceException(
                        $"The profile '{settings.ProfileName}' was not found, or holds no usable credentials, in {DescribeLocation(settings.ProfileLocation)}. Check the name with 'aws configure list-profiles', or give -ProfileLocation.",
                        AwsErrorKind.Authentication);
                }

                return new ResolvedCredentials(profileCredentials, $"profile '{settings.ProfileName}' in {DescribeLocation(settings.ProfileLocation)}");
            }

            try
            {
                using var resolver = new DefaultAWSCredentialsIdentityResolver();
                var credentials = resolver.ResolveIdentity(config);
                return new ResolvedCredentials(credentials, $"the SDK's default chain ({credentials.GetType().Name})");
            }
            catch (AmazonClientException ex)
            {
                throw new JobToolsServiceException(
                    "No AWS credentials were found. Tried: -AccessKey/-SecretKey, -ProfileName, the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables, AWS_PROFILE and the default profile in the shared config and credentials files, and container and instance credentials. Set one of these, for example: -ProfileName myprofile. (" + ex.Message + ")",
                    AwsErrorKind.Authentication);
            }
        }

        public static ResolvedRegion ResolveRegion(AwsSettings settings)
        {
            if (!string.IsNullOrEmpty(settings.Region))
            {
                return new ResolvedRegion(RegionEndpoint.GetBySystemName(settings.Region), "the -Region parameter");
            }

            if (!string.IsNullOrEmpty(settings.ProfileName))
            {
                var chain = new CredentialProfileStoreChain(settings.ProfileLocation);
                if (chain.TryGetProfile(settings.ProfileName, out var profile) && profile.Region != null)
                {
                    return new ResolvedRegion(profile.Region, $"profile '{settings.ProfileName}'");
                }
            }

            FallbackRegionFactory.Reset();
            var region = FallbackRegionFactory.GetRegionEndpoint();
            if (region != null)
            {
                return new ResolvedRegion(region, "the SDK's default chain (AWS_REGION, AWS_DEFAULT_REGION, the profile, instance metadata)");
            }

            throw new JobToolsServiceException(
                "No AWS region was found. Tried: -Region, the profile's region, the AWS_REGION and AWS_DEFAULT_REGION environment variables, the shared config file, and instance metadata. Give one, for example: -Region us-east-1.",
                AwsErrorKind.Configuration);
        }

        /// <summary>
        /// -MaxRetries, else AWS_MAX_ATTEMPTS (attempts, so one more than retries), else the module's default of
        /// 8: unattended listings should ride out throttling that makes the SDK's default of 2 give up.
        /// </summary>
        public static int ResolveMaxRetries(AwsSettings settings)
        {
            if (settings.MaxRetries is int explicitRetries)
            {
                return explicitRetries;
            }

            string? attempts = Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS");
            return int.TryParse(attempts, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed) && parsed >= 1
                ? parsed - 1
                : DefaultMaxRetries;
        }

        public const int DefaultMaxRetries = 8;

        private static string DescribeLocation(string? location) =>
            string.IsNullOrEmpty(location) ? "the shared credentials and config files" : $"'{location}'";
    }
}
