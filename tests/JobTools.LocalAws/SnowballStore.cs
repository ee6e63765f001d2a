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
    /// The ids this store makes (seed, generated clusters and generated jobs) tell which region it holds: their third
    /// group is <see cref="RegionTag"/> of <see cref="Region"/>, or as it was before regions (12d3 for the seed, 4000
    /// for generated ids) in the endpoint's default store.
    /// </summary>
    public sealed class SnowballStore
    {
        public const string SeedClusterId = "CID123e4567-e89b-12d3-a456-426655440000";

        private readonly ConcurrentDictionary<string, IReadOnlyList<SnowballJobRecord>> clusters = new(StringComparer.Ordinal);
        private readonly object gate = new();
        private readonly List<SnowballClusterRecord> listing = new();

        /// <param name="region">The region whose own data the store holds; null for the endpoint's default store.</param>
        public SnowballStore(string? region = null)
        {
            Region = region;
        }

        /// <summary>The region whose own data the store holds; null for the endpoint's default store.</summary>
        public string? Region { get; }

        /// <summary>A valid, deterministic cluster id: CID followed by a lower-case UUID derived from <paramref name="n"/>.</summary>
        public static string NewClusterId(int n) => NewClusterId(n, region: null);

        /// <summary>
        /// <see cref="NewClusterId(int)"/> as a store of <paramref name="region"/> makes it: its third group is
        /// <see cref="RegionTag"/>(<paramref name="region"/>), or 4000 without a region.
        /// </summary>
        public static string NewClusterId(int n, string? region) => $"CID{n:x8}-0000-{Tag(region, "4000")}-8000-{n:x12}";

        /// <summary><see cref="SeedClusterId"/> as a store of <paramref name="region"/> holds it: its third group is the region's tag.</summary>
        public static string SeedClusterIdIn(string? region) => SeedId("CID", region, "440000");

        /// <summary>
        /// Four lower-case hex digits derived from a region's name (a stable hash), the third group of the ids a
        /// store of that region makes. The regions botocore knows all have different tags, none of them 4000 or 12d3.
        /// </summary>
        public static string RegionTag(string region) => $"{StableHash(region) & 0xFFFF:x4}";

        /// <summary>
        /// The cluster of the ListClusters example (Pending, MyCluster) with the five jobs of the ListClusterJobs
        /// example, under <see cref="SeedClusterIdIn"/>(<see cref="Region"/>): <see cref="SeedClusterId"/> in the default store.
        /// </summary>
        public void AddSeedCluster()
        {
            var created = new DateTimeOffset(2016, 11, 30, 3, 12, 5, 335, TimeSpan.Zero);
            var cluster = new SnowballClusterRecord(SeedClusterIdIn(Region), "Pending", DateTimeOffset.FromUnixTimeSeconds(1480475517), "MyCluster");
            AddCluster(cluster, Enumerable.Range(0, 5).Select(i => new SnowballJobRecord(
                SeedId("JID", Region, $"44000{i}"),
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
        /// <see cref="NewClusterId(int, string)"/>(<paramref name="firstNumber"/>, <see cref="Region"/>) onwards and the cluster states in turn;
        /// returns them in listing order.
        /// </summary>
        public IReadOnlyList<SnowballClusterRecord> AddGeneratedClusters(int count, int jobsEach = 0, int firstNumber = 1)
        {
            var added = new List<SnowballClusterRecord>(count);
            for (int i = 0; i < count; i++)
            {
                string clusterId = NewClusterId(firstNumber + i, Region);
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
        /// Adds a cluster of deterministic jobs (the same for the same id, count, seed and region): the first jobs cover every
        /// state and device type, the rest are drawn at random; timestamps have milliseconds; every seventh job has no description.
        /// </summary>
        public IReadOnlyList<SnowballJobRecord> AddGeneratedCluster(string clusterId, int count, int seed = 1)
        {
            int clusterHash = StableHash(clusterId);
            var random = new Random(HashCode.Combine(seed, clusterHash) & int.MaxValue);
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            string tag = Tag(Region, "4000");
            var jobs = Enumerable.Range(0, count).Select(i => new SnowballJobRecord(
                $"JID{seed & 0xFFFF:x4}{clusterHash & 0xFFFF:x4}-{(i >> 16) & 0xFFFF:x4}-{tag}-8000-{i:x12}",
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

        /// <summary>An id of the seed cluster: <paramref name="prefix"/>123e4567-e89b-{tag or 12d3}-a456-426655{<paramref name="last"/>}.</summary>
        private static string SeedId(string prefix, string? region, string last) => $"{prefix}123e4567-e89b-{Tag(region, "12d3")}-a456-426655{last}";

        private static string Tag(string? region, string withoutRegion) => region is null ? withoutRegion : RegionTag(region);

        /// <summary>Every value in turn first, then random ones.</summary>
        private static string Pick(IReadOnlyList<string> values, int index, Random random) =>
            values[index < values.Count ? index : random.Next(values.Count)];

        /// <summary>string.GetHashCode differs between processes; generated data must not.</summary>
        private static int StableHash(string text) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
