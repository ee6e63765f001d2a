using Amazon;

namespace JobTools.Aws.Resolution
{
    /// <summary>The region requests are signed for, and where it came from.</summary>
    internal sealed record ResolvedRegion(RegionEndpoint Region, string Source);
}
