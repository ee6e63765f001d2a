using System;
using System.Management.Automation;

namespace JobTools.Coexistence
{
    /// <summary>
    /// An AWS credentials object from any AWS SDK for .NET in the session (Amazon.Runtime.AWSCredentials, as AWS Tools'
    /// New-AWSCredential and Get-AWSCredential return it, or AWS Tools' own wrapper that Set-AWSCredential leaves in
    /// $StoredAWSCredentials), read by member name: its GetCredentials() returns the keys as AccessKey, SecretKey and
    /// Token. No AWSSDK type is named, so the object may come from another AWSSDK.Core in another load context.
    /// </summary>
    internal static class AwsCredentialObject
    {
        /// <summary>The keys an AWS credentials object holds now; null when the object is not one.</summary>
        public static AwsKeys? Read(object candidate)
        {
            var item = PSObject.AsPSObject(candidate);
            var keys = item;
            if (item.Methods["GetCredentials"] is PSMethodInfo getCredentials)
            {
                keys = PSObject.AsPSObject(getCredentials.Invoke());
            }
            else if (item.Properties["Credentials"]?.Value is object inner && PSObject.AsPSObject(inner).Methods["GetCredentials"] is PSMethodInfo innerGet)
            {
                keys = PSObject.AsPSObject(innerGet.Invoke());
            }

            return keys.Properties["AccessKey"]?.Value is string accessKey && keys.Properties["SecretKey"]?.Value is string secretKey
                ? new AwsKeys(accessKey, secretKey, keys.Properties["Token"]?.Value as string is { Length: > 0 } token ? token : null)
                : null;
        }

        /// <summary>The type of the object under any PSObject wrapper, for messages (never its keys).</summary>
        public static string TypeName(object candidate) => PSObject.AsPSObject(candidate).BaseObject.GetType().FullName ?? "object";

        /// <summary>Whether the object has the shape of AWS credentials (a GetCredentials method, here or in its Credentials), without asking it for keys.</summary>
        public static bool Looks(object candidate)
        {
            var item = PSObject.AsPSObject(candidate);
            return item.Methods["GetCredentials"] != null
                || (item.Properties["Credentials"]?.Value is object inner && PSObject.AsPSObject(inner).Methods["GetCredentials"] != null)
                || (item.Properties["AccessKey"]?.Value is string && item.Properties["SecretKey"]?.Value is string);
        }
    }

    /// <summary>Keys read from an AWS credentials object; the session token only for temporary credentials.</summary>
    internal sealed record AwsKeys(string AccessKey, string SecretKey, string? SessionToken)
    {
        /// <summary>Never the secrets.</summary>
        public override string ToString() => $"AwsKeys {{ AccessKey = {AccessKey} }}";
    }
}
