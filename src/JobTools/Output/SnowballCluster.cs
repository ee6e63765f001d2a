using System;

namespace JobTools
{
    /// <summary>One Snowball cluster, as ListClusters returns it. PSTypeName: JobTools.SnowballCluster.</summary>
    /// <remarks>
    /// ClusterState keeps the service's string, so values newer than this module pass through. Piped into
    /// Get-SnowballClusterJob, ClusterId binds by property name.
    /// </remarks>
    public sealed class SnowballCluster : ListedObject
    {
        /// <summary>Creates a cluster entry.</summary>
        public SnowballCluster(string? clusterId, string? clusterState, DateTime? creationDate, string? description)
        {
            ClusterId = clusterId;
            ClusterState = clusterState;
            CreationDate = creationDate;
            Description = description;
        }

        /// <summary>The cluster's 39-character ID, for example CID123e4567-e89b-12d3-a456-426655440000.</summary>
        public string? ClusterId { get; }

        /// <summary>AwaitingQuorum, Pending, InUse, Complete or Cancelled.</summary>
        public string? ClusterState { get; }

        /// <summary>When the cluster was created, in UTC.</summary>
        public DateTime? CreationDate { get; }

        /// <summary>The cluster's optional description.</summary>
        public string? Description { get; }

        /// <inheritdoc />
        public override string ToString() => ClusterId ?? string.Empty;
    }
}
