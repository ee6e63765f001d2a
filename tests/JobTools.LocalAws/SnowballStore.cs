using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace JobTools.LocalAws
{
    /// <summary>The clusters the endpoint serves; a cluster's listing order is insertion order. Thread-safe.</summary>
    public sealed class SnowballStore
    {
        public const string SeedClusterId = "CID123e4567-e89b-12d3-a456-426655440000";

        private readonly ConcurrentDictionary<string, IReadOnlyList<SnowballJobRecord>> clusters = new(StringComparer.Ordinal);

        /// <summary>A valid, deterministic cluster id: CID followed by a lower-case UUID derived from <paramref name="n"/>.</summary>
        public static string NewClusterId(int n) => $"CID{n:x8}-0000-4000-8000-{n:x12}";

        /// <summary>The five jobs of the API reference's example, under <see cref="SeedClusterId"/>.</summary>
        public void AddSeedCluster()
        {
            var created = new DateTimeOffset(2016, 11, 30, 3, 12, 5, 335, TimeSpan.Zero);
            AddCluster(SeedClusterId, Enumerable.Range(0, 5).Select(i => new SnowballJobRecord(
                $"JID123e4567-e89b-12d3-a456-42665544000{i}",
                "New",
                false,
                "LOCAL_USE",
                "EDGE",
                i == 0 ? created.AddSeconds(-1) : created,
                $"MyClustrer-node-00{i + 1}")));
        }

        /// <summary>Adds or replaces a cluster.</summary>
        public void AddCluster(string clusterId, IEnumerable<SnowballJobRecord> jobs) => clusters[clusterId] = jobs.ToList();

        /// <summary>
        /// Adds a cluster of deterministic jobs (the same for the same id, count and seed): the first jobs cover every
        /// state and device type, the rest are drawn at random; timestamps have milliseconds; every seventh job has no description.
        /// </summary>
        public IReadOnlyList<SnowballJobRecord> AddGeneratedCluster(string clusterId, int count, int seed = 1)
        {
            int clusterHash = StableHash(clusterId);
            var random = new Random(HashCode.Combine(seed, clusterHash) & int.MaxValue);
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var jobs = Enumerable.Range(0, count).Select(i => new SnowballJobRecord(
                $"JID{seed & 0xFFFF:x4}{clusterHash & 0xFFFF:x4}-{(i >> 16) & 0xFFFF:x4}-4000-8000-{i:x12}",
                Pick(ServiceEnums.JobStates, i, random),
                random.Next(10) == 0,
                Pick(ServiceEnums.JobTypes, i, random),
                Pick(ServiceEnums.SnowballTypes, i, random),
                start.AddSeconds(i * 37).AddMilliseconds(random.Next(1000)),
                i % 7 == 3 ? null : $"Generated job {i} of {clusterId}")).ToList();
            AddCluster(clusterId, jobs);
            return jobs;
        }

        /// <summary>The cluster's jobs in listing order; empty for an unknown cluster.</summary>
        public IReadOnlyList<SnowballJobRecord> Jobs(string clusterId) =>
            clusters.TryGetValue(clusterId, out var jobs) ? jobs : Array.Empty<SnowballJobRecord>();

        internal bool TryGet(string clusterId, out IReadOnlyList<SnowballJobRecord> jobs) => clusters.TryGetValue(clusterId, out jobs!);

        /// <summary>Every value in turn first, then random ones.</summary>
        private static string Pick(IReadOnlyList<string> values, int index, Random random) =>
            values[index < values.Count ? index : random.Next(values.Count)];

        /// <summary>string.GetHashCode differs between processes; generated data must not.</summary>
        private static int StableHash(string text) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
