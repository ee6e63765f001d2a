using System;

namespace JobTools.Paging
{
    /// <summary>A listing that cannot continue safely; carries the token to resume from.</summary>
    public sealed class PagingException : Exception
    {
        internal PagingException(PagingFailure failure, string? token, int pages)
            : base(Describe(failure, token, pages))
        {
            Failure = failure;
            Token = token;
        }

        internal PagingFailure Failure { get; }

        /// <summary>The token involved: the repeated one, or the one to resume from.</summary>
        public string? Token { get; }

        private static string Describe(PagingFailure failure, string? token, int pages) => failure switch
        {
            PagingFailure.TokenRepeated =>
                $"The service returned the page token '{token}' a second time after {pages} pages; the listing was stopped instead of looping. What was written so far is complete up to that page. Retry later, or report this to AWS with the request ids shown by -Verbose.",
            _ =>
                $"The listing reached the -MaxPages bound of {pages} pages. Resume it with -NextToken '{token}', or raise -MaxPages.",
        };
    }
}
