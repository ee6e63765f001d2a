using System;
using System.Collections.Generic;
using System.Text.Json;
using JobTools.Aws.Runtime;

namespace JobTools.Aws.IoT
{
    /// <summary>DescribeJob: one job, GET /jobs/{jobId}, answered as {"documentSource": "...", "job": {...}}.</summary>
    internal sealed class DescribeJob(string jobId, bool beforeSubstitution) : IoTRequest<Described<IoTJobDetail>>
    {
        private static readonly MemberNames<Answer> AnswerMembers = new MemberNames<Answer>(camelCase: true);
        private static readonly MemberNames<Member> Members = new MemberNames<Member>(camelCase: true);
        private static readonly MemberNames<Counter> Counters = new MemberNames<Counter>(camelCase: true);

        /// <summary>The members of the DescribeJob answer.</summary>
        private enum Answer
        {
            DocumentSource,
            Job,
        }

        /// <summary>The Job members read (the wire names are these, camelCased); the rollout and abort configurations are not.</summary>
        private enum Member
        {
            JobArn,
            JobId,
            TargetSelection,
            Status,
            CreatedAt,
            LastUpdatedAt,
            CompletedAt,
            IsConcurrent,
            Description,
            Targets,
            Comment,
            ReasonCode,
            ForceCanceled,
            NamespaceId,
            JobTemplateArn,
            JobProcessDetails,
        }

        /// <summary>The JobProcessDetails members: the eight counters, in the order of the output's, then the targets.</summary>
        private enum Counter
        {
            NumberOfQueuedThings,
            NumberOfInProgressThings,
            NumberOfSucceededThings,
            NumberOfFailedThings,
            NumberOfRejectedThings,
            NumberOfCanceledThings,
            NumberOfRemovedThings,
            NumberOfTimedOutThings,
            ProcessingTargets,
        }

        public string JobId { get; } = jobId;

        /// <summary>Sent as beforeSubstitution=true when set; left out otherwise, as the service's default is false.</summary>
        public bool BeforeSubstitution { get; } = beforeSubstitution;

        public override string Operation => "DescribeJob";

        protected override string ResourcePath => "/jobs/{jobId}";

        protected override IEnumerable<KeyValuePair<string, string>> PathLabels => new[] { KeyValuePair.Create("jobId", JobId) };

        protected override void AddQuery(IDictionary<string, string> query) =>
            Add(query, "beforeSubstitution", BeforeSubstitution ? "true" : null);

        /// <summary>
        /// An answer that is not an object with a job object in it is not a description: it throws, and is retried as a body that
        /// could not be read. A value in the job that cannot be read leaves that member empty and becomes the answer's problem.
        /// </summary>
        internal override Described<IoTJobDetail> Decode(ReadOnlySpan<byte> body)
        {
            var fields = new ItemFields();
            string? documentSource = null;
            JobMembers? job = null;
            var reader = new Utf8JsonReader(body);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (fields.Next(ref reader, AnswerMembers))
                {
                    case Answer.Job when reader.TokenType == JsonTokenType.StartObject: job = ReadJob(ref reader, fields); break;
                    case Answer.DocumentSource: documentSource = fields.String(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            Expect(reader.TokenType == JsonTokenType.EndObject && job != null);
            var detail = job!.ToDetail(documentSource);
            fields.EndItem(Operation, "job", 0, detail.JobId ?? JobId);
            return new Described<IoTJobDetail> { Item = detail, Problems = fields.Problems };
        }

        private void Expect(bool condition)
        {
            if (!condition)
            {
                throw new JsonException($"The {Operation} response is not a job description: it is not an object with a \"job\" object.");
            }
        }

        private static JobMembers ReadJob(ref Utf8JsonReader reader, ItemFields fields)
        {
            var job = new JobMembers();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (fields.Next(ref reader, Members))
                {
                    case Member.JobArn: job.JobArn = fields.String(ref reader); break;
                    case Member.JobId: job.JobId = fields.String(ref reader); break;
                    case Member.TargetSelection: job.TargetSelection = fields.String(ref reader, TargetSelections); break;
                    case Member.Status: job.Status = fields.String(ref reader, Statuses); break;
                    case Member.CreatedAt: job.CreatedAt = fields.Timestamp(ref reader); break;
                    case Member.LastUpdatedAt: job.LastUpdatedAt = fields.Timestamp(ref reader); break;
                    case Member.CompletedAt: job.CompletedAt = fields.Timestamp(ref reader); break;
                    case Member.IsConcurrent: job.IsConcurrent = fields.Boolean(ref reader); break;
                    case Member.Description: job.Description = fields.String(ref reader); break;
                    case Member.Targets: job.Targets = fields.Strings(ref reader); break;
                    case Member.Comment: job.Comment = fields.String(ref reader); break;
                    case Member.ReasonCode: job.ReasonCode = fields.String(ref reader); break;
                    case Member.ForceCanceled: job.ForceCanceled = fields.Boolean(ref reader); break;
                    case Member.NamespaceId: job.NamespaceId = fields.String(ref reader); break;
                    case Member.JobTemplateArn: job.JobTemplateArn = fields.String(ref reader); break;
                    case Member.JobProcessDetails when reader.TokenType == JsonTokenType.StartObject: job.ProcessDetails = ReadProcessDetails(ref reader, fields); break;
                    default: reader.Skip(); break;
                }
            }

            return job;
        }

        private static IoTJobProcessDetails ReadProcessDetails(ref Utf8JsonReader reader, ItemFields fields)
        {
            var counts = new int?[(int)Counter.ProcessingTargets];
            IReadOnlyList<string> processing = Array.Empty<string>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                switch (fields.Next(ref reader, Counters))
                {
                    case Counter.ProcessingTargets: processing = fields.Strings(ref reader); break;
                    case Counter counter: counts[(int)counter] = fields.Int32(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new IoTJobProcessDetails(
                counts[(int)Counter.NumberOfQueuedThings],
                counts[(int)Counter.NumberOfInProgressThings],
                counts[(int)Counter.NumberOfSucceededThings],
                counts[(int)Counter.NumberOfFailedThings],
                counts[(int)Counter.NumberOfRejectedThings],
                counts[(int)Counter.NumberOfCanceledThings],
                counts[(int)Counter.NumberOfRemovedThings],
                counts[(int)Counter.NumberOfTimedOutThings],
                processing);
        }

        /// <summary>The job's members as read, whatever their order in the answer; the document source is beside the job.</summary>
        private sealed class JobMembers
        {
            public string? JobArn, JobId, TargetSelection, Status, Description, Comment, ReasonCode, NamespaceId, JobTemplateArn;
            public DateTime? CreatedAt, LastUpdatedAt, CompletedAt;
            public bool? IsConcurrent, ForceCanceled;
            public IReadOnlyList<string> Targets = Array.Empty<string>();
            public IoTJobProcessDetails? ProcessDetails;

            public IoTJobDetail ToDetail(string? documentSource) => new IoTJobDetail(
                JobArn, JobId, TargetSelection, Status, CreatedAt, LastUpdatedAt, CompletedAt, IsConcurrent, Description, Targets,
                Comment, ReasonCode, ForceCanceled, NamespaceId, JobTemplateArn, ProcessDetails, documentSource);
        }
    }
}
