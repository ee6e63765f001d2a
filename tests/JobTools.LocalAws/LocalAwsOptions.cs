using System.Collections.Generic;

namespace JobTools.LocalAws
{
    /// <summary>How a local endpoint starts: port, accepted credentials, signature checking and sample data.</summary>
    public sealed class LocalAwsOptions
    {
        public const string DefaultAccessKeyId = "AKIDLOCALJOBTOOLS";
        public const string DefaultSecretKey = "local/secret+KEY0123456789abcdefghijklmn";

        /// <summary>0 picks a free port.</summary>
        public int Port { get; init; }

        /// <summary>Access key id to secret key; requests signed with anything else are refused.</summary>
        public IReadOnlyDictionary<string, string> Credentials { get; init; } =
            new Dictionary<string, string> { [DefaultAccessKeyId] = DefaultSecretKey };

        public bool VerifySignatures { get; init; } = true;

        /// <summary>Serve the seed cluster of the Snowball API reference from the start.</summary>
        public bool SeedSampleData { get; init; }

        /// <summary>
        /// Answer GET /_localaws/requests with the requests answered so far per operation ({"ListJobs": 3}), and
        /// GET /_localaws/requests?by=region with them per signing region, then operation ({"eu-west-1": {"ListJobs": 3}};
        /// requests without a credential scope under "none"), for scripts that run the endpoint in its own process
        /// (the Pester suite); in-process tests read <see cref="LocalAwsEndpoint.Requests"/>.
        /// </summary>
        public bool ControlRoute { get; init; }
    }
}
