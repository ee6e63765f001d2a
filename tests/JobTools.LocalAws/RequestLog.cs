using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace JobTools.LocalAws
{
    /// <summary>Every request the endpoint answered, in arrival order. Thread-safe.</summary>
    public sealed class RequestLog
    {
        /// <summary>Where <see cref="CountsByRegion"/> counts the requests that named no region.</summary>
        internal const string NoRegion = "none";

        private readonly object gate = new();
        private readonly List<RecordedRequest> requests = new();
        private int arrived;
        private int inFlight;
        private int mostInFlight;

        public IReadOnlyList<RecordedRequest> All
        {
            get
            {
                lock (gate)
                {
                    return requests.ToList();
                }
            }
        }

        /// <summary>Requests that have arrived, answered or not (a slow answer is recorded only when sent).</summary>
        public int Arrived => Volatile.Read(ref arrived);

        public int Count(string operation)
        {
            lock (gate)
            {
                return requests.Count(r => r.Operation == operation);
            }
        }

        public void Clear()
        {
            lock (gate)
            {
                requests.Clear();
            }
        }

        /// <summary>The requests answered so far per operation (the control route's answer).</summary>
        internal Dictionary<string, int> Counts() => ByOperation(All);

        /// <summary>
        /// The requests answered so far per signing region, then per operation (the control route's answer to ?by=region);
        /// requests without a credential scope count under <see cref="NoRegion"/>.
        /// </summary>
        internal Dictionary<string, Dictionary<string, int>> CountsByRegion() =>
            All.GroupBy(r => r.SigningRegion ?? NoRegion).ToDictionary(g => g.Key, ByOperation);

        /// <summary>The most requests that were being handled at the same time: above 1 when a client sent them concurrently.</summary>
        public int MostInFlight => Volatile.Read(ref mostInFlight);

        internal void Arrive() => Interlocked.Increment(ref arrived);

        /// <summary>A request is being handled, until <see cref="Leave"/>.</summary>
        internal void Enter()
        {
            int now = Interlocked.Increment(ref inFlight);
            int most;
            while (now > (most = Volatile.Read(ref mostInFlight)) && Interlocked.CompareExchange(ref mostInFlight, now, most) != most)
            {
            }
        }

        internal void Leave() => Interlocked.Decrement(ref inFlight);

        internal void Add(RecordedRequest request)
        {
            lock (gate)
            {
                requests.Add(request);
            }
        }

        private static Dictionary<string, int> ByOperation(IEnumerable<RecordedRequest> requests) =>
            requests.GroupBy(r => r.Operation).ToDictionary(g => g.Key, g => g.Count());
    }
}
