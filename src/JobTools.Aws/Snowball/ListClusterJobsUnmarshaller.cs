using System;
using System.Text.Json;
using Amazon.Runtime;
using JobTools.Aws.Runtime;
using JobTools.Vocabulary;
using static JobTools.Aws.Runtime.AwsJson;

namespace JobTools.Aws.Snowball
{
    /// <summary>Decodes a ListClusterJobs page straight into output objects.</summary>
    internal sealed class ListClusterJobsUnmarshaller : PageUnmarshaller
    {
        private readonly string clusterId;

        public ListClusterJobsUnmarshaller(string clusterId)
        {
            this.clusterId = clusterId;
        }

        private static readonly MemberNames<Member> Members = new MemberNames<Member>(camelCase: false);
        private static readonly KnownStrings JobStates = new KnownStrings(KnownValues.SnowballJobState);
        private static readonly KnownStrings JobTypes = new KnownStrings(KnownValues.SnowballJobType);
        private static readonly KnownStrings SnowballTypes = new KnownStrings(KnownValues.SnowballType);

        internal static ListClusterJobsResponse DecodePage(ReadOnlySpan<byte> body, string clusterId)
        {
            var (jobs, nextToken) = AwsJson.ReadPage(body, "ListClusterJobs", "JobListEntries", "NextToken", (ref Utf8JsonReader reader) => ReadEntry(ref reader, clusterId));
            return new ListClusterJobsResponse { Jobs = jobs, NextToken = nextToken };
        }

        protected override AmazonWebServiceResponse Decode(ReadOnlySpan<byte> body) => DecodePage(body, clusterId);

        private static SnowballClusterJob ReadEntry(ref Utf8JsonReader reader, string clusterId)
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
                    case Member.CreationDate: creationDate = ReadTimestamp(ref reader); break;
                    case Member.Description: description = ReadString(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new SnowballClusterJob(clusterId, jobId, jobState, isMaster, jobType, snowballType, creationDate, description);
        }

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
    }
}
