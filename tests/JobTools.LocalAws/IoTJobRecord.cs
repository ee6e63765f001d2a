using System;

namespace JobTools.LocalAws
{
    /// <summary>
    /// One IoT job: the positional members are what ListJobs summarises; the init members are what DescribeJob
    /// adds (null ones are left out of its answer).
    /// </summary>
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
        string? NamespaceId)
    {
        public string? Description { get; init; }

        public ValueList<string>? Targets { get; init; }

        public string? Comment { get; init; }

        public string? ReasonCode { get; init; }

        public bool? ForceCanceled { get; init; }

        public string? JobTemplateArn { get; init; }

        /// <summary>The documentSource member of DescribeJob's answer (an S3 URL of the job document).</summary>
        public string? DocumentSource { get; init; }

        public IoTJobProgress? Progress { get; init; }
    }

    /// <summary>DescribeJob's jobProcessDetails: the things in each execution state, and the targets still being processed.</summary>
    public sealed record IoTJobProgress(
        int Queued,
        int InProgress,
        int Succeeded,
        int Failed,
        int Rejected,
        int Canceled,
        int Removed,
        int TimedOut,
        ValueList<string> ProcessingTargets);
}
