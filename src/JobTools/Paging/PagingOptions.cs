namespace JobTools.Paging
{
    /// <summary>How one listing is paged: page size, where to start, and whether to follow tokens.</summary>
    internal sealed class PagingOptions
    {
        public PagingOptions(int pageSize, string? startToken, bool noAutoIteration, int maxPages, bool shrinkLastPage)
        {
            PageSize = pageSize;
            StartToken = string.IsNullOrEmpty(startToken) ? null : startToken;
            NoAutoIteration = noAutoIteration;
            MaxPages = maxPages;
            ShrinkLastPage = shrinkLastPage;
        }

        public int PageSize { get; }

        public string? StartToken { get; }

        public bool NoAutoIteration { get; }

        /// <summary>A safety bound on requests for one listing; 0 leaves only the pager's bound on empty pages in a row.</summary>
        public int MaxPages { get; }

        /// <summary>
        /// Ask the last request for only what -First still needs. Off when a client-side filter may drop
        /// items, since then the count needed from the service is unknown.
        /// </summary>
        public bool ShrinkLastPage { get; }
    }
}
