using System.Collections.Generic;

namespace JobTools.Services
{
    /// <summary>A description of the resolved client settings, safe to show: it never holds a secret.</summary>
    /// <param name="Endpoint">Where requests go, and where that came from.</param>
    /// <param name="SigningRegion">The region requests are signed for.</param>
    /// <param name="RegionSource">Where the region came from.</param>
    /// <param name="CredentialSource">Where the credentials came from.</param>
    /// <param name="Warnings">What the user should know before anything is sent (plain http to another host, a settings file that could not be read).</param>
    internal sealed record ResolvedConnection(string Endpoint, string SigningRegion, string RegionSource, string CredentialSource, IReadOnlyList<string> Warnings);
}
