namespace JobTools.Services
{
    /// <summary>A description of the resolved client settings, safe to show: it never holds a secret.</summary>
    internal sealed class ResolvedConnection
    {
        public ResolvedConnection(string endpoint, string signingRegion, string regionSource, string credentialSource)
        {
            Endpoint = endpoint;
            SigningRegion = signingRegion;
            RegionSource = regionSource;
            CredentialSource = credentialSource;
        }

        public string Endpoint { get; }

        public string SigningRegion { get; }

        public string RegionSource { get; }

        public string CredentialSource { get; }
    }
}
