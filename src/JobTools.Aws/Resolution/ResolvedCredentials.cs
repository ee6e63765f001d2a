using Amazon.Runtime;

namespace JobTools.Aws.Resolution
{
    internal sealed class ResolvedCredentials
    {
        public ResolvedCredentials(AWSCredentials credentials, string source)
        {
            Credentials = credentials;
            Source = source;
        }

        public AWSCredentials Credentials { get; }

        /// <summary>Where they came from, for -Debug; never the secret itself.</summary>
        public string Source { get; }
    }
}
