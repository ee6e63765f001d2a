using Amazon;

namespace JobTools.Aws.Resolution
{
    internal sealed class ResolvedRegion
    {
        public ResolvedRegion(RegionEndpoint region, string source)
        {
            Region = region;
            Source = source;
        }

        public RegionEndpoint Region { get; }

        public string Source { get; }
    }
}
