using System.Collections;
using System.Collections.Generic;
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

        /// <summary>The variables for a script that splats @aws.</summary>
        public static Dictionary<string, object?> Vars(LocalAwsEndpoint endpoint) => new() { ["aws"] = For(endpoint) };
    }
}
