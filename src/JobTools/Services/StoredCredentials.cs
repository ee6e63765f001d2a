using System.Management.Automation;

namespace JobTools.Services
{
    /// <summary>
    /// Reads what AWS.Tools.Common's Set-AWSCredential leaves in $StoredAWSCredentials: a profile name, or an
    /// object that exposes credentials (GetCredentials() returning AccessKey/SecretKey/Token, or those
    /// properties directly). Read by name, so no AWSSDK type crosses into this module.
    /// </summary>
    internal static class StoredCredentials
    {
        public const string VariableName = "StoredAWSCredentials";

        public static void Apply(object? stored, AwsSettings settings)
        {
            if (stored is null)
            {
                return;
            }

            var item = PSObject.AsPSObject(stored);
            if (item.BaseObject is string profile && profile.Length > 0)
            {
                settings.ProfileName = profile;
                settings.ProfileSource = "$StoredAWSCredentials";
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
                settings.KeySource = "$StoredAWSCredentials";
            }
        }
    }
}
