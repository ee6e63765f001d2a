namespace JobTools.Paging
{
    internal enum PagingFailure
    {
        TokenRepeated,
        MaxPagesReached,
    }
}
