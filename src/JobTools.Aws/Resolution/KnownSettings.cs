using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime.CredentialManagement;
using JobTools.Services;

namespace JobTools.Aws.Resolution
{
    /// <summary>
    /// What completion offers for -Region and -ProfileName, from AWSSDK.Core's own data and the shared files, with no
    /// network call: the regions the SDK this module signs with knows, and the profiles a call would find.
    /// </summary>
    internal static class KnownSettings
    {
        private static readonly Lazy<IReadOnlyList<AwsRegion>> AllRegions = new Lazy<IReadOnlyList<AwsRegion>>(ListRegions);

        public static IReadOnlyList<AwsRegion> Regions() => AllRegions.Value;

        /// <summary>The profiles as a call with -ProfileName would look them up (the same store chain), once each by name.</summary>
        public static IReadOnlyList<AwsProfile> Profiles(string? profileLocation) =>
            new CredentialProfileStoreChain(profileLocation).ListProfiles()
                .GroupBy(profile => profile.Name, StringComparer.Ordinal)
                .Select(named => new AwsProfile(named.Key, Describe(named.First())))
                .ToArray();

        /// <summary>
        /// Every region of the SDK's partition data whose name its partition's pattern matches, which leaves out pseudo
        /// regions such as us-east-1-regional (an S3 endpoint variant, not a place to send IoT or Snowball requests).
        /// </summary>
        private static IReadOnlyList<AwsRegion> ListRegions() => RegionEndpoint.EnumerableAllRegions
            .Where(region => region.PartitionRegionRegex is not string pattern || Regex.IsMatch(region.SystemName, pattern, RegexOptions.CultureInvariant))
            .Select(region => new AwsRegion(region.SystemName, region.DisplayName, region.PartitionName))
            .ToArray();

        /// <summary>What kind of credentials the profile holds and its region, for example "access keys, region eu-west-1".</summary>
        private static string Describe(CredentialProfile profile)
        {
            var options = profile.Options;
            string kind =
                !string.IsNullOrEmpty(options.RoleArn) ? $"assumes {options.RoleArn}" + (string.IsNullOrEmpty(options.SourceProfile) ? string.Empty : $" with the credentials of profile '{options.SourceProfile}'")
                : !string.IsNullOrEmpty(options.SsoSession) || !string.IsNullOrEmpty(options.SsoStartUrl) ? $"IAM Identity Center sign-in ({options.SsoSession ?? options.SsoStartUrl})"
                : !string.IsNullOrEmpty(options.CredentialProcess) ? "credentials from its credential_process"
                : !string.IsNullOrEmpty(options.Token) ? "temporary access keys with a session token"
                : "access keys";
            return profile.Region is RegionEndpoint region ? $"{kind}, region {region.SystemName}" : kind;
        }
    }
}
