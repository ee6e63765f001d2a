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
                return new ResolvedCredentials(explicitCredentials, settings.KeySource);
            }

            if (!string.IsNullOrEmpty(settings.ProfileName))
            {
                var chain = new CredentialProfileStoreChain(settings.ProfileLocation);
                var profileCredentials = FromProfile(chain, settings.ProfileName!, config, 0)
                    ?? throw new JobToolsServiceException(
                        $"The profile '{settings.ProfileName}' ({settings.ProfileSource}) was not found, or holds no usable credentials, in {DescribeLocation(settings.ProfileLocation)}. Check the name with 'aws configure list-profiles', or give -ProfileLocation.",
                        AwsErrorKind.Authentication);
                return new ResolvedCredentials(profileCredentials, $"profile '{settings.ProfileName}' ({settings.ProfileSource}) in {DescribeLocation(settings.ProfileLocation)}");
            }

            string? environmentProfile = Environment.GetEnvironmentVariable("AWS_PROFILE");
            bool environmentKeys = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"));
            if (!environmentKeys && !string.IsNullOrEmpty(environmentProfile)
                && new CredentialProfileStoreChain().TryGetProfile(environmentProfile, out var named) && !string.IsNullOrEmpty(named.Options.RoleArn)
                && FromProfile(new CredentialProfileStoreChain(), environmentProfile!, config, 0) is AWSCredentials roleCredentials)
            {
                return new ResolvedCredentials(roleCredentials, $"profile '{environmentProfile}' (AWS_PROFILE), assuming role {named.Options.RoleArn}");
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
                    "No AWS credentials were found. Tried: -AccessKey/-SecretKey, -ProfileName, -Credential, $StoredAWSCredentials, the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables, AWS_PROFILE and the default profile in the shared config and credentials files, and container and instance credentials. Set one of these, for example: -ProfileName myprofile, or run 'aws configure'. (" + ex.Message + ")",
                    AwsErrorKind.Authentication);
            }
        }

        /// <summary>
        /// A profile's credentials; a role_arn profile is assumed through this module's own STS client, from its
        /// source_profile's credentials. Null when the profile is missing or unusable.
        /// </summary>
        private static AWSCredentials? FromProfile(CredentialProfileStoreChain chain, string name, IClientConfig config, int depth)
        {
            if (!chain.TryGetProfile(name, out var profile))
            {
                return null;
            }

            var options = profile.Options;
            if (string.IsNullOrEmpty(options.RoleArn) || string.IsNullOrEmpty(options.SourceProfile) || depth > 4)
            {
                return chain.TryGetAWSCredentials(name, out var credentials) ? credentials : null;
            }

            var source = FromProfile(chain, options.SourceProfile, config, depth + 1)
                ?? throw new JobToolsServiceException(
                    $"The profile '{name}' assumes {options.RoleArn} with source_profile '{options.SourceProfile}', which was not found or holds no credentials.",
                    AwsErrorKind.Authentication);
            var region = profile.Region ?? config.RegionEndpoint ?? RegionEndpoint.USEast1;
            return new AssumeRoleCredentials(source, options.RoleArn, options.RoleSessionName, options.ExternalID, region);
        }

        public static ResolvedRegion ResolveRegion(AwsSettings settings)
        {
            if (!string.IsNullOrEmpty(settings.Region))
            {
                return new ResolvedRegion(RegionEndpoint.GetBySystemName(settings.Region), settings.RegionSource);
            }

            foreach (string variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
            {
                string? fromEnvironment = Environment.GetEnvironmentVariable(variable);
                if (!string.IsNullOrEmpty(fromEnvironment))
                {
                    return new ResolvedRegion(RegionEndpoint.GetBySystemName(fromEnvironment), $"the {variable} environment variable");
                }
            }

            if (!string.IsNullOrEmpty(settings.ProfileName))
            {
                var chain = new CredentialProfileStoreChain(settings.ProfileLocation);
                if (chain.TryGetProfile(settings.ProfileName, out var profile) && profile.Region != null)
                {
                    return new ResolvedRegion(profile.Region, $"profile '{settings.ProfileName}' ({settings.ProfileSource})");
                }
            }

            FallbackRegionFactory.Reset();
            var region = FallbackRegionFactory.GetRegionEndpoint();
            if (region != null)
            {
                return new ResolvedRegion(region, "the SDK's default chain (the AWS_PROFILE or default profile, instance metadata)");
            }

            throw new JobToolsServiceException(
                "No AWS region was found. Tried: -Region, $StoredAWSRegion, the AWS_REGION and AWS_DEFAULT_REGION environment variables, the profile's region in the shared config file, and instance metadata. Give one, for example: -Region us-east-1, or Set-Item env:AWS_REGION us-east-1.",
                AwsErrorKind.Configuration);
        }

        /// <summary>
        /// -MaxRetries, else AWS_MAX_ATTEMPTS, else the profile's max_attempts (attempts, so one more than retries),
        /// else the module's default of 8: unattended listings should ride out throttling that makes the SDK's
        /// default of 2 give up.
        /// </summary>
        public static int ResolveMaxRetries(AwsSettings settings)
        {
            if (settings.MaxRetries is int explicitRetries)
            {
                return explicitRetries;
            }

            string? attempts = Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS");
            if (int.TryParse(attempts, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed) && parsed >= 1)
            {
                return parsed - 1;
            }

            string profileName = settings.ProfileName ?? Environment.GetEnvironmentVariable("AWS_PROFILE") ?? "default";
            return new CredentialProfileStoreChain(settings.ProfileLocation).TryGetProfile(profileName, out var profile) && profile.MaxAttempts is int fromProfile && fromProfile >= 1
                ? fromProfile - 1
                : DefaultMaxRetries;
        }

        public const int DefaultMaxRetries = 8;

        private static string DescribeLocation(string? location) =>
            string.IsNullOrEmpty(location) ? "the shared credentials and config files" : $"'{location}'";
    }
}
