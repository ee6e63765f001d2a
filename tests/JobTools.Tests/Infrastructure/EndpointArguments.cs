using System.Collections;
using JobTools.LocalAws;

namespace JobTools.Tests.Infrastructure
{
    /// <summary>The common parameters that point a cmdlet at a local endpoint, for splatting as @aws.</summary>
    public static class EndpointArguments
    {
        public static Hashtable For(LocalAwsEndpoint endpoint) => new Hashtable
        {
            ["EndpointUrl"] = endpoint.BaseUri.ToString(),
            ["Region"] = "us-east-1",
            ["AccessKey"] = LocalAwsOptions.DefaultAccessKeyId,
            ["SecretKey"] = LocalAwsOptions.DefaultSecretKey,
        };
    }
}
