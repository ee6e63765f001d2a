namespace JobTools.Services
{
    /// <summary>A description of the resolved client settings, safe to show: it never holds a secret.</summary>
    internal sealed record ResolvedConnection(string Endpoint, string SigningRegion, string RegionSource, string CredentialSource);
}
