using System;
using System.Text.Json;
using Amazon.Runtime;
using JobTools.Aws.Runtime;
using JobTools.Vocabulary;
using static JobTools.Aws.Runtime.AwsJson;

namespace JobTools.Aws.IoT
{
    /// <summary>Decodes a ListJobs page straight into output objects.</summary>
    internal sealed class ListJobsUnmarshaller : PageUnmarshaller
    {
        public static readonly ListJobsUnmarshaller Instance = new ListJobsUnmarshaller();

        private static readonly MemberNames<Member> Members = new MemberNames<Member>(camelCase: true);
        private static readonly KnownStrings Statuses = new KnownStrings(KnownValues.IoTJobStatus);
        private static readonly KnownStrings TargetSelections = new KnownStrings(KnownValues.IoTTargetSelection);

        internal static ListJobsResponse DecodePage(ReadOnlySpan<byte> body)
        {
            var (jobs, nextToken) = AwsJson.ReadPage(body, "ListJobs", "jobs", "nextToken", ReadJob);
            return new ListJobsResponse { Jobs = jobs, NextToken = nextToken };
        }

        protected override AmazonWebServiceResponse Decode(ReadOnlySpan<byte> body) => DecodePage(body);

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
                    case Member.CreatedAt: createdAt = ReadTimestamp(ref reader); break;
                    case Member.LastUpdatedAt: lastUpdatedAt = ReadTimestamp(ref reader); break;
                    case Member.CompletedAt: completedAt = ReadTimestamp(ref reader); break;
                    case Member.IsConcurrent: isConcurrent = ReadBoolean(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new IoTJob(jobArn, jobId, thingGroupId, targetSelection, status, createdAt, lastUpdatedAt, completedAt, isConcurrent);
        }

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
    }
}
