using System;

namespace JobTools.LocalAws
{
    public sealed record SnowballJobRecord(string JobId, string JobState, bool IsMaster, string JobType, string SnowballType, DateTimeOffset CreationDate, string? Description);
}
