using System;
using System.Collections.Generic;

namespace JobTools
{
    /// <summary>One AWS IoT job as DescribeJob describes it. PSTypeName: JobTools.IoTJobDetail.</summary>
    /// <remarks>
    /// The members are those of the summary Get-IoTJob lists (<see cref="IoTJob"/>) but ThingGroupId, which
    /// DescribeJob does not return (the thing groups are among <see cref="Targets"/>), and what only a description
    /// has. Status and TargetSelection keep the service's strings, so values newer than this module pass through.
    /// </remarks>
    public sealed class IoTJobDetail : ListedObject
    {
        /// <summary>Creates a job description.</summary>
        public IoTJobDetail(
            string? jobArn,
            string? jobId,
            string? targetSelection,
            string? status,
            DateTime? createdAt,
            DateTime? lastUpdatedAt,
            DateTime? completedAt,
            bool? isConcurrent,
            string? description,
            IReadOnlyList<string> targets,
            string? comment,
            string? reasonCode,
            bool? forceCanceled,
            string? namespaceId,
            string? jobTemplateArn,
            IoTJobProcessDetails? jobProcessDetails,
            string? documentSource)
        {
            JobArn = jobArn;
            JobId = jobId;
            TargetSelection = targetSelection;
            Status = status;
            CreatedAt = createdAt;
            LastUpdatedAt = lastUpdatedAt;
            CompletedAt = completedAt;
            IsConcurrent = isConcurrent;
            Description = description;
            Targets = targets;
            Comment = comment;
            ReasonCode = reasonCode;
            ForceCanceled = forceCanceled;
            NamespaceId = namespaceId;
            JobTemplateArn = jobTemplateArn;
            JobProcessDetails = jobProcessDetails;
            DocumentSource = documentSource;
        }

        /// <summary>The job's ARN.</summary>
        public string? JobArn { get; }

        /// <summary>The AWS account the job belongs to, as its ARN gives it.</summary>
        public string? AccountId => Arn.AccountOf(JobArn);

        /// <summary>The job's unique identifier.</summary>
        public string? JobId { get; }

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

        /// <summary>The job's description.</summary>
        public string? Description { get; }

        /// <summary>The ARNs of the things and thing groups the job targets; empty when the service sent none.</summary>
        public IReadOnlyList<string> Targets { get; }

        /// <summary>Why the job was canceled, as whoever canceled it wrote.</summary>
        public string? Comment { get; }

        /// <summary>A code for why the job was canceled (upper-case letters, digits and '_').</summary>
        public string? ReasonCode { get; }

        /// <summary>Whether the job was canceled with -Force while executions were in progress.</summary>
        public bool? ForceCanceled { get; }

        /// <summary>The job's namespace, for example AWS for AWS-managed jobs.</summary>
        public string? NamespaceId { get; }

        /// <summary>The ARN of the job template the job was created from.</summary>
        public string? JobTemplateArn { get; }

        /// <summary>How far the job has got: the things in each execution state.</summary>
        public IoTJobProcessDetails? JobProcessDetails { get; }

        /// <summary>Where the job document is, for example an S3 URL; null when it was given inline.</summary>
        public string? DocumentSource { get; }

        /// <inheritdoc />
        public override string ToString() => JobId ?? string.Empty;
    }
}
