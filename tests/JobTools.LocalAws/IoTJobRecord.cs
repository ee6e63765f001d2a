using System;

namespace JobTools.LocalAws
{
    public sealed record IoTJobRecord(
        string JobArn,
        string JobId,
        string? ThingGroupId,
        string? ThingGroupName,
        string TargetSelection,
        string Status,
        DateTimeOffset CreatedAt,
        DateTimeOffset? LastUpdatedAt,
        DateTimeOffset? CompletedAt,
        bool? IsConcurrent,
        string? NamespaceId);
}
