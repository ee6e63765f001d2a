namespace JobTools.LocalAws
{
    /// <summary>The data requests signed for one region are served: a Snowball store and an IoT store.</summary>
    public sealed class RegionStores
    {
        /// <param name="region">The region whose own data they hold; null for the endpoint's default stores.</param>
        internal RegionStores(string? region)
        {
            Snowball = new SnowballStore(region);
            IoT = new IoTStore(region);
        }

        public SnowballStore Snowball { get; }

        public IoTStore IoT { get; }
    }
}
