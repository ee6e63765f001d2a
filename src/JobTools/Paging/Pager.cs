using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JobTools.Services;

namespace JobTools.Paging
{
    /// <summary>Fetches one page, given the token to start from and the page size to ask for.</summary>
    internal delegate Task<JobPage<T>> PageFetch<T>(string? nextToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Streams pages lazily: the next request is sent only when the caller has written the previous page and
    /// still needs more. Stops on an empty token, when the budget is met, after one page with NoAutoIteration,
    /// and with an error when a token comes back a second time or the page bound is reached.
    /// </summary>
    internal static class Pager
    {
        public static IEnumerable<JobPage<T>> Pages<T>(PageFetch<T> fetch, PagingOptions options, OutputBudget budget, PagerPosition position, CancellationToken cancellationToken)
        {
            string? token = options.StartToken;
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            if (token != null)
            {
                seen.Add(token);
            }

            int pages = 0;
            while (!budget.IsSatisfied)
            {
                if (options.MaxPages > 0 && pages == options.MaxPages)
                {
                    throw new PagingException(PagingFailure.MaxPagesReached, token, pages);
                }

                int size = options.PageSize;
                if (options.ShrinkLastPage && budget.StillNeeded is ulong needed && needed < (ulong)size)
                {
                    size = (int)needed;
                }

                position.Token = token;
                var page = fetch(token, size, cancellationToken).GetAwaiter().GetResult();
                pages++;
                position.Pages = pages;
                yield return page;

                if (options.NoAutoIteration || page.NextToken is null)
                {
                    yield break;
                }

                if (!seen.Add(page.NextToken))
                {
                    throw new PagingException(PagingFailure.TokenRepeated, page.NextToken, pages);
                }

                token = page.NextToken;
            }
        }
    }
}
