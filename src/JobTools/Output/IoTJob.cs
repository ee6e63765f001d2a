using System;

namespace JobTools
{
    /// <summary>One AWS IoT job, as ListJobs summarises it. PSTypeName: JobTools.IoTJob.</summary>
    /// <remarks>Status and TargetSelection keep the service's strings, so values newer than this module pass through.</remarks>
    public sealed class IoTJob : ListedObject
    {
        /// <summary>Creates a job summary.</summary>
        public IoTJob(
            string? jobArn,
            string? jobId,
            string? thingGroupId,
            string? targetSelection,
            string? status,
            DateTime? createdAt,
            DateTime? lastUpdatedAt,
            DateTime? completedAt,
            bool? isConcurrent)
        {
            JobArn = jobArn;
            JobId = jobId;
            ThingGroupId = thingGroupId;
            TargetSelection = targetSelection;
            Status = status;
            CreatedAt = createdAt;
            LastUpdatedAt = lastUpdatedAt;
            CompletedAt = completedAt;
            IsConcurrent = isConcurrent;
        }

        /// <summary>The job's ARN.</summary>
        public string? JobArn { get; }

        /// <summary>The AWS account the job belongs to, as its ARN gives it.</summary>
        public string? AccountId => Arn.AccountOf(JobArn);

        /// <summary>The job's unique identifier.</summary>
        public string? JobId { get; }

        /// <summary>The ID of the thing group the job targets, when it targets one.</summary>
        public string? ThingGroupId { get; }

        /// <summary>CONTINUOUS or SNAPSHOT.</summary>
        public string? TargetSelection { get; }

        /// <summary>IN_PROGRESS, CANCELED, COMPLETED, DELETION_IN_PROGRESS or SCHEDULED.</summary>
        public string? Status { get; }

        /// <summary>When the job was created, in UTC.</summary>
        public DateTime? CreatedAt { get; }

        /// <summary>When the job was last updated, in UTC.</summary>
        public DateTime? LastUpdatedAt { get; }

        /// <summary>When the job completed, in UTC; null while it has not.</summary>
        public DateTime? CompletedAt { get; }

        /// <summary>Whether the job runs concurrently with others on the same things.</summary>
        public bool? IsConcurrent { get; }

        /// <inheritdoc />
        public override string ToString() => JobId ?? string.Empty;
    }
}
