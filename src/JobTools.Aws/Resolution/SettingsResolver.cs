using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal.Util;
using JobTools.Aws.Runtime;
using JobTools.Services;

namespace JobTools.Aws.Resolution
{
    /// <summary>
    /// Resolves one call's region, retries, endpoint and credentials, reading the profile files through one
    /// <see cref="ProfileFiles"/>. Explicit parameters come first, then the environment, then the profile
    /// (-ProfileName, else AWS_PROFILE, else default, all in -ProfileLocation when given), then AWSSDK.Core's
    /// default chains for what only it can reach (web identity, container, instance metadata).
    /// </summary>
    internal static class SettingsResolver
    {
        public const int DefaultMaxRetries = 8;

        // A region name is one DNS label (as botocore checks it): letters, digits and inner hyphens, not all digits.
        private static readonly Regex RegionName = new Regex(@"^(?![0-9]+\z)(?!-)[a-zA-Z0-9-]{1,63}(?<!-)\z", RegexOptions.CultureInvariant);

        /// <summary>The profile whose settings apply: -ProfileName, else AWS_PROFILE, else default.</summary>
        public static string SelectedProfile(AwsSettings settings) =>
            NonEmpty(settings.ProfileName) ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE")) ?? "default";

        public static ResolvedRegion ResolveRegion(AwsSettings settings, ProfileFiles profiles)
        {
            if (NonEmpty(settings.Region) is string given)
            {
                return Region(given, settings.RegionSource);
            }

            foreach (string variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
            {
                if (NonEmpty(Environment.GetEnvironmentVariable(variable)) is string fromEnvironment)
                {
                    return Region(fromEnvironment, $"the {variable} environment variable");
                }
            }

            string name = SelectedProfile(settings);
            if (profiles.Find(name)?.Region is RegionEndpoint fromProfile)
            {
                return Region(fromProfile.SystemName, $"profile '{name}' in {profiles.Description}");
            }

            profiles.Require("the region: give -Region, or set AWS_REGION");
            FallbackRegionFactory.Reset();
            if (FallbackRegionFactory.GetRegionEndpoint() is RegionEndpoint fromChain)
            {
                return Region(fromChain.SystemName, "the SDK's default chain (instance metadata)");
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
        public static int ResolveMaxRetries(AwsSettings settings, ProfileFiles profiles)
        {
            if (settings.MaxRetries is int explicitRetries)
            {
                return explicitRetries;
            }

            string? attempts = Environment.GetEnvironmentVariable("AWS_MAX_ATTEMPTS");
            if (int.TryParse(attempts, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed >= 1)
            {
                return parsed - 1;
            }

            return profiles.Find(SelectedProfile(settings))?.MaxAttempts is int fromProfile && fromProfile >= 1
                ? fromProfile - 1
                : DefaultMaxRetries;
        }

        /// <summary>
        /// -EndpointUrl, else AWS_ENDPOINT_URL_{SERVICE}, AWS_ENDPOINT_URL, then the profile's services section or
        /// endpoint_url as AWSSDK.Core reads them (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or the profile says to
        /// ignore them); no URL means the region's endpoint. The SDK is then told not to look again.
        /// </summary>
        public static ResolvedEndpoint ResolveEndpoint(AwsSettings settings, JobToolsClientConfig config, ProfileFiles profiles)
        {
            if (settings.EndpointUrl is Uri explicitUrl)
            {
                return new ResolvedEndpoint(explicitUrl.ToString(), "-EndpointUrl");
            }

            string name = SelectedProfile(settings);
            var profile = profiles.Find(name);
            if (Flag("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS") == true || profile?.IgnoreConfiguredEndpointUrls == true)
            {
                return new ResolvedEndpoint(null, "the region (configured endpoint URLs are ignored)");
            }

            foreach (string variable in new[] { TransformServiceId.TransformServiceIdToEnvVariable(config.ServiceId), "AWS_ENDPOINT_URL" })
            {
                if (NonEmpty(Environment.GetEnvironmentVariable(variable)) is string fromEnvironment)
                {
                    return new ResolvedEndpoint(fromEnvironment, variable);
                }
            }

            if (profile is null)
            {
                return new ResolvedEndpoint(null, "the region");
            }

            config.Profile = new Profile(name, settings.ProfileLocation);
            config.IgnoreConfiguredEndpointUrls = false;
            try
            {
                return NonEmpty(config.ServiceURL) is string fromProfile
                    ? new ResolvedEndpoint(fromProfile, $"profile '{name}' (its services section or endpoint_url)")
                    : new ResolvedEndpoint(null, "the region");
            }
            finally
            {
                config.IgnoreConfiguredEndpointUrls = true;
            }
        }

        public static bool UseFips(AwsSettings settings, ProfileFiles profiles) =>
            Flag("AWS_USE_FIPS_ENDPOINT") ?? profiles.Find(SelectedProfile(settings))?.UseFIPSEndpoint ?? false;

        public static bool UseDualStack(AwsSettings settings, ProfileFiles profiles) =>
            Flag("AWS_USE_DUALSTACK_ENDPOINT") ?? profiles.Find(SelectedProfile(settings))?.UseDualstackEndpoint ?? false;

        /// <summary>The credentials, in <see cref="CredentialOrder"/>'s order from the environment on.</summary>
        public static ResolvedCredentials ResolveCredentials(AwsSettings settings, ProfileFiles profiles, RegionEndpoint region, IClientConfig config)
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

            if (NonEmpty(settings.ProfileName) is string named)
            {
                var fromNamed = FromProfile(profiles, named, settings, region, 0);
                profiles.Require($"the credentials of profile '{named}'");
                return fromNamed is null
                    ? throw new JobToolsServiceException(
                        $"The profile '{named}' ({settings.ProfileSource}) was not found, or holds no usable credentials, in {profiles.Description}. Check the name with 'aws configure list-profiles', or give -ProfileLocation.",
                        AwsErrorKind.Authentication)
                    : new ResolvedCredentials(fromNamed, $"profile '{named}' ({settings.ProfileSource}) in {profiles.Description}");
            }

            if (NonEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")) != null)
            {
                return new ResolvedCredentials(new EnvironmentVariablesAWSCredentials(), "the AWS_ACCESS_KEY_ID environment variables (EnvironmentVariablesAWSCredentials)");
            }

            string? environmentProfile = NonEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE"));
            string profileName = environmentProfile ?? "default";
            if (FromProfile(profiles, profileName, settings, region, 0) is AWSCredentials fromProfile)
            {
                return new ResolvedCredentials(fromProfile, $"profile '{profileName}' ({(environmentProfile is null ? "the default profile" : "AWS_PROFILE")}) in {profiles.Description}");
            }

            profiles.Require("the credentials");
            try
            {
                using var resolver = new DefaultAWSCredentialsIdentityResolver();
                var credentials = resolver.ResolveIdentity(config);
                return new ResolvedCredentials(credentials, $"the SDK's default chain ({credentials.GetType().Name})");
            }
            catch (AmazonClientException)
            {
                throw new JobToolsServiceException(
                    "No AWS credentials were found. Tried, in this order: " + string.Join("; ", CredentialOrder.Sources) + ". Set one of these, for example: -ProfileName myprofile, or run 'aws configure'.",
                    AwsErrorKind.Authentication);
            }
        }

        /// <summary>
        /// A profile's credentials: a role_arn profile is assumed through this module's own STS client from its
        /// source_profile's credentials, a credential_process is run bounded by the call's timeout. Null when the
        /// profile is missing or unusable.
        /// </summary>
        private static AWSCredentials? FromProfile(ProfileFiles profiles, string name, AwsSettings settings, RegionEndpoint region, int depth)
        {
            if (!(profiles.Find(name) is CredentialProfile profile))
            {
                return null;
            }

            var options = profile.Options;
            if (!string.IsNullOrEmpty(options.RoleArn) && !string.IsNullOrEmpty(options.SourceProfile) && depth <= 4)
            {
                var source = FromProfile(profiles, options.SourceProfile, settings, region, depth + 1)
                    ?? throw new JobToolsServiceException(
                        $"The profile '{name}' assumes {options.RoleArn} with source_profile '{options.SourceProfile}', which was not found or holds no credentials.",
                        AwsErrorKind.Authentication);
                return new AssumeRoleCredentials(source, options.RoleArn, options.RoleSessionName, options.ExternalID, profile.Region ?? region);
            }

            if (!string.IsNullOrEmpty(options.CredentialProcess))
            {
                return new BoundedProcessCredentials(options.CredentialProcess, name, settings.Timeout);
            }

            return AWSCredentialsFactory.TryGetAWSCredentials(profile, profile.CredentialProfileStore, out var credentials) ? credentials : null;
        }

        private static ResolvedRegion Region(string name, string source)
        {
            if (!RegionName.IsMatch(name))
            {
                throw new JobToolsServiceException(
                    $"The region '{name}' (from {source}) is not a region name: one word of letters, digits and hyphens, such as us-east-1 or eu-west-2.",
                    AwsErrorKind.InvalidArgument);
            }

            return new ResolvedRegion(RegionEndpoint.GetBySystemName(name), source);
        }

        private static bool? Flag(string variable) =>
            bool.TryParse(Environment.GetEnvironmentVariable(variable), out bool value) ? value : (bool?)null;

        private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
