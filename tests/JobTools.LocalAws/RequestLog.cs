using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace JobTools.LocalAws
{
    /// <summary>Every request the endpoint answered, in arrival order. Thread-safe.</summary>
    public sealed class RequestLog
    {
        private readonly object gate = new();
        private readonly List<RecordedRequest> requests = new();
        private int arrived;

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

        internal void Arrive() => Interlocked.Increment(ref arrived);

        internal void Add(RecordedRequest request)
        {
            lock (gate)
            {
                requests.Add(request);
            }
        }
    }
}
