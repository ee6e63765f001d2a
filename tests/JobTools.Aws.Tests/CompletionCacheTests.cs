using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using JobTools.Completion;

namespace JobTools.Aws.Tests
{
    /// <summary>The live completion cache on a clock the test moves: fresh, stale-while-refreshing, remembered failures, one fetch at a time, bounded.</summary>
    public sealed class CompletionCacheTests
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
        private readonly ManualClock clock = new ManualClock();
        private int fetches;

        [Fact]
        public void AFreshEntryAnswersWithoutFetching()
        {
            var cache = new CompletionCache(clock);

            var first = cache.Get("k", Array.Empty<string>(), Values("a"), Wait);
            clock.Advance(CompletionCache.FreshFor - TimeSpan.FromSeconds(1));
            var second = cache.Get("k", Array.Empty<string>(), Values("b"), Wait);

            Assert.Equal(CacheOutcome.Fetched, first.Outcome);
            Assert.Equal(CacheOutcome.Cached, second.Outcome);
            Assert.Equal("a", second.Candidates!.Items.Single().Value);
            Assert.Equal(1, fetches);
        }

        [Fact]
        public async Task AStaleEntryAnswersAtOnceWhileOneRefreshRunsInTheBackground()
        {
            var cache = new CompletionCache(clock);
            cache.Get("k", Array.Empty<string>(), Values("old"), Wait);
            clock.Advance(CompletionCache.FreshFor + TimeSpan.FromSeconds(1));
            var release = new TaskCompletionSource();

            var stale = cache.Get("k", Array.Empty<string>(), Blocked(release, "new"), TimeSpan.Zero);
            var stillStale = cache.Get("k", Array.Empty<string>(), Blocked(release, "newer"), TimeSpan.Zero);
            release.SetResult();
            await WaitForAsync(() => cache.Get("k", Array.Empty<string>(), Values("unused"), Wait).Outcome == CacheOutcome.Cached);
            var refreshed = cache.Get("k", Array.Empty<string>(), Values("unused"), Wait);

            Assert.Equal(CacheOutcome.Refreshing, stale.Outcome);
            Assert.Equal("old", stale.Candidates!.Items.Single().Value);
            Assert.Equal(CacheOutcome.Refreshing, stillStale.Outcome);
            Assert.Equal("new", refreshed.Candidates!.Items.Single().Value);
            Assert.Equal(2, fetches);
        }

        [Fact]
        public async Task AFetchSlowerThanTheWaitGoesOnAndAnswersTheNextLookup()
        {
            var cache = new CompletionCache(clock);
            var release = new TaskCompletionSource();

            var pending = cache.Get("k", Array.Empty<string>(), Blocked(release, "late"), TimeSpan.FromMilliseconds(50));
            var stillPending = cache.Get("k", Array.Empty<string>(), Values("second"), TimeSpan.FromMilliseconds(50));
            release.SetResult();
            await WaitForAsync(() => cache.Get("k", Array.Empty<string>(), Values("unused"), TimeSpan.Zero).Outcome == CacheOutcome.Cached);
            var answered = cache.Get("k", Array.Empty<string>(), Values("unused"), TimeSpan.Zero);

            Assert.Equal(CacheOutcome.Pending, pending.Outcome);
            Assert.Null(pending.Candidates);
            Assert.Equal(CacheOutcome.Pending, stillPending.Outcome);
            Assert.Equal("late", answered.Candidates!.Items.Single().Value);
            Assert.Equal(1, fetches);
        }

        [Fact]
        public void AFailureIsRememberedBrieflyThenAskedAgain()
        {
            var cache = new CompletionCache(clock);

            var failed = cache.Get("k", Array.Empty<string>(), Throws("ListClusters failed: AccessDeniedException"), Wait);
            clock.Advance(CompletionCache.FailureFor - TimeSpan.FromSeconds(1));
            var remembered = cache.Get("k", Array.Empty<string>(), Values("a"), Wait);
            clock.Advance(TimeSpan.FromSeconds(2));
            var retried = cache.Get("k", Array.Empty<string>(), Values("a"), Wait);

            Assert.Equal(CacheOutcome.Failed, failed.Outcome);
            Assert.Equal("ListClusters failed: AccessDeniedException", failed.Error);
            Assert.Equal(CacheOutcome.Failed, remembered.Outcome);
            Assert.True(remembered.Age > TimeSpan.Zero);
            Assert.Equal(CacheOutcome.Fetched, retried.Outcome);
            Assert.Equal(2, fetches);
        }

