using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using JobTools.Services;

namespace JobTools.Completion
{
    /// <summary>
    /// A listing that live completion draws values from: which request to send for what was typed, how many pages
    /// to read at most, and which values match.
    /// </summary>
    internal abstract class LiveSource
    {
        private static readonly LiveSource Clusters = new SnowballClusterIds();
        private static readonly LiveSource ThingGroups = new IoTThingGroupNames();

        /// <summary>What is listed, for the diagnostics, for example "Snowball clusters".</summary>
        public abstract string Name { get; }

        /// <summary>The service the listing is sent to.</summary>
        public abstract AwsService Service { get; }

        public static LiveSource For(LiveSourceKind kind) => kind switch
        {
            LiveSourceKind.SnowballClusterId => Clusters,
            LiveSourceKind.IoTThingGroupName => ThingGroups,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        /// <summary>
        /// The filter to send for the typed text (null: the service has none, or nothing was typed); false, with
        /// the reason, when the typed text cannot begin any value.
        /// </summary>
        public abstract bool TryServerFilter(string typed, out string? filter, out string? reason);

        public abstract bool Matches(CompletionCandidate candidate, string typed);

        public abstract Task<CandidateList> FetchAsync(IJobService service, string? filter, CancellationToken cancellationToken);

        /// <summary>Follows the pages up to <paramref name="maxPages"/>, stopping early on a token that repeats.</summary>
        protected static async Task<CandidateList> Collect<T>(Func<string?, Task<JobPage<T>>> fetchPage, int maxPages, Func<T, CompletionCandidate?> candidate)
        {
            var items = new List<CompletionCandidate>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? token = null;
            for (int page = 0; page < maxPages; page++)
            {
                var result = await fetchPage(token).ConfigureAwait(false);
                foreach (var item in result.Items)
                {
                    if (candidate(item) is CompletionCandidate found)
                    {
                        items.Add(found);
                    }
                }

                if (result.NextToken is null)
                {
                    return new CandidateList(items, Complete: true);
                }

                if (!seen.Add(result.NextToken))
                {
                    break;
                }

                token = result.NextToken;
            }

            return new CandidateList(items, Complete: false);
        }

        /// <summary>ListClusters: every cluster of the region, matched on the client by ID prefix in any case.</summary>
        private sealed class SnowballClusterIds : LiveSource
        {
            private const int PageSize = 100;
            private const int MaxPages = 5;

            public override string Name => "Snowball clusters";

            public override AwsService Service => AwsService.Snowball;

            public override bool TryServerFilter(string typed, out string? filter, out string? reason)
            {
                filter = null;
                reason = null;
                return true;
            }

            public override bool Matches(CompletionCandidate candidate, string typed) =>
                candidate.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase);

            public override Task<CandidateList> FetchAsync(IJobService service, string? filter, CancellationToken cancellationToken) =>
                Collect(
                    token => service.ListClustersAsync(PageSize, token, cancellationToken),
                    MaxPages,
                    cluster => cluster.ClusterId is null ? null : new CompletionCandidate(cluster.ClusterId, ToolTip(cluster)));

            private static string ToolTip(SnowballCluster cluster)
            {
                string created = cluster.CreationDate is DateTime date
                    ? "created " + date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC"
                    : "creation date unknown";
                string text = $"{cluster.ClusterState ?? "state unknown"}, {created}";
                return string.IsNullOrEmpty(cluster.Description) ? text : $"{text}: {cluster.Description}";
            }
        }

        /// <summary>ListThingGroups: the service filters by the typed name prefix, which it compares case-sensitively.</summary>
        private sealed class IoTThingGroupNames : LiveSource
        {
            private const int PageSize = 250;
            private const int MaxPages = 4;
            private static readonly Regex NamePrefix = new Regex(@"\A[a-zA-Z0-9:_-]{1,128}\z", RegexOptions.CultureInvariant);

            public override string Name => "IoT thing groups";

            public override AwsService Service => AwsService.IoT;

            public override bool TryServerFilter(string typed, out string? filter, out string? reason)
            {
                filter = typed.Length == 0 ? null : typed;
                reason = filter is null || NamePrefix.IsMatch(filter) ? null : $"'{typed}' cannot begin a thing group name (letters, digits, ':', '_' or '-').";
                return reason is null;
            }

            public override bool Matches(CompletionCandidate candidate, string typed) =>
                candidate.Value.StartsWith(typed, StringComparison.Ordinal);

            public override Task<CandidateList> FetchAsync(IJobService service, string? filter, CancellationToken cancellationToken) =>
                Collect(
                    token => service.ListThingGroupsAsync(filter, PageSize, token, cancellationToken),
                    MaxPages,
                    group => group.GroupName is null ? null : new CompletionCandidate(group.GroupName, $"Thing group {group.GroupName} ({group.GroupArn ?? "no ARN"})"));
        }
    }
}
