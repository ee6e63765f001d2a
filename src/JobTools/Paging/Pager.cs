using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using JobTools.Services;

namespace JobTools.Paging
{
    /// <summary>Fetches one page, given the token to start from and the page size to ask for.</summary>
    internal delegate Task<JobPage<T>> PageFetch<T>(string? nextToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>Blocks the pipeline thread until a fetch ends, doing what that thread must do meanwhile.</summary>
    internal delegate void PageWait(Task fetch);

    /// <summary>
    /// Streams the pages of one listing. Stops on an empty token, when the budget is met, after one page with
    /// NoAutoIteration, and with an error when a token comes back a second time, when the page bound is
    /// reached (without -MaxPages, <see cref="EmptyPageBound"/> empty pages in a row), or when a page holds a
    /// job (or cluster) the listing fetched already: such a page is refused whole, so nothing is handed out twice.
    /// At most one page is read ahead, and only once the caller has written an object of the page before it:
    /// the next request then travels while that page is written. Memory stays at two pages, plus a 64-bit
    /// fingerprint per token and per item id.
    /// </summary>
    internal sealed class Pager<T> : IDisposable
    {
        private readonly PageFetch<T> fetch;
        private readonly PagingOptions options;
        private readonly OutputBudget budget;
        private readonly CancellationTokenSource cancellation;
        private readonly Func<T, string?> idOf;
        private readonly FingerprintSet seenTokens = new FingerprintSet();
        private readonly FingerprintSet seenItems = new FingerprintSet();
        private string? token;
        private string? repeatedToken;
        private bool lastPageTaken;
        private int emptyPagesInARow;
        private Task<JobPage<T>>? ahead;

        /// <summary>Without -MaxPages, the empty pages in a row (each with a new token) after which a listing stops.</summary>
        public const int EmptyPageBound = 1000;

        public Pager(PageFetch<T> fetch, Func<T, string?> idOf, PagingOptions options, OutputBudget budget, CancellationToken cancellationToken)
        {
            this.fetch = fetch;
            this.idOf = idOf;
            this.options = options;
            this.budget = budget;
            token = options.StartToken;
            if (token != null)
            {
                seenTokens.Add(token);
            }

            // Linked, so that a read-ahead nobody will take can be cancelled on its own.
            cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        }

        /// <summary>The token of the page being fetched and the pages taken so far: where to resume after a failure.</summary>
        public PagerPosition Position { get; } = new PagerPosition();

        private bool AtPageBound => options.MaxPages > 0 ? Position.Pages == options.MaxPages : emptyPagesInARow == EmptyPageBound;

        /// <summary>The next page, or null once the listing is complete; blocks in <paramref name="wait"/> meanwhile.</summary>
        public JobPage<T>? Next(PageWait wait)
        {
            if (Request() is not Task<JobPage<T>> request)
            {
                return null;
            }

            try
            {
                wait(request);
            }
            catch (OperationCanceledException)
            {
                // Stopped while the request was still running: let it end on its own, its error observed.
                request.ContinueWith(abandoned => _ = abandoned.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                throw;
            }

            return Accept(request.GetAwaiter().GetResult());
        }

        /// <summary>The next page, or null once the listing is complete; for a listing that runs off the pipeline thread.</summary>
        public async Task<JobPage<T>?> NextAsync() =>
            Request() is Task<JobPage<T>> request ? Accept(await request.ConfigureAwait(false)) : null;

        /// <summary>The request for the next page (the one read ahead, if any), or null once the listing is complete.</summary>
        private Task<JobPage<T>>? Request()
        {
            if (repeatedToken != null)
            {
                throw PagingException.TokenRepeated(repeatedToken, Position.Pages);
            }

            if (lastPageTaken || budget.IsSatisfied)
            {
                return null;
            }

            if (AtPageBound && token is string next)
            {
                throw options.MaxPages > 0
                    ? PagingException.MaxPagesReached(next, Position.Pages)
                    : PagingException.TooManyEmptyPages(next, Position.Pages, EmptyPageBound);
            }

            Position.Token = token;
            var request = ahead ?? Fetch(budget.StillNeeded);
            ahead = null;
            return request;
        }

        /// <summary>Takes a page that arrived: refuses repeated items, counts it, and moves to its token.</summary>
        private JobPage<T> Accept(JobPage<T> page)
        {
            RefuseRepeatedItems(page);
            Position.Pages++;
            emptyPagesInARow = page.Items.Count == 0 ? emptyPagesInARow + 1 : 0;
            if (options.NoAutoIteration || page.NextToken is null)
            {
                lastPageTaken = true;
            }
            else if (!seenTokens.Add(page.NextToken))
            {
                repeatedToken = page.NextToken;
            }
            else
            {
                token = page.NextToken;
            }

            return page;
        }

        /// <summary>
        /// Sends the request for the page after the one being written, unless the listing ends with this page
        /// or -First will be met from the <paramref name="itemsLeft"/> items this page still holds.
        /// </summary>
        public void ReadAhead(int itemsLeft)
        {
            if (ahead != null || lastPageTaken || repeatedToken != null || AtPageBound)
            {
                return;
            }

            ulong? needed = budget.StillNeeded;
            if (needed is ulong n && n <= (ulong)itemsLeft)
            {
                return;
            }

            ahead = Fetch(needed - (ulong)itemsLeft);
        }

        /// <summary>Cancels a read-ahead that was not taken (the pipeline stopped, or the listing failed).</summary>
        public void Dispose()
        {
            if (ahead is null)
            {
                cancellation.Dispose();
                return;
            }

            // The request may still be unwinding: observe its end (and its error, if any) before letting go.
            cancellation.Cancel();
            var source = cancellation;
            ahead.ContinueWith(abandoned => { _ = abandoned.Exception; source.Dispose(); }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            ahead = null;
        }

        /// <summary>Fails before any item of the page is handed out if one of them was fetched before.</summary>
        private void RefuseRepeatedItems(JobPage<T> page)
        {
            foreach (var item in page.Items)
            {
                if (idOf(item) is string id && !seenItems.Add(id))
                {
                    throw PagingException.ItemRepeated(id, Position.Token, Position.Pages);
                }
            }
        }

        /// <summary>
        /// The request for the page at the current token. The budget may be read from another thread than the
        /// one that spends it (a fan-out): met meanwhile, it asks for nothing less than one item.
        /// </summary>
        private Task<JobPage<T>> Fetch(ulong? stillNeeded)
        {
            int size = options.PageSize;
            if (options.ShrinkLastPage && stillNeeded is ulong needed && needed > 0 && needed < (ulong)size)
            {
                size = (int)needed;
            }

            return fetch(token, size, cancellation.Token);
        }
    }
}
