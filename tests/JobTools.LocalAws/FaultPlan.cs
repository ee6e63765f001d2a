using System;
using System.Collections.Generic;
using System.Text;

namespace JobTools.LocalAws
{
    /// <summary>
    /// Faults to inject, switchable during a test. Thread-safe.
    /// Request numbers count the requests for every data operation (ListClusterJobs, ListClusters, ListJobs, ListThingGroups, DescribeJob) together from 1, faulted ones included
    /// (requests refused for their signature, their region or an unknown operation do not count). Page numbers count the pages answered without a fault,
    /// across every listing. Neither count restarts on <see cref="Clear"/> or <see cref="RequestLog.Clear"/>.
    /// </summary>
    public sealed class FaultPlan
    {
        private readonly object gate = new();
        private readonly Dictionary<int, ThrottleStyle> throttled = new();
        private readonly HashSet<int> dropped = new();
        private readonly HashSet<int> malformed = new();
        private readonly Dictionary<int, int> repeatedTokens = new();
        private readonly HashSet<string> refusedRegions = new(StringComparer.Ordinal);
        private Func<string, string>? rewrite;
        private Random? random;
        private double throttleRate;
        private double unavailableRate;
        private TimeSpan delay;

        /// <summary>Throttles the numbered requests in the given style, whichever service they are for.</summary>
        public void ThrottleRequests(IEnumerable<int> requestNumbers, ThrottleStyle style)
        {
            lock (gate)
            {
                foreach (int number in requestNumbers)
                {
                    throttled[number] = style;
                }
            }
        }

        /// <summary>Throttles (in the service's own style) and answers 503 at these rates, reproducibly for a seed.</summary>
        public void RandomFaults(double throttleRate, double unavailableRate, int seed)
        {
            lock (gate)
            {
                this.throttleRate = throttleRate;
                this.unavailableRate = unavailableRate;
                random = new Random(seed);
            }
        }

        /// <summary>Sends the headers and part of the body, then aborts the connection.</summary>
        public void DropConnectionOn(int requestNumber)
        {
            lock (gate)
            {
                dropped.Add(requestNumber);
            }
        }

        /// <summary>Answers 200 with a truncated JSON body.</summary>
        public void MalformedBodyOn(int requestNumber)
        {
            lock (gate)
            {
                malformed.Add(requestNumber);
            }
        }

        /// <summary>
        /// Passes the JSON text of every page answered with 200 through <paramref name="rewrite"/>, for pages of
        /// another shape or one odd value in one job; a rewrite that keys on a page's content hits it again on
        /// every retry. The page's token stays usable.
        /// </summary>
        public void RewritePages(Func<string, string> rewrite)
        {
            lock (gate)
            {
                this.rewrite = rewrite;
            }
        }

        /// <summary>Delays every data response; a client that gives up, or disposing the endpoint, ends the wait.</summary>
        public void DelayAll(TimeSpan delay)
        {
            lock (gate)
            {
                this.delay = delay;
            }
        }

        /// <summary>Page <paramref name="pageNumber"/> carries the token page <paramref name="repeatsPageNumber"/> carried.</summary>
        public void RepeatTokenOn(int pageNumber, int repeatsPageNumber)
        {
            lock (gate)
            {
                repeatedTokens[pageNumber] = repeatsPageNumber;
            }
        }

        /// <summary>
        /// Answers every Snowball and IoT request signed for <paramref name="region"/> (the region of its SigV4 credential
        /// scope) as AWS answers one for an opt-in region the account has not enabled, whatever its signature:
        /// 403 UnrecognizedClientException, "The security token included in the request is invalid.". STS is not refused.
        /// </summary>
        public void RefuseRegion(string region)
        {
            lock (gate)
            {
                refusedRegions.Add(region);
            }
        }

        /// <summary>Removes every fault, refused region and the delay.</summary>
        public void Clear()
        {
            lock (gate)
            {
                throttled.Clear();
                dropped.Clear();
                malformed.Clear();
                repeatedTokens.Clear();
                refusedRegions.Clear();
                rewrite = null;
                random = null;
                delay = TimeSpan.Zero;
            }
        }

        internal TimeSpan Delay
        {
            get
            {
                lock (gate)
                {
                    return delay;
                }
            }
        }

        internal bool Refuses(string? region)
        {
            lock (gate)
            {
                return region != null && refusedRegions.Contains(region);
            }
        }

        internal FaultDecision Decide(int requestNumber, ThrottleStyle nativeStyle)
        {
            lock (gate)
            {
                if (throttled.TryGetValue(requestNumber, out var style))
                {
                    return new FaultDecision(FaultKind.Throttle, style);
                }

                if (dropped.Contains(requestNumber))
                {
                    return new FaultDecision(FaultKind.DropConnection, null);
                }

                if (malformed.Contains(requestNumber))
                {
                    return new FaultDecision(FaultKind.MalformedBody, null);
                }

                if (random != null)
                {
                    double roll = random.NextDouble();
                    if (roll < throttleRate)
                    {
                        return new FaultDecision(FaultKind.Throttle, nativeStyle);
                    }

                    if (roll < throttleRate + unavailableRate)
                    {
                        return new FaultDecision(FaultKind.Unavailable, null);
                    }
                }

                return FaultDecision.None;
            }
        }

        internal byte[] Rewritten(byte[] page)
        {
            Func<string, string>? apply;
            lock (gate)
            {
                apply = rewrite;
            }

            return apply is null ? page : Encoding.UTF8.GetBytes(apply(Encoding.UTF8.GetString(page)));
        }

        internal int? RepeatedTokenSource(int pageNumber)
        {
            lock (gate)
            {
                return repeatedTokens.TryGetValue(pageNumber, out int source) ? source : null;
            }
        }
    }
}
