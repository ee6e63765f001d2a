using System;
using JobTools.Reporting;

namespace JobTools.Paging
{
    /// <summary>A listing that cannot continue safely; carries the token to resume from.</summary>
    public sealed class PagingException : Exception
    {
        private PagingException(PagingFailure failure, string? token, int pagesWritten, string message)
            : base(message)
        {
            Failure = failure;
            Token = token;
            PagesWritten = pagesWritten;
        }

        internal PagingFailure Failure { get; }

        /// <summary>The token to resume from: the next page's, as the service gave it.</summary>
        public string? Token { get; }

        /// <summary>Pages completely written before the listing was stopped.</summary>
        public int PagesWritten { get; }

        internal static PagingException TokenRepeated(string token, int pages) => new PagingException(
            PagingFailure.TokenRepeated,
            token,
            pages,
            $"The service returned the page token {TokenText.Quoted(token)} a second time after {pages} pages; the listing was stopped instead of looping. What was written so far is complete up to that page. Retry later, or report this to AWS with the request ids shown by -Verbose.");

        internal static PagingException MaxPagesReached(string token, int pages) => new PagingException(
            PagingFailure.MaxPagesReached,
            token,
            pages,
            $"The listing reached the -MaxPages bound of {pages} pages. Resume it with {TokenText.NextTokenArgument(token)}, or raise -MaxPages.");

        internal static PagingException TooManyEmptyPages(string token, int pages, int bound) => new PagingException(
            PagingFailure.TooManyEmptyPages,
            token,
            pages,
            $"The service returned {bound} empty pages in a row, each with a new page token, so the listing was stopped in case the tokens never end. The {pages} pages so far were written. Resume with {TokenText.NextTokenArgument(token)} to go on for up to {bound} more empty pages, or give -MaxPages to set your own bound on the requests (it replaces this one).");

        internal static PagingException ItemRepeated(string id, string? token, int pagesWritten) => new PagingException(
            PagingFailure.ItemRepeated,
            token,
            pagesWritten,
            $"The service returned {TokenText.Quoted(id)} a second time, on page {pagesWritten + 1}: its page tokens went back. The listing was stopped before that page so that nothing is written twice; the {pagesWritten} pages before it were written, each object once. "
            + (token is null ? "Retry later." : $"Retry later, resuming with {TokenText.NextTokenArgument(token)} (that page again)."));
    }
}
