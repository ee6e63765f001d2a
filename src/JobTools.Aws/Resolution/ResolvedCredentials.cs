using Amazon.Runtime;

namespace JobTools.Aws.Resolution
{
    /// <summary>Credentials and where they came from.</summary>
    /// <param name="Credentials">The credentials the client signs with.</param>
    /// <param name="Source">Where they came from, for -Debug; never the secret itself.</param>
    internal sealed record ResolvedCredentials(AWSCredentials Credentials, string Source);
}
