using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using JobTools.Paging;
using JobTools.Services;

namespace JobTools.FanOut
{
    /// <summary>
    /// Lists several sources at once, at most <c>throttleLimit</c> of them running, each an independent chain of
    /// pages on the thread pool. Nothing here writes: every page, retry and failure is queued as a
    /// <see cref="SourceEvent"/> for the pipeline thread, which takes them with <see cref="Next"/>. A source
    /// fetches its next page while its last one waits to be written, and queues it only once that one was
    /// written, so memory holds at most two pages per running source however many sources there are.
    /// <see cref="Cancel"/> (the budget met, an error that stops the command, Ctrl+C) cancels every request in flight.
    /// </summary>
    internal sealed class FanOutListing<T> : IDisposable
    {
        private readonly Channel<SourceEvent> events = Channel.CreateUnbounded<SourceEvent>(new UnboundedChannelOptions { SingleReader = true });
        private readonly Queue<Func<Task>> waiting = new Queue<Func<Task>>();
        private readonly int throttleLimit;
        private readonly CancellationTokenSource cancellation;
        private readonly OutputBudget budget;
        private readonly object gate = new object();
        private int running;
        private int active;
        private bool closed;

        public FanOutListing(int throttleLimit, OutputBudget budget, CancellationToken stopToken)
        {
            this.throttleLimit = throttleLimit;
            this.budget = budget;
            cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        }

        /// <summary>Starts a source: it runs as soon as fewer than the throttle limit do, after those started before it.</summary>
        public void Start(ListingSource source, Func<IRetryObserver, IJobService> connect, Func<IJobService, PageFetch<T>> fetch, Func<T, string?> idOf, PagingOptions options)
        {
            var run = new SourceRun(source);
            lock (gate)
            {
                running++;
                waiting.Enqueue(() => RunAsync(run, connect, fetch, idOf, options));
                StartWaiting();
            }
        }

        /// <summary>No more sources will be started: <see cref="Next"/> returns null once those started have ended.</summary>
        public void Close()
        {
            lock (gate)
            {
                closed = true;
                if (running == 0)
                {
                    events.Writer.TryComplete();
                }
            }
        }

        /// <summary>
        /// The next event; with <paramref name="wait"/>, blocks for it (null once closed and every source ended),
        /// otherwise null when none is queued. Throws OperationCanceledException once cancelled.
        /// </summary>
        public SourceEvent? Next(bool wait)
        {
            while (true)
            {
                cancellation.Token.ThrowIfCancellationRequested();
                if (events.Reader.TryRead(out var queued))
                {
                    return queued;
                }

                if (!wait || !events.Reader.WaitToReadAsync(cancellation.Token).AsTask().GetAwaiter().GetResult())
                {
                    return null;
                }
            }
        }

        /// <summary>Stops every source and cancels the requests in flight; the sources end on their own.</summary>
        public void Cancel() => cancellation.Cancel();

        public void Dispose()
        {
            // The sources' tasks may still be unwinding and hold the token: cancel, and let them end on their own.
            cancellation.Cancel();
        }

        /// <summary>Starts waiting sources, in the order started, while fewer than the throttle limit run. Called under the gate.</summary>
        private void StartWaiting()
        {
            while (active < throttleLimit && waiting.Count > 0)
            {
                active++;
                _ = Task.Run(waiting.Dequeue());
            }
        }

        private async Task RunAsync(SourceRun run, Func<IRetryObserver, IJobService> connect, Func<IJobService, PageFetch<T>> fetch, Func<T, string?> idOf, PagingOptions options)
        {
            var token = cancellation.Token;
            Exception? failure = null;
            try
            {
                token.ThrowIfCancellationRequested();
                using var service = connect(new Relay(this, run));
                run.Connection = service.Connection;
                events.Writer.TryWrite(new SourceConnected(run));
                using var pager = new Pager<T>(fetch(service), idOf, options, budget, token);
                run.Position = pager.Position;
                bool first = true;
                while (await pager.NextAsync().ConfigureAwait(false) is JobPage<T> page)
                {
                    if (!first)
                    {
                        await run.PageTaken.WaitAsync(token).ConfigureAwait(false);
                    }

                    first = false;
                    events.Writer.TryWrite(new SourcePage<T>(run, page));
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Cancelled: the pipeline thread takes no more events.
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                events.Writer.TryWrite(new SourceEnded(run, failure));
                lock (gate)
                {
                    running--;
                    active--;
                    StartWaiting();
                    if (closed && running == 0)
                    {
                        events.Writer.TryComplete();
                    }
                }
            }
        }

        /// <summary>Queues a source's retry notices for the pipeline thread.</summary>
        private sealed class Relay : IRetryObserver
        {
            private readonly FanOutListing<T> owner;
            private readonly SourceRun run;

            public Relay(FanOutListing<T> owner, SourceRun run)
            {
                this.owner = owner;
                this.run = run;
            }

            public void Retrying(RetryNotice notice) => owner.events.Writer.TryWrite(new SourceRetry(run, notice));
        }
    }
}
