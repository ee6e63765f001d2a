using System;
using System.Text.Json;
using JobTools.Aws.Runtime;
using JobTools.Vocabulary;

namespace JobTools.Aws.Snowball
{
    /// <summary>ListClusters: the account's clusters in the region, a page at a time, decoded straight into output objects.</summary>
    internal sealed class ListClusters : SnowballRequest<Page<SnowballCluster>>
    {
        private static readonly MemberNames<Member> Members = new MemberNames<Member>(camelCase: false);
        private static readonly KnownStrings ClusterStates = new KnownStrings(KnownValues.SnowballClusterState);

        /// <summary>The ClusterListEntry members read (the wire names are these, as spelled).</summary>
        private enum Member
        {
            ClusterId,
            ClusterState,
            CreationDate,
            Description,
        }

        public override string Operation => "ListClusters";

        internal override Page<SnowballCluster> Decode(ReadOnlySpan<byte> body) => ReadPage(body, "ClusterListEntries", "cluster", ReadEntry);

        private static SnowballCluster ReadEntry(ref Utf8JsonReader reader, ItemFields fields)
        {
            string? clusterId = null, clusterState = null, description = null;
            DateTime? creationDate = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (fields.Next(ref reader, Members))
                {
                    case Member.ClusterId: clusterId = fields.String(ref reader); break;
                    case Member.ClusterState: clusterState = fields.String(ref reader, ClusterStates); break;
                    case Member.CreationDate: creationDate = fields.Timestamp(ref reader); break;
                    case Member.Description: description = fields.String(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new SnowballCluster(clusterId, clusterState, creationDate, description);
        }
    }
}
