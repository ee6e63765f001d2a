using System;
using System.Text.Json;
using JobTools.Aws.Runtime;
using JobTools.Vocabulary;

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

        internal override Page<SnowballClusterJob> Decode(ReadOnlySpan<byte> body) => ReadPage(body, "JobListEntries", "job", ReadEntry);

        protected override void WriteMembers(Utf8JsonWriter body) => body.WriteString("ClusterId", ClusterId);

        private SnowballClusterJob ReadEntry(ref Utf8JsonReader reader, ItemFields fields)
        {
            string? jobId = null, jobState = null, jobType = null, snowballType = null, description = null;
            bool isMaster = false;
            DateTime? creationDate = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (fields.Next(ref reader, Members))
                {
                    case Member.JobId: jobId = fields.String(ref reader); break;
                    case Member.JobState: jobState = fields.String(ref reader, JobStates); break;
                    case Member.IsMaster: isMaster = fields.Boolean(ref reader) ?? false; break;
                    case Member.JobType: jobType = fields.String(ref reader, JobTypes); break;
                    case Member.SnowballType: snowballType = fields.String(ref reader, SnowballTypes); break;
                    case Member.CreationDate: creationDate = fields.Timestamp(ref reader); break;
                    case Member.Description: description = fields.String(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new SnowballClusterJob(ClusterId, jobId, jobState, isMaster, jobType, snowballType, creationDate, description);
        }
    }
}
