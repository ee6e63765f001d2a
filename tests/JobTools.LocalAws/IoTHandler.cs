using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JobTools.LocalAws
{
    /// <summary>IoT ListJobs over rest-json, with its filters applied server-side.</summary>
    internal sealed class IoTHandler
    {
        private static readonly string[] Statuses = { "IN_PROGRESS", "CANCELED", "COMPLETED", "DELETION_IN_PROGRESS", "SCHEDULED" };
        private static readonly string[] Targets = { "CONTINUOUS", "SNAPSHOT" };
        private readonly IoTStore store;
        private readonly PageTokens tokens;

        public IoTHandler(IoTStore store, PageTokens tokens)
        {
            this.store = store;
            this.tokens = tokens;
        }

        public async Task<byte[]?> ListJobs(HttpContext context, Func<string?, string?> tokenFilter)
        {
            var query = context.Request.Query;
            string? status = query["status"].FirstOrDefault(), target = query["targetSelection"].FirstOrDefault();
            string? groupName = query["thingGroupName"].FirstOrDefault(), groupId = query["thingGroupId"].FirstOrDefault();
            string? ns = query["namespaceId"].FirstOrDefault(), nextToken = query["nextToken"].FirstOrDefault(), max = query["maxResults"].FirstOrDefault();
            if (status != null && !Statuses.Contains(status))
            {
                await AwsResponses.IoTError(context, 400, "InvalidRequestException", $"1 validation error detected: Value '{status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Statuses)}]");
                return null;
            }

            if (target != null && !Targets.Contains(target))
            {
                await AwsResponses.IoTError(context, 400, "InvalidRequestException", $"1 validation error detected: Value '{target}' at 'targetSelection' failed to satisfy constraint: Member must satisfy enum value set: [CONTINUOUS, SNAPSHOT]");
                return null;
            }

            int size = 250;
            if (max != null && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > 250))
            {
                await AwsResponses.IoTError(context, 400, "InvalidRequestException", $"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 250");
                return null;
            }

            string scope = $"iot|{status}|{target}|{groupName}|{groupId}|{ns}";
            int offset = 0;
            if (nextToken != null)
            {
                if (tokens.Read(nextToken, scope) is not int start)
                {
                    await AwsResponses.IoTError(context, 400, "InvalidRequestException", "The next token is invalid or was issued for a different set of filters.");
                    return null;
                }

                offset = start;
            }

            var matching = store.Jobs.Where(j =>
                (status is null || j.Status == status)
                && (target is null || j.TargetSelection == target)
                && (groupName is null || j.ThingGroupName == groupName)
                && (groupId is null || j.ThingGroupId == groupId)
                && (ns is null || j.NamespaceId == ns)).ToList();
            var page = matching.Skip(offset).Take(size).ToList();
            string? next = tokenFilter(offset + page.Count < matching.Count ? tokens.Issue(scope, offset + page.Count) : null);

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("jobs");
                foreach (var job in page)
                {
                    writer.WriteStartObject();
                    writer.WriteString("jobArn", job.JobArn);
                    writer.WriteString("jobId", job.JobId);
                    if (job.ThingGroupId != null)
                    {
                        writer.WriteString("thingGroupId", job.ThingGroupId);
                    }

                    writer.WriteString("targetSelection", job.TargetSelection);
                    writer.WriteString("status", job.Status);
                    Timestamp(writer, "createdAt", job.CreatedAt);
                    Timestamp(writer, "lastUpdatedAt", job.LastUpdatedAt);
                    Timestamp(writer, "completedAt", job.CompletedAt);
                    if (job.IsConcurrent is bool concurrent)
                    {
                        writer.WriteBoolean("isConcurrent", concurrent);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (next != null)
                {
                    writer.WriteString("nextToken", next);
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        private static void Timestamp(Utf8JsonWriter writer, string name, DateTimeOffset? value)
        {
            if (value is DateTimeOffset time)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(AwsResponses.Epoch(time));
            }
        }
    }
}
