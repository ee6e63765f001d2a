using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JobTools.LocalAws
{
    /// <summary>Snowball ListClusterJobs and ListClusters over awsJson1_1, validated as the service model constrains them.</summary>
    internal sealed class SnowballHandler
    {
        /// <summary>The page size when MaxResults is absent or 0 (the model allows 0..100 and documents no default).</summary>
        public const int DefaultPageSize = 100;

        private const string ClusterIdPattern = "CID[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

        private readonly SnowballStore store;
        private readonly PageTokens tokens;
        private readonly string? signingRegion;

        /// <summary>Serves one request from <paramref name="store"/>; its page tokens are good only for requests signed for <paramref name="signingRegion"/>.</summary>
        public SnowballHandler(SnowballStore store, PageTokens tokens, string? signingRegion)
        {
            this.store = store;
            this.tokens = tokens;
            this.signingRegion = signingRegion;
        }

        /// <summary>
        /// Answers an error itself and returns null, or returns the page's body; <paramref name="tokenFilter"/> may replace
        /// the next token the page carries.
        /// </summary>
        public async Task<byte[]?> ListClusterJobs(HttpContext context, byte[] body, Func<string?, string?> tokenFilter)
        {
            if (await ReadInput(context, body, "ListClusterJobs") is not Input input)
            {
                return null;
            }

            string? clusterId = input.ClusterId;
            var validation = new ValidationErrors();
            validation.NotNull("clusterId", clusterId);
            validation.Pattern("clusterId", clusterId, ClusterIdPattern);
            validation.Length("clusterId", clusterId, 39, 39);
            if (!await Validate(context, validation, input))
            {
                return null;
            }

            if (!store.TryGet(clusterId!, out var jobs))
            {
                await AwsResponses.SnowballError(context, 400, "InvalidResourceException", $"The cluster {clusterId} does not exist.");
                return null;
            }

            return await Page(context, input, "snowball|" + clusterId, jobs, "JobListEntries", WriteEntry, tokenFilter);
        }

        /// <summary>ListClusters: every cluster of the store, in the order they were added.</summary>
        public async Task<byte[]?> ListClusters(HttpContext context, byte[] body, Func<string?, string?> tokenFilter)
        {
            if (await ReadInput(context, body, "ListClusters") is not Input input || !await Validate(context, new ValidationErrors(), input))
            {
                return null;
            }

            return await Page(context, input, "snowball-clusters", store.Clusters, "ClusterListEntries", WriteCluster, tokenFilter);
        }

        /// <summary>The members of either operation's input; null (after answering SerializationException) for a body that is not JSON.</summary>
        private static async Task<Input?> ReadInput(HttpContext context, byte[] body, string operation)
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
                await AwsResponses.SnowballError(context, 400, "SerializationException", $"The request body is not valid JSON for {operation}.");
                return null;
            }

            return new Input(clusterId, maxResults, nextToken);
        }

        /// <summary>Adds the paging members' constraints to <paramref name="validation"/>; answers ValidationException and returns false on any violation.</summary>
        private static async Task<bool> Validate(HttpContext context, ValidationErrors validation, Input input)
        {
            validation.Range("maxResults", input.MaxResults, 0, 100);
            validation.Length("nextToken", input.NextToken, 1, 1024);
            if (validation.Any)
            {
                await AwsResponses.SnowballError(context, 400, "ValidationException", validation.Message);
                return false;
            }

            return true;
        }

        /// <summary>One page of <paramref name="items"/> from the offset the token holds, with a token bound to <paramref name="scope"/> in the signing region.</summary>
        private async Task<byte[]?> Page<T>(
            HttpContext context,
            Input input,
            string scope,
            IReadOnlyList<T> items,
            string listName,
            Action<Utf8JsonWriter, T> writeItem,
            Func<string?, string?> tokenFilter)
        {
            string bound = signingRegion + "|" + scope;
            int offset = 0;
            if (input.NextToken != null)
            {
                if (tokens.Read(input.NextToken, bound) is not int start)
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

            int size = input.MaxResults is null or 0 ? DefaultPageSize : input.MaxResults.Value;
            var page = items.Skip(offset).Take(size).ToList();
            string? next = tokenFilter(offset + page.Count < items.Count ? tokens.Issue(bound, offset + page.Count) : null);

            return AwsResponses.Page(page, listName, "NextToken", next, writeItem);
        }

        private static void WriteCluster(Utf8JsonWriter writer, SnowballClusterRecord cluster)
        {
            writer.WriteString("ClusterId", cluster.ClusterId);
            writer.WriteString("ClusterState", cluster.ClusterState);
            AwsResponses.WriteEpochSeconds(writer, "CreationDate", cluster.CreationDate);
            if (cluster.Description != null)
            {
                writer.WriteString("Description", cluster.Description);
            }
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

        /// <summary>What a request body holds; ListClusters has no ClusterId.</summary>
        private sealed record Input(string? ClusterId, int? MaxResults, string? NextToken);
    }
}
