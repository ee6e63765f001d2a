using System.Collections.Generic;

namespace JobTools.Services
{
    /// <summary>
    /// Where a listing's credentials come from, first found wins: the cmdlet applies the first four, the AWS
    /// layer the rest. The no-credentials error lists these, and README's list is checked against them.
    /// </summary>
    internal static class CredentialOrder
    {
        public static readonly IReadOnlyList<string> Sources = new[]
        {
            "-AccessKey and -SecretKey (with -SessionToken)",
            "-ProfileName (with -ProfileLocation)",
            "-Credential",
            "$StoredAWSCredentials",
            "the AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN environment variables",
            "the AWS_PROFILE profile",
            "the default profile",
            "web identity, container and instance credentials",
        };
    }
}
