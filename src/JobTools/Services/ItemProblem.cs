namespace JobTools.Services
{
    /// <summary>A value the AWS layer could not read in one item of a page; the item is there without it.</summary>
    /// <param name="Index">The item's index in the page's items.</param>
    /// <param name="Message">Which item, which member and what was found; never a whole value from the server.</param>
    internal sealed record ItemProblem(int Index, string Message);
}
