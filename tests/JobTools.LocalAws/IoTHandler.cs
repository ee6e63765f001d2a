using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JobTools.LocalAws
{
    /// <summary>IoT ListJobs and ListThingGroups (their filters applied server-side) and DescribeJob over rest-json.</summary>
    internal sealed class IoTHandler
    {
        /// <summary>The page size when maxResults is absent, the model's maximum.</summary>
        public const int DefaultPageSize = 250;

        private readonly IoTStore store;
        private readonly PageTokens tokens;
        private readonly string? signingRegion;

        /// <summary>Serves one request from <paramref name="store"/>; its page tokens are good only for requests signed for <paramref name="signingRegion"/>.</summary>
        public IoTHandler(IoTStore store, PageTokens tokens, string? signingRegion)
        {
            this.store = store;
            this.tokens = tokens;
            this.signingRegion = signingRegion;
        }

        /// <summary>
        /// Answers an error itself and returns null, or returns the page's body; <paramref name="tokenFilter"/> may replace
        /// the next token the page carries.
        /// </summary>
        public async Task<byte[]?> ListJobs(HttpContext context, Func<string?, string?> tokenFilter)
        {
            var query = context.Request.Query;
            string? status = query["status"].FirstOrDefault(), target = query["targetSelection"].FirstOrDefault();
            string? groupName = query["thingGroupName"].FirstOrDefault(), groupId = query["thingGroupId"].FirstOrDefault();
            string? ns = query["namespaceId"].FirstOrDefault(), nextToken = query["nextToken"].FirstOrDefault(), max = query["maxResults"].FirstOrDefault();

            var validation = new ValidationErrors();
            validation.Enum("status", status, ServiceEnums.IoTJobStatuses);
            validation.Enum("targetSelection", target, ServiceEnums.TargetSelections);
            int? maxResults = Integer(validation, "maxResults", max);
            validation.Range("maxResults", maxResults, 1, 250);
            validation.Length("thingGroupName", groupName, 1, 128);
            validation.Pattern("thingGroupName", groupName, "[a-zA-Z0-9:_-]+");
            validation.Length("thingGroupId", groupId, 1, 128);
            validation.Pattern("thingGroupId", groupId, @"[a-zA-Z0-9\-]+");
            validation.Pattern("namespaceId", ns, "[a-zA-Z0-9_-]+");
            if (validation.Any)
            {
                await AwsResponses.IoTError(context, 400, "InvalidRequestException", validation.Message);
                return null;
            }

            var all = store.Jobs;
            if (groupName != null && !all.Any(j => j.ThingGroupName == groupName))
            {
                await AwsResponses.IoTError(context, 404, "ResourceNotFoundException", $"Thing group {groupName} does not exist.");
                return null;
            }

            if (groupId != null && !all.Any(j => j.ThingGroupId == groupId))
            {
                await AwsResponses.IoTError(context, 404, "ResourceNotFoundException", $"Thing group with id {groupId} does not exist.");
                return null;
            }

            var matching = all.Where(j =>
                (status is null || j.Status == status)
                && (target is null || j.TargetSelection == target)
                && (groupName is null || j.ThingGroupName == groupName)
                && (groupId is null || j.ThingGroupId == groupId)
                && (ns is null || j.NamespaceId == ns)).ToList();

            // Every filter is validated above and none may contain '|', so the scope names the filter set unambiguously.
            return await Page(context, $"iot|{status}|{target}|{groupName}|{groupId}|{ns}", nextToken, maxResults, matching, "jobs", WriteJob, tokenFilter);
        }

        /// <summary>
        /// ListThingGroups: the store's thing groups whose names start with namePrefixFilter (case-sensitive, as
        /// the service compares names). parentGroup and recursive are validated but not modelled: generated groups
        /// have no parents.
        /// </summary>
        public async Task<byte[]?> ListThingGroups(HttpContext context, Func<string?, string?> tokenFilter)
        {
            var query = context.Request.Query;
            string? prefix = query["namePrefixFilter"].FirstOrDefault(), parent = query["parentGroup"].FirstOrDefault();
            string? recursive = query["recursive"].FirstOrDefault(), nextToken = query["nextToken"].FirstOrDefault(), max = query["maxResults"].FirstOrDefault();

            var validation = new ValidationErrors();
            int? maxResults = Integer(validation, "maxResults", max);
            validation.Range("maxResults", maxResults, 1, 250);
            foreach (var (member, value) in new[] { ("namePrefixFilter", prefix), ("parentGroup", parent) })
            {
                validation.Length(member, value, 1, 128);
                validation.Pattern(member, value, "[a-zA-Z0-9:_-]+");
            }

            validation.Enum("recursive", recursive, new[] { "true", "false" });
            if (validation.Any)
            {
                await AwsResponses.IoTError(context, 400, "InvalidRequestException", validation.Message);
                return null;
            }

            var matching = store.ThingGroups
                .Where(g => parent is null && (prefix is null || g.GroupName.StartsWith(prefix, StringComparison.Ordinal)))
                .ToList();
            return await Page(context, $"iot-thing-groups|{prefix}|{parent}|{recursive}", nextToken, maxResults, matching, "thingGroups", WriteGroup, tokenFilter);
        }

        /// <summary>One page of <paramref name="matching"/> from the offset the token holds, with a token bound to <paramref name="scope"/> in the signing region.</summary>
        private async Task<byte[]?> Page<T>(
            HttpContext context,
            string scope,
            string? nextToken,
            int? maxResults,
            IReadOnlyList<T> matching,
            string listName,
            Action<Utf8JsonWriter, T> writeItem,
            Func<string?, string?> tokenFilter)
        {
            string bound = signingRegion + "|" + scope;
            int offset = 0;
            if (nextToken != null)
            {
                if (tokens.Read(nextToken, bound) is not int start)
                {
                    await AwsResponses.IoTError(context, 400, "InvalidRequestException", "The next token is invalid or was issued for a different set of filters.");
                    return null;
                }

                offset = start;
            }

            var page = matching.Skip(offset).Take(maxResults ?? DefaultPageSize).ToList();
            string? next = tokenFilter(offset + page.Count < matching.Count ? tokens.Issue(bound, offset + page.Count) : null);
            return AwsResponses.Page(page, listName, "nextToken", next, writeItem);
        }

        private static void WriteGroup(Utf8JsonWriter writer, ThingGroupRecord group)
        {
            writer.WriteString("groupName", group.GroupName);
            writer.WriteString("groupArn", group.GroupArn);
        }

        /// <summary>A query value read as an integer, or a validation error when it is not one.</summary>
        private static int? Integer(ValidationErrors validation, string member, string? value)
        {
            if (value is null)
            {
                return null;
            }

            if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int parsed))
            {
                return parsed;
            }

            validation.Fail(member, value, "Member must be an integer");
            return null;
        }

        /// <summary>Whether a path names one job, GET /jobs/{jobId}: DescribeJob.</summary>
        public static bool IsOneJob(string path) => path.StartsWith("/jobs/", StringComparison.Ordinal) && path.Length > "/jobs/".Length && path.IndexOf('/', "/jobs/".Length) < 0;

        /// <summary>
        /// Answers an error itself and returns null, or returns {"documentSource", "job"} for the job in the path.
        /// beforeSubstitution is checked and otherwise has no effect: these jobs have no substitution parameters.
        /// </summary>
        public async Task<byte[]?> DescribeJob(HttpContext context)
        {
            string jobId = context.Request.Path.Value!["/jobs/".Length..];
            string? before = context.Request.Query["beforeSubstitution"].FirstOrDefault();
            var validation = new ValidationErrors();
            validation.Length("jobId", jobId, 1, 64);
            validation.Pattern("jobId", jobId, "[a-zA-Z0-9_-]+");
            if (before is not null and not "true" and not "false")
            {
                validation.Fail("beforeSubstitution", before, "Member must be a boolean");
            }

            if (validation.Any)
            {
                await AwsResponses.IoTError(context, 400, "InvalidRequestException", validation.Message);
                return null;
            }

            if (store.Find(jobId) is not IoTJobRecord job)
            {
                await AwsResponses.IoTError(context, 404, "ResourceNotFoundException", $"Job {jobId} does not exist.");
                return null;
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                WriteIfSet(writer, "documentSource", job.DocumentSource);
                writer.WriteStartObject("job");
                WriteDetail(writer, job);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        /// <summary>DescribeJob's Job: the summary's members but thingGroupId, and what only a description has.</summary>
        private static void WriteDetail(Utf8JsonWriter writer, IoTJobRecord job)
        {
            writer.WriteString("jobArn", job.JobArn);
            writer.WriteString("jobId", job.JobId);
            writer.WriteString("targetSelection", job.TargetSelection);
            writer.WriteString("status", job.Status);
            if (job.ForceCanceled is bool forced)
            {
                writer.WriteBoolean("forceCanceled", forced);
            }

            WriteIfSet(writer, "reasonCode", job.ReasonCode);
            WriteIfSet(writer, "comment", job.Comment);
            if (job.Targets is { } targets)
            {
                WriteStrings(writer, "targets", targets);
            }

            WriteIfSet(writer, "description", job.Description);
            WriteTimes(writer, job);
            if (job.Progress is IoTJobProgress progress)
            {
                writer.WriteStartObject("jobProcessDetails");
                WriteStrings(writer, "processingTargets", progress.ProcessingTargets);
                writer.WriteNumber("numberOfCanceledThings", progress.Canceled);
                writer.WriteNumber("numberOfSucceededThings", progress.Succeeded);
                writer.WriteNumber("numberOfFailedThings", progress.Failed);
                writer.WriteNumber("numberOfRejectedThings", progress.Rejected);
                writer.WriteNumber("numberOfQueuedThings", progress.Queued);
                writer.WriteNumber("numberOfInProgressThings", progress.InProgress);
                writer.WriteNumber("numberOfRemovedThings", progress.Removed);
                writer.WriteNumber("numberOfTimedOutThings", progress.TimedOut);
                writer.WriteEndObject();
            }

            WriteIfSet(writer, "namespaceId", job.NamespaceId);
            WriteIfSet(writer, "jobTemplateArn", job.JobTemplateArn);
            if (job.IsConcurrent is bool concurrent)
            {
                writer.WriteBoolean("isConcurrent", concurrent);
            }
        }

        private static void WriteJob(Utf8JsonWriter writer, IoTJobRecord job)
        {
            writer.WriteString("jobArn", job.JobArn);
            writer.WriteString("jobId", job.JobId);
            if (job.ThingGroupId != null)
            {
                writer.WriteString("thingGroupId", job.ThingGroupId);
            }

            writer.WriteString("targetSelection", job.TargetSelection);
            writer.WriteString("status", job.Status);
            WriteTimes(writer, job);
            if (job.IsConcurrent is bool concurrent)
            {
                writer.WriteBoolean("isConcurrent", concurrent);
            }
        }

        private static void WriteTimes(Utf8JsonWriter writer, IoTJobRecord job)
        {
            AwsResponses.WriteEpochSeconds(writer, "createdAt", job.CreatedAt);
            if (job.LastUpdatedAt is DateTimeOffset updated)
            {
                AwsResponses.WriteEpochSeconds(writer, "lastUpdatedAt", updated);
            }

            if (job.CompletedAt is DateTimeOffset completed)
            {
                AwsResponses.WriteEpochSeconds(writer, "completedAt", completed);
            }
        }

        private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
        {
            if (value != null)
            {
                writer.WriteString(name, value);
            }
        }

        private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
        {
            writer.WriteStartArray(name);
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }
    }
}
