using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace JobTools.Completion
{
    /// <summary>How a cached lookup was answered.</summary>
    internal enum CacheOutcome
    {
        /// <summary>A fetch made for this lookup answered within the wait.</summary>
        Fetched,

        /// <summary>A fresh entry answered.</summary>
        Cached,

        /// <summary>An entry past its freshness answered; a refresh runs in the background.</summary>
        Refreshing,

        /// <summary>The fetch did not answer within the wait; it goes on in the background for the next lookup.</summary>
        Pending,

        /// <summary>The fetch failed, now or a moment ago.</summary>
        Failed,
    }

    /// <summary>What a fetch found (<paramref name="Candidates"/>) or why it failed (<paramref name="Error"/>), and where it asked, never a secret.</summary>
    internal sealed record FetchResult(CandidateList? Candidates, string? Error, string? Source);

    /// <summary>The answer to one lookup; <paramref name="Age"/> is how old the values are.</summary>
    internal sealed record CacheAnswer(CacheOutcome Outcome, CandidateList? Candidates, string? Error, string? Source, TimeSpan Age);

    /// <summary>
    /// What live completion fetched, by listing, filter and settings. An entry is fresh for <see cref="FreshFor"/>;
    /// after that, up to <see cref="KeepFor"/>, it still answers at once while one refresh runs in the background.
    /// A failure is remembered for <see cref="FailureFor"/>, so Tab after Tab does not wait on a service that is
    /// down. A fetch that outlives the caller's wait goes on in the background (up to <see cref="FetchLimit"/>)
    /// and fills the entry for the next lookup; lookups meanwhile wait on that same fetch, never start another.
    /// At most <see cref="Capacity"/> entries: the least recently used goes first. Thread-safe.
    /// </summary>
    internal sealed class CompletionCache
    {
        public const int Capacity = 64;
        public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(1);
        public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
        public static readonly TimeSpan FailureFor = TimeSpan.FromSeconds(10);
        public static readonly TimeSpan FetchLimit = TimeSpan.FromSeconds(30);

        public static readonly CompletionCache Shared = new CompletionCache(TimeProvider.System);

        private readonly TimeProvider time;
        private readonly object gate = new object();
        private readonly Dictionary<string, Entry> entries = new Dictionary<string, Entry>(StringComparer.Ordinal);

        public CompletionCache(TimeProvider time)
        {
            this.time = time;
        }

        /// <summary>
        /// Answers from the entry for <paramref name="key"/>, or from a complete, fresh entry for one of
        /// <paramref name="broaderKeys"/> (a listing whose filter takes in this one's); otherwise fetches, waiting
        /// at most <paramref name="wait"/>.
        /// </summary>
        public CacheAnswer Get(string key, IEnumerable<string> broaderKeys, Func<CancellationToken, Task<FetchResult>> fetch, TimeSpan wait)
        {
            Task<FetchResult> pending;
            lock (gate)
            {
                long now = time.GetTimestamp();
                foreach (string broader in broaderKeys)
                {
                    if (entries.TryGetValue(broader, out var wider) && wider.Good is { Candidates.Complete: true } found && Age(wider.GoodAt, now) < FreshFor)
                    {
                        wider.LastUsed = now;
                        return new CacheAnswer(CacheOutcome.Cached, found.Candidates, null, found.Source, Age(wider.GoodAt, now));
                    }
                }

                var entry = Find(key, now);
                if (entry.Good is FetchResult good)
                {
                    var age = Age(entry.GoodAt, now);
                    if (age < FreshFor)
                    {
                        return new CacheAnswer(CacheOutcome.Cached, good.Candidates, null, good.Source, age);
                    }

                    if (age < KeepFor)
                    {
                        entry.InFlight ??= Start(entry, fetch);
                        return new CacheAnswer(CacheOutcome.Refreshing, good.Candidates, entry.Failure?.Error, good.Source, age);
                    }

                    entry.Good = null;
                }

                if (entry.InFlight is null && entry.Failure is FetchResult failure && Age(entry.FailureAt, now) < FailureFor)
                {
                    return new CacheAnswer(CacheOutcome.Failed, null, failure.Error, failure.Source, Age(entry.FailureAt, now));
                }

                pending = entry.InFlight ??= Start(entry, fetch);
            }

            if (!pending.Wait(wait < TimeSpan.Zero ? TimeSpan.Zero : wait))
            {
                return new CacheAnswer(CacheOutcome.Pending, null, null, null, TimeSpan.Zero);
            }

            var result = pending.Result;
            return result.Error is null
                ? new CacheAnswer(CacheOutcome.Fetched, result.Candidates, null, result.Source, TimeSpan.Zero)
                : new CacheAnswer(CacheOutcome.Failed, null, result.Error, result.Source, TimeSpan.Zero);
        }

        private TimeSpan Age(long since, long now) => time.GetElapsedTime(since, now);

        /// <summary>The entry for the key, made room for when new. Called under the lock.</summary>
        private Entry Find(string key, long now)
        {
            if (!entries.TryGetValue(key, out var entry))
            {
                if (entries.Count >= Capacity
                    && entries.Where(e => e.Value.InFlight is null).OrderBy(e => e.Value.LastUsed).Select(e => e.Key).FirstOrDefault() is string oldest)
                {
                    entries.Remove(oldest);
                }

                entry = new Entry();
                entries[key] = entry;
            }

            entry.LastUsed = now;
            return entry;
        }

        /// <summary>Starts a fetch on the thread pool that never throws and files its result in the entry. Called under the lock.</summary>
        private Task<FetchResult> Start(Entry entry, Func<CancellationToken, Task<FetchResult>> fetch) => Task.Run(async () =>
        {
            FetchResult result;
            using (var limit = new CancellationTokenSource(FetchLimit, time))
            {
                try
                {
                    result = await fetch(limit.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (limit.IsCancellationRequested)
                {
                    result = new FetchResult(null, $"No answer within {FetchLimit.TotalSeconds:F0} s; the request was abandoned.", null);
                }
                catch (Exception ex)
                {
                    result = new FetchResult(null, ex.Message, null);
                }
            }

            lock (gate)
            {
                entry.InFlight = null;
                if (result.Error is null)
                {
                    entry.Good = result;
                    entry.GoodAt = time.GetTimestamp();
                    entry.Failure = null;
                }
                else
                {
                    entry.Failure = result;
                    entry.FailureAt = time.GetTimestamp();
                }
            }

            return result;
        });

        private sealed class Entry
        {
            public FetchResult? Good { get; set; }

            public long GoodAt { get; set; }

            /// <summary>The last failure since the last success.</summary>
            public FetchResult? Failure { get; set; }

            public long FailureAt { get; set; }

            public Task<FetchResult>? InFlight { get; set; }

            public long LastUsed { get; set; }
        }
    }
}
