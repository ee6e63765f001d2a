using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using JobTools.Services;

namespace JobTools.FanOut
{
    /// <summary>
    /// The region × profile combinations a call lists from: each -Region value (a wildcard stands for the known
    /// regions it matches) with each -ProfileName value. Values are kept in the order given, each once.
    /// </summary>
    internal static class SourcePlan
    {
        /// <summary>
        /// The combinations; a single (null, null) when neither parameter was given. A wildcard that matches no
        /// known region, or an empty profile name, is an <see cref="ArgumentException"/> naming it.
        /// </summary>
        public static IReadOnlyList<(string? Region, string? ProfileName)> Combinations(
            IReadOnlyList<string>? regions, IReadOnlyList<string>? profiles, Func<IReadOnlyList<AwsRegion>> knownRegions)
        {
            var regionList = regions is { Count: > 0 } ? ExpandRegions(regions, knownRegions).Cast<string?>().ToList() : new List<string?> { null };
            if (profiles != null && profiles.Any(string.IsNullOrEmpty))
            {
                throw new ArgumentException("-ProfileName '' names no profile. Give a profile's name, or leave -ProfileName out to use the default credentials.");
            }

            var profileList = profiles is { Count: > 0 } ? profiles.Distinct(StringComparer.Ordinal).Cast<string?>().ToList() : new List<string?> { null };
            return profileList.SelectMany(profile => regionList.Select(region => (region, profile))).ToList();
        }

        /// <summary>
        /// Literal names pass as given (a region newer than this module's AWSSDK.Core still works); a wildcard
        /// matches the regions of the first partition that has any match, the standard partition first, so that
        /// -Region us-* means the commercial us- regions and -Region us-gov-* the GovCloud ones.
        /// </summary>
        private static IEnumerable<string> ExpandRegions(IReadOnlyList<string> regions, Func<IReadOnlyList<AwsRegion>> knownRegions)
        {
            var names = new List<string>();
            foreach (string value in regions)
            {
                if (!WildcardPattern.ContainsWildcardCharacters(value))
                {
                    names.Add(value);
                    continue;
                }

                var pattern = WildcardPattern.Get(value, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                var matches = knownRegions()
                    .Where(r => pattern.IsMatch(r.Name))
                    .GroupBy(r => r.Partition)
                    .FirstOrDefault();
                if (matches is null)
                {
                    throw new ArgumentException(
                        $"-Region '{value}' matches no region this module knows. Tab after -Region lists them; give a region by name to use one newer than this module.");
                }

                names.AddRange(matches.Select(r => r.Name));
            }

            return names.Distinct(StringComparer.OrdinalIgnoreCase);
        }
    }
}
