using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace JobTools.LocalAws
{
    /// <summary>The clusters the endpoint serves; listing order is insertion order.</summary>
    public sealed class SnowballStore
    {
        public const string SeedClusterId = "CID123e4567-e89b-12d3-a456-426655440000";

        private static readonly string[] States = { "New", "PreparingAppliance", "PreparingShipment", "InTransitToCustomer", "WithCustomer", "InTransitToAWS", "WithAWSSortingFacility", "WithAWS", "InProgress", "Complete", "Cancelled", "Listing", "Pending" };
        private static readonly string[] Types = { "IMPORT", "EXPORT", "LOCAL_USE" };
        private static readonly string[] Devices = { "STANDARD", "EDGE", "EDGE_C", "EDGE_CG", "EDGE_S", "SNC1_HDD", "SNC1_SSD", "V3_5C", "V3_5S", "RACK_5U_C" };

        private readonly ConcurrentDictionary<string, IReadOnlyList<SnowballJobRecord>> clusters = new(StringComparer.Ordinal);

        /// <summary>A valid, deterministic cluster id: CID followed by a lower-case UUID.</summary>
        public static string NewClusterId(int n) => $"CID{n:x8}-0000-4000-8000-{n:x12}";

        /// <summary>The five jobs of the API reference's example.</summary>
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

        public void AddCluster(string clusterId, IEnumerable<SnowballJobRecord> jobs) => clusters[clusterId] = jobs.ToList();

        /// <summary>Deterministic jobs in every state, type and device, with millisecond timestamps and some without a description.</summary>
        public IReadOnlyList<SnowballJobRecord> AddGeneratedCluster(string clusterId, int count, int seed = 1)
        {
            var random = new Random(HashCode.Combine(seed, clusterId.GetHashCode(StringComparison.Ordinal)) ^ seed);
            int clusterNumber = Math.Abs(clusterId.GetHashCode(StringComparison.Ordinal)) % 0xFFFF;
            var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var jobs = Enumerable.Range(0, count).Select(i => new SnowballJobRecord(
                $"JID{seed:x4}{clusterNumber:x4}-{i >> 16:x4}-4000-8000-{i:x12}",
                i < States.Length ? States[i] : States[random.Next(States.Length)],
                random.Next(10) == 0,
                Types[random.Next(Types.Length)],
                i < Devices.Length ? Devices[i] : Devices[random.Next(Devices.Length)],
                start.AddSeconds(i * 37).AddMilliseconds(random.Next(1000)),
                i % 7 == 3 ? null : $"Generated job {i} of {clusterId}")).ToList();
            AddCluster(clusterId, jobs);
            return jobs;
        }

        public IReadOnlyList<SnowballJobRecord> Jobs(string clusterId) =>
            clusters.TryGetValue(clusterId, out var jobs) ? jobs : Array.Empty<SnowballJobRecord>();

        internal bool TryGet(string clusterId, out IReadOnlyList<SnowballJobRecord> jobs) => clusters.TryGetValue(clusterId, out jobs!);
    }
}
