using System;
using System.Management.Automation;
using JobTools.Coexistence;
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
        /// A running cmdlet's settings for one source (one of its regions, one of its profiles): its parameters and the session's variables (the first four sources of
        /// <see cref="CredentialOrder"/>, in its order; the AWS layer tries the rest), and its retry and timeout bounds.
        /// </summary>
        public static AwsSettings From(JobListingCmdlet cmdlet, string? region, string? profileName)
        {
            var settings = From(cmdlet.TargetService, AwsParameterValues.Of(cmdlet, region, profileName), cmdlet.SessionState.PSVariable);
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
            else if (parameters.ProfileName is null && parameters.Credential is PSCredential credential)
            {
                settings.AccessKey = credential.UserName;
                settings.SecretKey = credential.GetNetworkCredential().Password;
                settings.SessionToken = parameters.SessionToken;
                settings.KeySource = "the -Credential parameter";
            }
            else if (parameters.ProfileName is null && parameters.Credential is object awsCredentials)
            {
                var keys = ReadKeys(awsCredentials);
                settings.AccessKey = keys.AccessKey;
                settings.SecretKey = keys.SecretKey;
                settings.SessionToken = keys.SessionToken;
                settings.KeySource = $"the -Credential parameter (an AWS credentials object, {AwsCredentialObject.TypeName(awsCredentials)})";
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
        /// AWS credentials object (see <see cref="AwsCredentialObject"/>).
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

            if (AwsCredentialObject.Read(item) is AwsKeys keys)
            {
                settings.AccessKey = keys.AccessKey;
                settings.SecretKey = keys.SecretKey;
                settings.SessionToken = keys.SessionToken;
                settings.KeySource = "$" + StoredCredentialsVariable;
            }
        }

        /// <summary>The keys of the AWS credentials object given to -Credential, read now; a failure is an authentication error.</summary>
        private static AwsKeys ReadKeys(object awsCredentials)
        {
            try
            {
                return AwsCredentialObject.Read(awsCredentials)
                    ?? throw new JobToolsServiceException(
                        $"-Credential is a {AwsCredentialObject.TypeName(awsCredentials)} that gave no access key and secret key. Give credentials that hold keys, a PSCredential, or -ProfileName.",
                        AwsErrorKind.Authentication);
            }
            catch (MethodInvocationException ex)
            {
                throw new JobToolsServiceException(
                    $"-Credential is a {AwsCredentialObject.TypeName(awsCredentials)} whose GetCredentials() failed: {ex.InnerException?.Message ?? ex.Message} Refresh the credentials, or give a PSCredential or -ProfileName.",
                    AwsErrorKind.Authentication);
            }
        }
    }
}
