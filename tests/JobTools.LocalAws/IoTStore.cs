using System;
using System.Collections.Generic;
using System.Linq;

namespace JobTools.LocalAws
{
    /// <summary>The IoT jobs the endpoint serves; listing order is insertion order.</summary>
    public sealed class IoTStore
    {
        private static readonly string[] Statuses = { "IN_PROGRESS", "CANCELED", "COMPLETED", "DELETION_IN_PROGRESS", "SCHEDULED" };
        private static readonly (string Name, string Id)[] Groups =
        {
            ("fleet-east", "4f1c2a9e-0b7d-4c52-9a61-1e2f3a4b5c6d"),
            ("fleet-west", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"),
            ("lab:sensors", "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a"),
            ("edge_gateways", "11111111-2222-4333-8444-555555555555"),
        };

        private readonly object gate = new();
        private readonly List<IoTJobRecord> jobs = new();

        public IReadOnlyList<IoTJobRecord> Jobs
        {
            get
            {
                lock (gate)
                {
                    return jobs.ToList();
                }
            }
        }

        public void Add(IEnumerable<IoTJobRecord> records)
        {
            lock (gate)
            {
                jobs.AddRange(records);
            }
        }

        /// <summary>Deterministic jobs in every status and target selection, some in thing groups and namespaces.</summary>
        public IReadOnlyList<IoTJobRecord> AddGenerated(int count, int seed = 1)
        {
            var random = new Random(seed);
            int first;
            lock (gate)
            {
                first = jobs.Count;
            }

            var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var generated = new List<IoTJobRecord>(count);
            for (int i = 0; i < count; i++)
            {
                string status = Statuses[i < Statuses.Length ? i : random.Next(Statuses.Length)];
                var group = random.Next(5) == 0 ? ((string Name, string Id)?)null : Groups[random.Next(Groups.Length)];
                var created = start.AddMinutes((first + i) * 3).AddMilliseconds(random.Next(1000));
                var updated = created.AddSeconds(random.Next(1, 5000)).AddMilliseconds(random.Next(1000));
                string jobId = $"job-{seed}-{first + i:D6}";
                generated.Add(new IoTJobRecord(
                    $"arn:aws:iot:us-east-1:123456789012:job/{jobId}",
                    jobId,
                    group?.Id,
                    group?.Name,
                    random.Next(3) == 0 ? "SNAPSHOT" : "CONTINUOUS",
                    status,
                    created,
                    updated,
                    status is "COMPLETED" or "CANCELED" ? updated : null,
                    i % 4 == 1 ? null : random.Next(2) == 0,
                    i % 6 == 2 ? "AWS" : null));
            }

            Add(generated);
            return generated;
        }
    }
}