        [Fact]
        public async Task AFailedRefreshKeepsTheOldValuesAndSaysSo()
        {
            var cache = new CompletionCache(clock);
            cache.Get("k", Array.Empty<string>(), Values("old"), Wait);
            clock.Advance(CompletionCache.FreshFor + TimeSpan.FromSeconds(1));

            cache.Get("k", Array.Empty<string>(), Throws("ExpiredTokenException"), TimeSpan.Zero);
            await WaitForAsync(() => cache.Get("k", Array.Empty<string>(), Throws("again"), TimeSpan.Zero).Error != null);
            var answer = cache.Get("k", Array.Empty<string>(), Throws("again"), TimeSpan.Zero);

            Assert.Equal(CacheOutcome.Refreshing, answer.Outcome);
            Assert.Equal("old", answer.Candidates!.Items.Single().Value);
            Assert.NotNull(answer.Error);
        }

        [Fact]
        public void AnEntryPastItsKeepingTimeIsFetchedAnew()
        {
            var cache = new CompletionCache(clock);
            cache.Get("k", Array.Empty<string>(), Values("old"), Wait);
            clock.Advance(CompletionCache.KeepFor + TimeSpan.FromSeconds(1));

            var answer = cache.Get("k", Array.Empty<string>(), Values("new"), Wait);

            Assert.Equal(CacheOutcome.Fetched, answer.Outcome);
            Assert.Equal("new", answer.Candidates!.Items.Single().Value);
        }

        [Fact]
        public void ACompleteFreshBroaderListingAnswersANarrowerKey()
        {
            var cache = new CompletionCache(clock);
            cache.Get("fleet", Array.Empty<string>(), Values("fleet-a", "fleet-b"), Wait);
            cache.Get("lab", Array.Empty<string>(), Truncated("lab:1"), Wait);

            var narrower = cache.Get("fleet-a", new[] { "fleet-", "fleet" }, Values("unused"), Wait);
            var truncated = cache.Get("lab:", new[] { "lab" }, Values("lab:2"), Wait);

            Assert.Equal(CacheOutcome.Cached, narrower.Outcome);
            Assert.Equal(new[] { "fleet-a", "fleet-b" }, narrower.Candidates!.Items.Select(c => c.Value));
            Assert.Equal(CacheOutcome.Fetched, truncated.Outcome);
            Assert.Equal(3, fetches);
        }

        [Fact]
        public void TheLeastRecentlyUsedEntryMakesRoom()
        {
            var cache = new CompletionCache(clock);
            for (int i = 0; i < CompletionCache.Capacity; i++)
            {
                cache.Get("k" + i, Array.Empty<string>(), Values("v"), Wait);
                clock.Advance(TimeSpan.FromMilliseconds(10));
            }

            cache.Get("k0", Array.Empty<string>(), Values("v"), Wait);
            cache.Get("new", Array.Empty<string>(), Values("v"), Wait);
            int before = fetches;
            var kept = cache.Get("k0", Array.Empty<string>(), Values("v"), Wait);
            var dropped = cache.Get("k1", Array.Empty<string>(), Values("v"), Wait);

            Assert.Equal(CacheOutcome.Cached, kept.Outcome);
            Assert.Equal(CacheOutcome.Fetched, dropped.Outcome);
            Assert.Equal(before + 1, fetches);
        }

        private static async Task WaitForAsync(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "the background fetch did not finish");
                await Task.Delay(10);
            }
        }

        private Func<CancellationToken, Task<FetchResult>> Values(params string[] values) => _ =>
        {
            Interlocked.Increment(ref fetches);
            return Task.FromResult(Result(values, complete: true));
        };

        private Func<CancellationToken, Task<FetchResult>> Truncated(params string[] values) => _ =>
        {
            Interlocked.Increment(ref fetches);
            return Task.FromResult(Result(values, complete: false));
        };

        private Func<CancellationToken, Task<FetchResult>> Blocked(TaskCompletionSource release, params string[] values) => async _ =>
        {
            Interlocked.Increment(ref fetches);
            await release.Task;
            return Result(values, complete: true);
        };

        private Func<CancellationToken, Task<FetchResult>> Throws(string message) => _ =>
        {
            Interlocked.Increment(ref fetches);
            throw new InvalidOperationException(message);
        };

        private static FetchResult Result(string[] values, bool complete) =>
            new FetchResult(new CandidateList(values.Select(v => new CompletionCandidate(v, "tip " + v)).ToList(), complete), null, "test");

        /// <summary>A clock that moves only when the test says so.</summary>
        private sealed class ManualClock : TimeProvider
        {
            private long ticks;

            public override long TimestampFrequency => TimeSpan.TicksPerSecond;

            public override long GetTimestamp() => Interlocked.Read(ref ticks);

            public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
        }
    }
}
