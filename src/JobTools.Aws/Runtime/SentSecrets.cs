using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// Sits just inside the signer: tells the connection's <see cref="Redactor"/> the secret key and session
    /// token the request was signed with, its Authorization value and its signature, so that none of them can
    /// come back out in a message, whatever a server echoes.
    /// </summary>
    internal sealed class SentSecrets : PipelineHandler
    {
        private readonly Redactor redactor;

        public SentSecrets(Redactor redactor)
        {
            this.redactor = redactor;
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var context = executionContext.RequestContext;
            if (context.Identity is AWSCredentials credentials && credentials.GetCredentials() is ImmutableCredentials keys)
            {
                redactor.Add(keys.SecretKey);
                redactor.Add(keys.Token);
            }

            var headers = context.Request.Headers;
            if (headers.TryGetValue("Authorization", out string? authorization))
            {
                redactor.Add(authorization);
                int signature = authorization.LastIndexOf("Signature=", System.StringComparison.Ordinal);
                if (signature >= 0)
                {
                    redactor.Add(authorization.Substring(signature + "Signature=".Length));
                }
            }

            if (headers.TryGetValue("X-Amz-Security-Token", out string? token))
            {
                redactor.Add(token);
            }

            return base.InvokeAsync<T>(executionContext);
        }
    }
}
