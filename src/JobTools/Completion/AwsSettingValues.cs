using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using JobTools.Loading;
using JobTools.Vocabulary;

namespace JobTools.Completion
{
    /// <summary>Which AWS setting a parameter completes.</summary>
    internal enum AwsSettingKind
    {
        /// <summary>The regions of AWSSDK.Core's partition data.</summary>
        Region,

        /// <summary>The profiles of the shared config and credentials files, or of the -ProfileLocation on the line.</summary>
        ProfileName,
    }

    /// <summary>
    /// The values Tab offers for -Region and -ProfileName, read by the AWS layer without a network call (see the AWS
    /// layer's KnownSettings). The first completion loads the AWS layer, as the first call does. A completion that
    /// cannot be made (a config file that does not parse, an incomplete install) offers nothing rather than an error
    /// at the prompt.
    /// </summary>
    internal static class AwsSettingValues
    {
        /// <summary>The values for <paramref name="kind"/>, given the line.</summary>
        public static Func<IDictionary?, CommandAst?, IEnumerable<KnownValue>> For(AwsSettingKind kind) => kind == AwsSettingKind.Region ? Regions : Profiles;

        /// <summary>"eu-west-1: Europe (Ireland)"; outside the standard partition, the partition too.</summary>
        private static IEnumerable<KnownValue> Regions(IDictionary? boundParameters, CommandAst? command) => Offer(() => AwsLayer.Regions().Select(region => new KnownValue(
            region.Name,
            region.Partition == "aws" ? $"{region.Name}: {region.DisplayName}" : $"{region.Name}: {region.DisplayName} ({region.Partition} partition)")));

        /// <summary>
        /// "dev: access keys, region eu-west-1", in name order, from the -ProfileLocation typed on the line (or in a
        /// hashtable splatted on it, as live completion reads the line) when there is one.
        /// </summary>
        private static IEnumerable<KnownValue> Profiles(IDictionary? boundParameters, CommandAst? command) => Offer(() =>
            AwsLayer.Profiles(LineParameters.Read(boundParameters, command, LineParameters.SessionVariables()).ProfileLocation)
                .OrderBy(profile => profile.Name, StringComparer.OrdinalIgnoreCase)
                .Select(profile => new KnownValue(profile.Name, $"{profile.Name}: {profile.Description}")));

        private static IEnumerable<KnownValue> Offer(Func<IEnumerable<KnownValue>> read)
        {
            try
            {
                return read().ToList();
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or StackOverflowException))
            {
                return Array.Empty<KnownValue>();
            }
        }
    }
}
