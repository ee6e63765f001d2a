using System.Collections.Generic;
using System.Linq;

namespace JobTools.LocalAws
{
    /// <summary>Every request the endpoint answered, in arrival order. Thread-safe.</summary>
    public sealed class RequestLog
    {
        private readonly object gate = new();
        private readonly List<RecordedRequest> requests = new();

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

        internal void Add(RecordedRequest request)
        {
            lock (gate)
            {
                requests.Add(request);
            }
        }
    }
}
