using System.Management.Automation;
using JobTools.Coexistence;

namespace JobTools.Validation
{
    /// <summary>
    /// -Credential takes a PSCredential (user name: the access key id; password: the secret access key) or an AWS
    /// credentials object from any AWS SDK for .NET in the session (see <see cref="AwsCredentialObject"/>); a string
    /// is a user name to prompt for, as [Credential()] does. Anything else fails at binding, naming both kinds.
    /// </summary>
    internal sealed class AwsCredentialArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                case PSCredential:
                    return value;
                case string:
                    return new CredentialAttribute().Transform(engineIntrinsics, value);
                case object when AwsCredentialObject.Looks(inputData!):
                    // The object as given: a wrapper's own members (a script method, for one) are part of it.
                    return inputData;
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"-Credential takes a PSCredential (user name: the access key id; password: the secret access key) or an AWS credentials object (Amazon.Runtime.AWSCredentials, as AWS Tools' New-AWSCredential and Get-AWSCredential return it); a {value.GetType().FullName} is neither.");
            }
        }
    }
}
