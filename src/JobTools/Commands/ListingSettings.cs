using System;
using System.Management.Automation;
using JobTools.Services;

namespace JobTools.Commands
{
    /// <summary>
    /// Assembles what a listing cmdlet was told about credentials, region and endpoint: its parameters, then the
    /// session's $StoredAWSCredentials and $StoredAWSRegion (as AWS Tools for PowerShell leaves them). Live
    /// completion assembles the parameters typed on the line the same way.
    /// </summary>
    internal static class ListingSettings
    {
        private const string StoredCredentialsVariable = "StoredAWSCredentials";
        private const string StoredRegionVariable = "StoredAWSRegion";

        /// <summary>
        /// A running cmdlet's settings: its parameters and the session's variables (the first four sources of
        /// <see cref="CredentialOrder"/>, in its order; the AWS layer tries the rest), and its retry and timeout bounds.
        /// </summary>
        public static AwsSettings From(JobListingCmdlet cmdlet)
        {
            var settings = From(cmdlet.TargetService, AwsParameterValues.Of(cmdlet), cmdlet.SessionState.PSVariable);
            settings.MaxRetries = cmdlet.MaxRetries;
            settings.Timeout = TimeSpan.FromSeconds(cmdlet.TimeoutSec);
            return settings;
        }

        /// <summary>
        /// The settings for a listing from <paramref name="service"/>, in AWS Tools' order: explicit keys,
        /// -ProfileName, -Credential, $StoredAWSCredentials; -Region, then $StoredAWSRegion.
        /// <paramref name="parameters"/> holds an absolute -EndpointUrl or none.
        /// </summary>
        public static AwsSettings From(AwsService service, AwsParameterValues parameters, PSVariableIntrinsics variables)
        {
            var settings = new AwsSettings
            {
                Service = service,
                Region = parameters.Region,
                ProfileName = parameters.ProfileName,
                ProfileLocation = parameters.ProfileLocation,
                EndpointUrl = parameters.EndpointUrl is null ? null : new Uri(parameters.EndpointUrl, UriKind.Absolute),
            };
            if (parameters.AccessKey != null || parameters.SecretKey != null)
            {
                settings.AccessKey = parameters.AccessKey;
                settings.SecretKey = parameters.SecretKey;
                settings.SessionToken = parameters.SessionToken;
            }
            else if (parameters.ProfileName is null && parameters.Credential != null)
            {
                settings.AccessKey = parameters.Credential.UserName;
                settings.SecretKey = parameters.Credential.GetNetworkCredential().Password;
                settings.SessionToken = parameters.SessionToken;
                settings.KeySource = "the -Credential parameter";
            }
            else if (parameters.ProfileName is null)
            {
                ApplyStoredCredentials(variables.GetValue(StoredCredentialsVariable), settings);
            }

            if (parameters.Region is null && variables.GetValue(StoredRegionVariable) is object storedRegion
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
