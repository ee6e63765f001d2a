using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JobTools.LocalAws
{
    /// <summary>Snowball ListClusterJobs over awsJson1_1, validated as the service model constrains it.</summary>
    internal sealed class SnowballHandler
    {
        /// <summary>The page size when MaxResults is absent or 0 (the model allows 0..100 and documents no default).</summary>
        public const int DefaultPageSize = 100;

        private const string ClusterIdPattern = "CID[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

        private readonly SnowballStore store;
        private readonly PageTokens tokens;

        public SnowballHandler(SnowballStore store, PageTokens tokens)
        {
            this.store = store;
            this.tokens = tokens;
        }

        /// <summary>
        /// Answers an error itself and returns null, or returns the page's body; <paramref name="tokenFilter"/> may replace
        /// the next token the page carries.
        /// </summary>
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

            var validation = new ValidationErrors();
            validation.NotNull("clusterId", clusterId);
            validation.Pattern("clusterId", clusterId, ClusterIdPattern);
            validation.Length("clusterId", clusterId, 39, 39);
            validation.Range("maxResults", maxResults, 0, 100);
            validation.Length("nextToken", nextToken, 1, 1024);
            if (validation.Any)
            {
                await AwsResponses.SnowballError(context, 400, "ValidationException", validation.Message);
                return null;
            }

            if (!store.TryGet(clusterId!, out var jobs))
            {
                await AwsResponses.SnowballError(context, 400, "InvalidResourceException", $"The cluster {clusterId} does not exist.");
                return null;
            }

            string scope = "snowball|" + clusterId;
            int offset = 0;
            if (nextToken != null)
            {
                if (tokens.Read(nextToken, scope) is not int start)
                {
                    await AwsResponses.SnowballError(
                        context,
                        400,
                        "InvalidNextTokenException",
                        "The NextToken string was altered unexpectedly, and the operation has stopped. Run the operation without changing the NextToken string, and try again.");
                    return null;
                }

                offset = start;
            }

            int size = maxResults is null or 0 ? DefaultPageSize : maxResults.Value;
            var page = jobs.Skip(offset).Take(size).ToList();
            string? next = tokenFilter(offset + page.Count < jobs.Count ? tokens.Issue(scope, offset + page.Count) : null);

            return AwsResponses.Page(page, "JobListEntries", "NextToken", next, WriteEntry);
        }

        private static void WriteEntry(Utf8JsonWriter writer, SnowballJobRecord job)
        {
            writer.WriteString("JobId", job.JobId);
            writer.WriteString("JobState", job.JobState);
            writer.WriteBoolean("IsMaster", job.IsMaster);
            writer.WriteString("JobType", job.JobType);
            writer.WriteString("SnowballType", job.SnowballType);
            AwsResponses.WriteEpochSeconds(writer, "CreationDate", job.CreationDate);
            if (job.Description != null)
            {
                writer.WriteString("Description", job.Description);
            }
        }
    }
}
