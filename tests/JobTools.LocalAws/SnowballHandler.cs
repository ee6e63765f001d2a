using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JobTools.LocalAws
{
    /// <summary>Snowball ListClusterJobs over awsJson1_1.</summary>
    internal sealed class SnowballHandler
    {
        private static readonly Regex ClusterIdPattern = new("^CID[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        private readonly SnowballStore store;
        private readonly PageTokens tokens;

        public SnowballHandler(SnowballStore store, PageTokens tokens)
        {
            this.store = store;
            this.tokens = tokens;
        }

        /// <summary>Answers the request; returns the page's body, or null when an error was written.</summary>
        public async Task<byte[]?> ListClusterJobs(HttpContext context, byte[] body, Func<string?, string?> tokenFilter)
        {
            string? clusterId = null, nextToken = null;
            int? maxResults = null;
            try
            {
                using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    switch (property.Name)
                    {
                        case "ClusterId": clusterId = property.Value.GetString(); break;
                        case "NextToken": nextToken = property.Value.GetString(); break;
                        case "MaxResults": maxResults = property.Value.GetInt32(); break;
                    }
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                await AwsResponses.SnowballError(context, 400, "SerializationException", "The request body is not valid JSON for ListClusterJobs.");
                return null;
            }

            if (clusterId is null || !ClusterIdPattern.IsMatch(clusterId))
            {
                await AwsResponses.SnowballError(context, 400, "ValidationException", $"1 validation error detected: Value '{clusterId}' at 'clusterId' failed to satisfy constraint: Member must satisfy regular expression pattern: CID[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}");
                return null;
            }

            if (maxResults is < 0 or > 100)
            {
                await AwsResponses.SnowballError(context, 400, "ValidationException", $"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");
                return null;
            }

            if (!store.TryGet(clusterId, out var jobs))
            {
                await AwsResponses.SnowballError(context, 400, "InvalidResourceException", $"The cluster {clusterId} does not exist.");
                return null;
            }

            int offset = 0;
            if (nextToken != null)
            {
                if (tokens.Read(nextToken, "snowball|" + clusterId) is not int start)
                {
                    await AwsResponses.SnowballError(context, 400, "InvalidNextTokenException", "The NextToken string was altered unexpectedly, and the operation has stopped. Run the operation without changing the NextToken string, and try again.");
                    return null;
                }

                offset = start;
            }

            int size = maxResults is null or 0 ? 100 : maxResults.Value;
            var page = jobs.Skip(offset).Take(size).ToList();
            string? next = offset + page.Count < jobs.Count ? tokens.Issue("snowball|" + clusterId, offset + page.Count) : null;
            next = tokenFilter(next);

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("JobListEntries");
                foreach (var job in page)
                {
                    writer.WriteStartObject();
                    writer.WriteString("JobId", job.JobId);
                    writer.WriteString("JobState", job.JobState);
                    writer.WriteBoolean("IsMaster", job.IsMaster);
                    writer.WriteString("JobType", job.JobType);
                    writer.WriteString("SnowballType", job.SnowballType);
                    writer.WritePropertyName("CreationDate");
                    writer.WriteRawValue(AwsResponses.Epoch(job.CreationDate));
                    if (job.Description != null)
                    {
                        writer.WriteString("Description", job.Description);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (next != null)
                {
                    writer.WriteString("NextToken", next);
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }
}
