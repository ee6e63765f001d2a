using System;
using System.Text.Json;
using JobTools.Aws.Runtime;
using JobTools.Vocabulary;
using static JobTools.Aws.Runtime.AwsJson;

namespace JobTools.Aws.Snowball
{
    /// <summary>ListClusterJobs: the jobs of one cluster, a page at a time, decoded straight into output objects.</summary>
    internal sealed class ListClusterJobs(string clusterId) : SnowballRequest<Page<SnowballClusterJob>>
    {
        private static readonly MemberNames<Member> Members = new MemberNames<Member>(camelCase: false);
        private static readonly KnownStrings JobStates = new KnownStrings(KnownValues.SnowballJobState);
        private static readonly KnownStrings JobTypes = new KnownStrings(KnownValues.SnowballJobType);
        private static readonly KnownStrings SnowballTypes = new KnownStrings(KnownValues.SnowballType);

        /// <summary>The JobListEntry members read (the wire names are these, as spelled).</summary>
        private enum Member
        {
            JobId,
            JobState,
            IsMaster,
            JobType,
            SnowballType,
            CreationDate,
            Description,
        }

        public string ClusterId { get; } = clusterId;

        public override string Operation => "ListClusterJobs";

        internal override Page<SnowballClusterJob> Decode(ReadOnlySpan<byte> body) => ReadPage(body, "JobListEntries", ReadEntry);

        protected override void WriteMembers(Utf8JsonWriter body) => body.WriteString("ClusterId", ClusterId);

        private SnowballClusterJob ReadEntry(ref Utf8JsonReader reader)
        {
            string? jobId = null, jobState = null, jobType = null, snowballType = null, description = null;
            bool isMaster = false;
            DateTime? creationDate = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (Members.Next(ref reader))
                {
                    case Member.JobId: jobId = ReadString(ref reader); break;
                    case Member.JobState: jobState = JobStates.Read(ref reader); break;
                    case Member.IsMaster: isMaster = ReadBoolean(ref reader) ?? false; break;
                    case Member.JobType: jobType = JobTypes.Read(ref reader); break;
                    case Member.SnowballType: snowballType = SnowballTypes.Read(ref reader); break;
                    case Member.CreationDate: creationDate = JsonTimestamp.Read(ref reader); break;
                    case Member.Description: description = ReadString(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new SnowballClusterJob(ClusterId, jobId, jobState, isMaster, jobType, snowballType, creationDate, description);
        }
    }
}
