using System;
using System.Management.Automation;
using JobTools.Services;

namespace JobTools.Commands
{
    /// <summary>
    /// Assembles what a listing cmdlet was told about credentials, region and endpoint: its parameters, then the
    /// session's $StoredAWSCredentials and $StoredAWSRegion (as AWS Tools for PowerShell leaves them).
    /// </summary>
    internal static class ListingSettings
    {
        private const string StoredCredentialsVariable = "StoredAWSCredentials";
        private const string StoredRegionVariable = "StoredAWSRegion";

        /// <summary>The first four sources of <see cref="CredentialOrder"/>, in its order; the AWS layer tries the rest.</summary>
        public static AwsSettings From(JobListingCmdlet cmdlet)
        {
            var settings = new AwsSettings
            {
                Service = cmdlet.TargetService,
                Region = cmdlet.Region,
                ProfileName = cmdlet.ProfileName,
                ProfileLocation = cmdlet.ProfileLocation,
                EndpointUrl = cmdlet.EndpointUrl is null ? null : new Uri(cmdlet.EndpointUrl, UriKind.Absolute),
                MaxRetries = cmdlet.MaxRetries,
                Timeout = TimeSpan.FromSeconds(cmdlet.TimeoutSec),
            };
            var variables = cmdlet.SessionState.PSVariable;
            if (cmdlet.AccessKey != null || cmdlet.SecretKey != null)
            {
                settings.AccessKey = cmdlet.AccessKey;
                settings.SecretKey = cmdlet.SecretKey;
                settings.SessionToken = cmdlet.SessionToken;
            }
            else if (cmdlet.ProfileName is null && cmdlet.Credential != null)
            {
                settings.AccessKey = cmdlet.Credential.UserName;
                settings.SecretKey = cmdlet.Credential.GetNetworkCredential().Password;
                settings.SessionToken = cmdlet.SessionToken;
                settings.KeySource = "the -Credential parameter";
            }
            else if (cmdlet.ProfileName is null)
            {
                ApplyStoredCredentials(variables.GetValue(StoredCredentialsVariable), settings);
            }

            if (cmdlet.Region is null && variables.GetValue(StoredRegionVariable) is object storedRegion
                && PSObject.AsPSObject(storedRegion).BaseObject is string regionName && regionName.Length > 0)
            {
                settings.Region = regionName;
                settings.RegionSource = "$" + StoredRegionVariable;
            }

            return settings;
        }

        /// <summary>
        /// Reads what AWS.Tools.Common's Set-AWSCredential leaves in $StoredAWSCredentials: a profile name, or an
        /// object that exposes credentials (GetCredentials() returning AccessKey/SecretKey/Token, or those
        /// properties directly). Read by name, so no AWSSDK type crosses into this module.
        /// </summary>
        private static void ApplyStoredCredentials(object? stored, AwsSettings settings)
        {
            if (stored is null)
            {
                return;
            }

            var item = PSObject.AsPSObject(stored);
            if (item.BaseObject is string profile && profile.Length > 0)
            {
                settings.ProfileName = profile;
                settings.ProfileSource = "$" + StoredCredentialsVariable;
                return;
            }

            var keys = item;
            if (item.Methods["GetCredentials"] is PSMethodInfo getCredentials)
            {
                keys = PSObject.AsPSObject(getCredentials.Invoke());
            }
            else if (item.Properties["Credentials"]?.Value is object inner && PSObject.AsPSObject(inner).Methods["GetCredentials"] is PSMethodInfo innerGet)
            {
                keys = PSObject.AsPSObject(innerGet.Invoke());
            }

            if (keys.Properties["AccessKey"]?.Value is string accessKey && keys.Properties["SecretKey"]?.Value is string secretKey)
            {
                settings.AccessKey = accessKey;
                settings.SecretKey = secretKey;
                settings.SessionToken = keys.Properties["Token"]?.Value as string;
                settings.KeySource = "$" + StoredCredentialsVariable;
            }
        }
    }
}
