using System;

namespace JobTools.LocalAws
{
    public sealed record SnowballClusterRecord(string ClusterId, string ClusterState, DateTimeOffset CreationDate, string? Description);
}
