using System;
using System.Linq;
using System.Management.Automation;
using JobTools.Completion;
using JobTools.Paging;
using JobTools.Services;
using JobTools.Validation;
using JobTools.Vocabulary;

namespace JobTools.Commands
{
    /// <summary>
    /// Lists the account's Snowball clusters in the region (ListClusters), or in several regions and with several
    /// profiles at once, page by page, writing each cluster as its page arrives. Its objects pipe into Get-SnowballClusterJob, which binds ClusterId by property name.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SnowballCluster", SupportsPaging = true)]
    [OutputType(typeof(SnowballCluster))]
    public sealed class GetSnowballClusterCommand : JobListingCmdlet
    {
        private const int ServiceMaxResults = 100;

        /// <summary>The page size: how many clusters each request asks for (1 to 100; default 100).</summary>
        [Parameter]
        [Alias("MaxResult", "MaxItems")]
        [ValidateRange(1, ServiceMaxResults)]
        public int MaxResults { get; set; } = ServiceMaxResults;

        /// <summary>Write only clusters in these states (a client-side filter: the API has none).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [KnownValue(KnownValueKind.SnowballClusterState)]
        [JobToolsCompletion(KnownValueKind.SnowballClusterState)]
        public string[]? ClusterState { get; set; }

        /// <inheritdoc />
        private protected override string ProgressActivity => "Listing Snowball clusters";

        /// <inheritdoc />
        private protected override string ItemName => "clusters";

        /// <inheritdoc />
        internal override AwsService TargetService => AwsService.Snowball;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            string[]? states = ClusterState;
            var options = new PagingOptions(MaxResults, NextToken, NoAutoIteration, MaxPages, ShrinkLastPage: states is null);
            ListSources<SnowballCluster>(
                "Snowball clusters",
                service => (token, size, cancellationToken) => service.ListClustersAsync(size, token, cancellationToken),
                cluster => cluster.ClusterId,
                options,
                cluster => states is null || states.Contains(cluster.ClusterState, StringComparer.Ordinal));
        }
    }
}
