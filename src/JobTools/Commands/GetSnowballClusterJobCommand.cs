using System;
using System.Management.Automation;
using JobTools.Completion;
using JobTools.FanOut;
using JobTools.Filtering;
using JobTools.Paging;
using JobTools.Services;
using JobTools.Validation;
using JobTools.Vocabulary;

namespace JobTools.Commands
{
    /// <summary>
    /// Lists the jobs of one or more Snowball clusters (ListClusterJobs), page by page, writing each job as
    /// its page arrives. Several clusters (given at once or piped), regions or profiles are listed at once,
    /// each cluster in each region with each profile an independent source.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SnowballClusterJob", SupportsPaging = true)]
    [OutputType(typeof(SnowballClusterJob))]
    public sealed class GetSnowballClusterJobCommand : JobListingCmdlet
    {
        private const int ServiceMaxResults = 100;
        private const string ClusterIdPattern = @"\ACID[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\z";
        private const string ClusterIdForm = "'CID' followed by a lower-case UUID, 39 characters in all, for example CID123e4567-e89b-12d3-a456-426655440000";
        private int clustersListed;
        private FanOutListing<SnowballClusterJob>? clusters;
        private SnowballJobFilter? filter;

        /// <summary>The 39-character ID of the cluster, for example CID123e4567-e89b-12d3-a456-426655440000.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateServicePattern(ClusterIdPattern, 39, 39, "Snowball cluster ID", ClusterIdForm)]
        [JobToolsCompletion(LiveSourceKind.SnowballClusterId)]
        public string[] ClusterId { get; set; } = Array.Empty<string>();

        /// <summary>The page size: how many jobs each request asks for (1 to 100; default 100).</summary>
        [Parameter]
        [Alias("MaxResult", "MaxItems")]
        [ValidateRange(1, ServiceMaxResults)]
        public int MaxResults { get; set; } = ServiceMaxResults;

        /// <summary>Write only jobs in these states (a client-side filter: the API has none).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [KnownValue(KnownValueKind.SnowballJobState)]
        [JobToolsCompletion(KnownValueKind.SnowballJobState)]
        public string[]? JobState { get; set; }

        /// <summary>Write only jobs of these types (client-side).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [KnownValue(KnownValueKind.SnowballJobType)]
        [JobToolsCompletion(KnownValueKind.SnowballJobType)]
        public string[]? JobType { get; set; }

        /// <summary>Write only jobs on these device types (client-side).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [KnownValue(KnownValueKind.SnowballType)]
        [JobToolsCompletion(KnownValueKind.SnowballType)]
        public string[]? SnowballType { get; set; }

        /// <inheritdoc />
        private protected override string ProgressActivity => "Listing Snowball cluster jobs";

        /// <summary>The views for several sources: with a Region column when regions or profiles vary, with ClusterId first otherwise.</summary>
        private string ViewTypeName => typeof(SnowballClusterJob).FullName + (Combinations.Count > 1 ? "#Sources" : "#Clusters");

        /// <inheritdoc />
        internal override AwsService TargetService => AwsService.Snowball;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            PlanSources();
            filter ??= new SnowballJobFilter(JobState, JobType, SnowballType);
            var options = new PagingOptions(MaxResults, NextToken, NoAutoIteration, MaxPages, ShrinkLastPage: !filter.IsActive);
            bool oneSource = !MyInvocation.ExpectingInput && ClusterId.Length == 1 && Combinations.Count == 1;
            foreach (string clusterId in ClusterId)
            {
                if (Budget.IsSatisfied)
                {
                    return;
                }

                if (NextToken != null && clustersListed > 0)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException("-NextToken resumes the listing of one cluster; give a single -ClusterId with it."),
                        "NextTokenWithSeveralClusters",
                        ErrorCategory.InvalidArgument,
                        clusterId));
                }

                clustersListed++;
                Func<IJobService, PageFetch<SnowballClusterJob>> jobs = service => (token, size, cancellationToken) => service.ListClusterJobsAsync(clusterId, size, token, cancellationToken);
                if (oneSource)
                {
                    List(clusterId, options, OnService(jobs), job => job.JobId, filter.Matches);
                    return;
                }

                clusters ??= new FanOutListing<SnowballClusterJob>(ThrottleLimit, Budget, PipelineStopToken);
                StartSources(clusters, clusterId, jobs, job => job.JobId, options);
            }

            if (clusters is null)
            {
                return;
            }

            // Clusters given at once are listed here; piped ones go on while the next arrive, and EndProcessing waits for them.
            if (!MyInvocation.ExpectingInput)
            {
                clusters.Close();
            }

            WriteSources(clusters, wait: !MyInvocation.ExpectingInput, filter.Matches, ViewTypeName);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (clusters != null && MyInvocation.ExpectingInput && !Budget.IsSatisfied)
            {
                clusters.Close();
                WriteSources(clusters, wait: true, filter!.Matches, ViewTypeName);
            }

            base.EndProcessing();
        }
    }
}
