namespace JobTools.Paging
{
    /// <summary>How one listing is paged: page size, where to start, and whether to follow tokens.</summary>
    /// <param name="PageSize">How many items each request asks for.</param>
    /// <param name="StartToken">The token to start from; an empty one is none.</param>
    /// <param name="NoAutoIteration">Request one page only.</param>
    /// <param name="MaxPages">A safety bound on requests for one listing; 0 leaves only the pager's bound on empty pages in a row.</param>
    /// <param name="ShrinkLastPage">
    /// Ask the last request for only what -First still needs. Off when a client-side filter may drop items, since
    /// then the count needed from the service is unknown.
    /// </param>
    internal sealed record PagingOptions(int PageSize, string? StartToken, bool NoAutoIteration, int MaxPages, bool ShrinkLastPage)
    {
        public string? StartToken { get; } = string.IsNullOrEmpty(StartToken) ? null : StartToken;
    }
}
