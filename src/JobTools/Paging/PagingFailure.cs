namespace JobTools.Paging
{
    /// <summary>Why the pager stopped a listing; the name is the error id.</summary>
    internal enum PagingFailure
    {
        /// <summary>A page token came back a second time.</summary>
        TokenRepeated,

        /// <summary>The -MaxPages bound was reached.</summary>
        MaxPagesReached,

        /// <summary>Too many empty pages in a row, each with a new token (without -MaxPages).</summary>
        TooManyEmptyPages,

        /// <summary>An object (a job, a cluster) came back that the listing had fetched already.</summary>
        ItemRepeated,
    }
}
