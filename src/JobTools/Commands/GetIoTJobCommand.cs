using System;
using System.Management.Automation;
using JobTools.Coexistence;
using JobTools.Completion;
using JobTools.Paging;
using JobTools.Services;
using JobTools.Validation;
using JobTools.Vocabulary;

namespace JobTools.Commands
{
    /// <summary>
    /// Lists AWS IoT jobs (ListJobs) with the service's filters, in one region or several at once, page by page,
    /// writing each job as its page arrives;
    /// with -JobId, describes each job (DescribeJob) as AWS Tools for PowerShell's Get-IOTJob does.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IoTJob", SupportsPaging = true, DefaultParameterSetName = ListSet)]
    [OutputType(typeof(IoTJob), ParameterSetName = new[] { ListSet })]
    [OutputType(typeof(IoTJobDetail), ParameterSetName = new[] { DescribeSet })]
    public sealed class GetIoTJobCommand : JobListingCmdlet
    {
        private const int ServiceMaxResults = 250;
        private const string DescribeSet = "Describe";

        /// <summary>The jobs to describe, by ID: from the pipeline, strings or objects with a JobId property (Get-IoTJob's own listing).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = DescribeSet)]
        [ValidateServicePattern(@"\A[a-zA-Z0-9_-]+\z", 1, 64, "IoT job ID", "1 to 64 letters, digits, '_' or '-', for example firmware-update-42")]
        public string[] JobId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Describe the job document before its substitution parameters were resolved. A Boolean, as in AWS Tools
        /// for PowerShell, so that -BeforeSubstitution $true works as it does there.
        /// </summary>
        [Parameter(ParameterSetName = DescribeSet)]
        public bool BeforeSubstitution { get; set; }

        /// <summary>Only jobs with this status.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [KnownValue(KnownValueKind.IoTJobStatus)]
        [JobToolsCompletion(KnownValueKind.IoTJobStatus)]
        public string? Status { get; set; }

        /// <summary>Only CONTINUOUS or only SNAPSHOT jobs.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [KnownValue(KnownValueKind.IoTTargetSelection)]
        [JobToolsCompletion(KnownValueKind.IoTTargetSelection)]
        public string? TargetSelection { get; set; }

        /// <summary>Only jobs that target this thing group, by name.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateServicePattern(@"\A[a-zA-Z0-9:_-]+\z", 1, 128, "thing group name", "1 to 128 letters, digits, ':', '_' or '-', with no spaces")]
        [JobToolsCompletion(LiveSourceKind.IoTThingGroupName)]
        public string? ThingGroupName { get; set; }

        /// <summary>Only jobs that target this thing group, by ID.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateServicePattern(@"\A[a-zA-Z0-9-]+\z", 1, 128, "thing group ID", "1 to 128 letters, digits or '-'")]
        public string? ThingGroupId { get; set; }

        /// <summary>Only jobs in this namespace (for example AWS for AWS-managed jobs).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateServicePattern(@"\A[a-zA-Z0-9_-]+\z", 1, int.MaxValue, "namespace ID", "letters, digits, '_' or '-', for example AWS")]
        public string? NamespaceId { get; set; }

        /// <summary>The page size: how many jobs each request asks for (1 to 250; default 250).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("MaxResult", "MaxItems")]
        [ValidateRange(1, ServiceMaxResults)]
        public int MaxResults { get; set; } = ServiceMaxResults;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (NameClash.Notice(InvokeCommand, MyInvocation) is string clash)
            {
                Diagnostics.Warning(clash);
            }

            if (ThingGroupName != null && ThingGroupId != null)
            {
                ThrowParameterError("Give -ThingGroupName or -ThingGroupId, not both: the service filters on one thing group at a time.", "ThingGroupNameAndId");
            }
        }

        /// <inheritdoc />
        private protected override string ProgressActivity => ParameterSetName == DescribeSet ? "Describing IoT jobs" : "Listing IoT jobs";

        /// <inheritdoc />
        internal override AwsService TargetService => AwsService.IoT;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            PlanSources();
            if (ParameterSetName == DescribeSet)
            {
                if (Combinations.Count > 1)
                {
                    ThrowParameterError(
                        "-JobId describes jobs in one region with one profile: give one -Region and at most one -ProfileName, or pipe a listing over several, whose jobs each say their Region and ProfileName.",
                        "JobIdWithSeveralSources");
                }

                Describe();
                return;
            }

            var query = new IoTJobQuery(Status, TargetSelection, ThingGroupName, ThingGroupId, NamespaceId);
            var options = new PagingOptions(MaxResults, NextToken, NoAutoIteration, MaxPages, ShrinkLastPage: true);
            ListSources<IoTJob>("IoT jobs", service => (token, size, cancellationToken) => service.ListIoTJobsAsync(query, size, token, cancellationToken), job => job.JobId, options, _ => true);
        }

        /// <summary>One DescribeJob per ID, each a listing of one: an unknown ID is a non-terminating error and the next goes on.</summary>
        private void Describe()
        {
            var options = new PagingOptions(1, null, NoAutoIteration: false, MaxPages: 0, ShrinkLastPage: false);
            foreach (string jobId in JobId)
            {
                if (Budget.IsSatisfied)
                {
                    return;
                }

                List(jobId, options, (_, _, cancellationToken) => Service.DescribeIoTJobAsync(jobId, BeforeSubstitution, cancellationToken), job => job.JobId, _ => true);
            }
        }
    }
}
