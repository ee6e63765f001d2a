namespace JobTools.Aws.Resolution
{
    /// <summary>An endpoint URL from the settings or the environment, and where it came from.</summary>
    /// <param name="Url">The URL; null means the region's endpoint.</param>
    /// <param name="Source">Where it came from, for messages.</param>
    internal sealed record ResolvedEndpoint(string? Url, string Source);
}
