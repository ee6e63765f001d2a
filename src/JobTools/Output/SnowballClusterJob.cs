using System;

namespace JobTools
{
    /// <summary>One job of a Snowball cluster, as ListClusterJobs returns it. PSTypeName: JobTools.SnowballClusterJob.</summary>
    /// <remarks>
    /// Enum-like values (JobState, JobType, SnowballType) are kept as the service's strings so that values
    /// this module does not know yet are passed through rather than rejected.
    /// </remarks>
    public sealed class SnowballClusterJob : ListedObject
    {
        /// <summary>Creates a job entry.</summary>
        public SnowballClusterJob(
            string clusterId,
            string? jobId,
            string? jobState,
            bool isMaster,
            string? jobType,
            string? snowballType,
            DateTime? creationDate,
            string? description)
        {
            ClusterId = clusterId;
            JobId = jobId;
            JobState = jobState;
            IsMaster = isMaster;
            JobType = jobType;
            SnowballType = snowballType;
            CreationDate = creationDate;
            Description = description;
        }

        /// <summary>The job's ID, for example JID123e4567-e89b-12d3-a456-426655440000.</summary>
        public string? JobId { get; }

        /// <summary>The job's state, for example New or InProgress.</summary>
        public string? JobState { get; }

        /// <summary>True for a main (export) job that has job parts.</summary>
        public bool IsMaster { get; }

        /// <summary>IMPORT, EXPORT or LOCAL_USE.</summary>
        public string? JobType { get; }

        /// <summary>The device type, for example EDGE.</summary>
        public string? SnowballType { get; }

        /// <summary>When the job was created, in UTC.</summary>
        public DateTime? CreationDate { get; }

        /// <summary>The job's optional description.</summary>
        public string? Description { get; }

        /// <summary>The cluster this job was listed from.</summary>
        public string ClusterId { get; }

        /// <inheritdoc />
        public override string ToString() => JobId ?? string.Empty;
    }
}
