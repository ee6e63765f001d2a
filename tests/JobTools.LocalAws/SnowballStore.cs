using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace JobTools.LocalAws
{
    /// <summary>
    /// The clusters the endpoint serves, listed (ListClusters) in the order they were first added, each with its
    /// jobs in insertion order. Thread-safe.
    /// </summary>
    public sealed class SnowballStore
    {
        public const string SeedClusterId = "CID123e4567-e89b-12d3-a456-426655440000";

        private readonly ConcurrentDictionary<string, IReadOnlyList<SnowballJobRecord>> clusters = new(StringComparer.Ordinal);
        private readonly object gate = new();
        private readonly List<SnowballClusterRecord> listing = new();

        /// <summary>A valid, deterministic cluster id: CID followed by a lower-case UUID derived from <paramref name="n"/>.</summary>
        public static string NewClusterId(int n) => $"CID{n:x8}-0000-4000-8000-{n:x12}";

        /// <summary>
        /// The cluster of the ListClusters example (Pending, MyCluster) with the five jobs of the ListClusterJobs
        /// example, under <see cref="SeedClusterId"/>.
        /// </summary>
        public void AddSeedCluster()
        {
            var created = new DateTimeOffset(2016, 11, 30, 3, 12, 5, 335, TimeSpan.Zero);
            var cluster = new SnowballClusterRecord(SeedClusterId, "Pending", DateTimeOffset.FromUnixTimeSeconds(1480475517), "MyCluster");
            AddCluster(cluster, Enumerable.Range(0, 5).Select(i => new SnowballJobRecord(
                $"JID123e4567-e89b-12d3-a456-42665544000{i}",
                "New",
                false,
                "LOCAL_USE",
                "EDGE",
                i == 0 ? created.AddSeconds(-1) : created,
                $"MyClustrer-node-00{i + 1}")));
        }

        /// <summary>Adds or replaces a cluster, with a state, creation date and description derived from its id.</summary>
        public void AddCluster(string clusterId, IEnumerable<SnowballJobRecord> jobs) => AddCluster(DescribeCluster(clusterId), jobs);

        /// <summary>Adds or replaces a cluster; a replaced one keeps its place in the listing.</summary>
        public void AddCluster(SnowballClusterRecord cluster, IEnumerable<SnowballJobRecord> jobs)
        {
            lock (gate)
            {
                int index = listing.FindIndex(c => c.ClusterId == cluster.ClusterId);
                if (index < 0)
                {
                    listing.Add(cluster);
                }
                else
                {
                    listing[index] = cluster;
                }

                clusters[cluster.ClusterId] = jobs.ToList();
            }
        }

        /// <summary>
        /// Adds <paramref name="count"/> clusters of <paramref name="jobsEach"/> generated jobs, with ids
        /// <see cref="NewClusterId"/>(<paramref name="firstNumber"/>) onwards and the cluster states in turn;
        /// returns them in listing order.
        /// </summary>
        public IReadOnlyList<SnowballClusterRecord> AddGeneratedClusters(int count, int jobsEach = 0, int firstNumber = 1)
        {
            var added = new List<SnowballClusterRecord>(count);
            for (int i = 0; i < count; i++)
            {
                string clusterId = NewClusterId(firstNumber + i);
                var cluster = DescribeCluster(clusterId) with { ClusterState = ServiceEnums.ClusterStates[i % ServiceEnums.ClusterStates.Count] };
                AddCluster(cluster, AddGeneratedCluster(clusterId, jobsEach));
                added.Add(cluster);
            }

            return added;
        }

        /// <summary>Every cluster in listing order.</summary>
        public IReadOnlyList<SnowballClusterRecord> Clusters
        {
            get
            {
                lock (gate)
                {
                    return listing.ToList();
                }
            }
        }

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

        /// <summary>
        /// A deterministic cluster entry for an id: the state drawn from the id's hash, a creation date with
        /// milliseconds, and a description except for every fifth hash.
        /// </summary>
        private static SnowballClusterRecord DescribeCluster(string clusterId)
        {
            int hash = StableHash(clusterId) & int.MaxValue;
            var created = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(hash % 500_000).AddMilliseconds(hash % 1000);
            return new SnowballClusterRecord(
                clusterId,
                ServiceEnums.ClusterStates[hash % ServiceEnums.ClusterStates.Count],
                created,
                hash % 5 == 0 ? null : $"Generated cluster {clusterId[3..11]}");
        }

        /// <summary>Every value in turn first, then random ones.</summary>
        private static string Pick(IReadOnlyList<string> values, int index, Random random) =>
            values[index < values.Count ? index : random.Next(values.Count)];

        /// <summary>string.GetHashCode differs between processes; generated data must not.</summary>
        private static int StableHash(string text) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
