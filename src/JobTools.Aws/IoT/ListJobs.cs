using System;
using System.Collections.Generic;
using System.Text.Json;
using JobTools.Aws.Runtime;
using JobTools.Services;

namespace JobTools.Aws.IoT
{
    /// <summary>ListJobs: the account's jobs, filtered by the service, a page at a time, decoded straight into output objects.</summary>
    internal sealed class ListJobs(IoTJobQuery filters) : IoTRequest<Page<IoTJob>>
    {
        private static readonly MemberNames<Member> Members = new MemberNames<Member>(camelCase: true);

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

        internal override Page<IoTJob> Decode(ReadOnlySpan<byte> body) => ReadPage(body, "jobs", "job", ReadJob);

        protected override void AddQuery(IDictionary<string, string> query)
        {
            Add(query, "status", Filters.Status);
            Add(query, "targetSelection", Filters.TargetSelection);
            Add(query, "thingGroupName", Filters.ThingGroupName);
            Add(query, "thingGroupId", Filters.ThingGroupId);
            Add(query, "namespaceId", Filters.NamespaceId);
        }

        private static IoTJob ReadJob(ref Utf8JsonReader reader, ItemFields fields)
        {
            string? jobArn = null, jobId = null, thingGroupId = null, targetSelection = null, status = null;
            DateTime? createdAt = null, lastUpdatedAt = null, completedAt = null;
            bool? isConcurrent = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (fields.Next(ref reader, Members))
                {
                    case Member.JobArn: jobArn = fields.String(ref reader); break;
                    case Member.JobId: jobId = fields.String(ref reader); break;
                    case Member.ThingGroupId: thingGroupId = fields.String(ref reader); break;
                    case Member.TargetSelection: targetSelection = fields.String(ref reader, TargetSelections); break;
                    case Member.Status: status = fields.String(ref reader, Statuses); break;
                    case Member.CreatedAt: createdAt = fields.Timestamp(ref reader); break;
                    case Member.LastUpdatedAt: lastUpdatedAt = fields.Timestamp(ref reader); break;
                    case Member.CompletedAt: completedAt = fields.Timestamp(ref reader); break;
                    case Member.IsConcurrent: isConcurrent = fields.Boolean(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new IoTJob(jobArn, jobId, thingGroupId, targetSelection, status, createdAt, lastUpdatedAt, completedAt, isConcurrent);
        }
    }
}
