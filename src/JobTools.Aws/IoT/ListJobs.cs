using System;
using System.Collections.Generic;
using System.Text.Json;
using JobTools.Aws.Runtime;
using JobTools.Services;
using JobTools.Vocabulary;
using static JobTools.Aws.Runtime.AwsJson;

namespace JobTools.Aws.IoT
{
    /// <summary>ListJobs: the account's jobs, filtered by the service, a page at a time, decoded straight into output objects.</summary>
    internal sealed class ListJobs(IoTJobQuery filters) : IoTRequest<Page<IoTJob>>
    {
        private static readonly MemberNames<Member> Members = new MemberNames<Member>(camelCase: true);
        private static readonly KnownStrings Statuses = new KnownStrings(KnownValues.IoTJobStatus);
        private static readonly KnownStrings TargetSelections = new KnownStrings(KnownValues.IoTTargetSelection);

        /// <summary>The JobSummary members read (the wire names are these, camelCased).</summary>
        private enum Member
        {
            JobArn,
            JobId,
            ThingGroupId,
            TargetSelection,
            Status,
            CreatedAt,
            LastUpdatedAt,
            CompletedAt,
            IsConcurrent,
        }

        public IoTJobQuery Filters { get; } = filters;

        public override string Operation => "ListJobs";

        protected override string ResourcePath => "/jobs";

        internal override Page<IoTJob> Decode(ReadOnlySpan<byte> body) => ReadPage(body, "jobs", ReadJob);

        protected override void AddQuery(IDictionary<string, string> query)
        {
            Add(query, "status", Filters.Status);
            Add(query, "targetSelection", Filters.TargetSelection);
            Add(query, "thingGroupName", Filters.ThingGroupName);
            Add(query, "thingGroupId", Filters.ThingGroupId);
            Add(query, "namespaceId", Filters.NamespaceId);
        }

        private static IoTJob ReadJob(ref Utf8JsonReader reader)
        {
            string? jobArn = null, jobId = null, thingGroupId = null, targetSelection = null, status = null;
            DateTime? createdAt = null, lastUpdatedAt = null, completedAt = null;
            bool? isConcurrent = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (Members.Next(ref reader))
                {
                    case Member.JobArn: jobArn = ReadString(ref reader); break;
                    case Member.JobId: jobId = ReadString(ref reader); break;
                    case Member.ThingGroupId: thingGroupId = ReadString(ref reader); break;
                    case Member.TargetSelection: targetSelection = TargetSelections.Read(ref reader); break;
                    case Member.Status: status = Statuses.Read(ref reader); break;
                    case Member.CreatedAt: createdAt = JsonTimestamp.Read(ref reader); break;
                    case Member.LastUpdatedAt: lastUpdatedAt = JsonTimestamp.Read(ref reader); break;
                    case Member.CompletedAt: completedAt = JsonTimestamp.Read(ref reader); break;
                    case Member.IsConcurrent: isConcurrent = ReadBoolean(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new IoTJob(jobArn, jobId, thingGroupId, targetSelection, status, createdAt, lastUpdatedAt, completedAt, isConcurrent);
        }
    }
}
