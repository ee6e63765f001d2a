namespace JobTools.Paging
{
    /// <summary>Where a listing is: the token of the request in flight and the pages fetched so far.</summary>
    internal sealed class PagerPosition
    {
        public string? Token { get; set; }

        public int Pages { get; set; }
    }
}
