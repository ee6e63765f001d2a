namespace JobTools.FanOut
{
    /// <summary>
    /// One independent chain of pages: what is listed (a cluster's jobs, the IoT jobs, the clusters) in one
    /// region with one profile. Null region or profile: resolved as a call without them resolves them.
    /// </summary>
    internal sealed record ListingSource(string Subject, string? Region, string? ProfileName)
    {
        /// <summary>How messages name the source: "CID… in eu-west-1 with profile ops".</summary>
        public string Label =>
            Subject + (Region is null ? string.Empty : $" in {Region}") + (ProfileName is null ? string.Empty : $" with profile {ProfileName}");
    }
}
