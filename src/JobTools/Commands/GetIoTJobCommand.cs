using System.Management.Automation;
using JobTools.Completion;
using JobTools.Paging;
using JobTools.Services;
using JobTools.Validation;
using JobTools.Vocabulary;

namespace JobTools.Commands
{
    /// <summary>Lists AWS IoT jobs (ListJobs) with the service's filters, page by page, writing each job as its page arrives.</summary>
    [Cmdlet(VerbsCommon.Get, "IoTJob", SupportsPaging = true)]
    [OutputType(typeof(IoTJob))]
    public sealed class GetIoTJobCommand : JobListingCmdlet
    {
        private const int ServiceMaxResults = 250;

        /// <summary>Only jobs with this status.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [KnownValue(KnownValueKind.IoTJobStatus)]
        [KnownValueCompletion(KnownValueKind.IoTJobStatus)]
        public string? Status { get; set; }

        /// <summary>Only CONTINUOUS or only SNAPSHOT jobs.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [KnownValue(KnownValueKind.IoTTargetSelection)]
        [KnownValueCompletion(KnownValueKind.IoTTargetSelection)]
        public string? TargetSelection { get; set; }

        /// <summary>Only jobs that target this thing group, by name.</summary>
        [Parameter]
        [ValidateServicePattern(@"\A[a-zA-Z0-9:_-]+\z", 1, 128, "thing group name", "1 to 128 letters, digits, ':', '_' or '-', with no spaces")]
        [LiveCompletion(LiveSourceKind.IoTThingGroupName)]
        public string? ThingGroupName { get; set; }

        /// <summary>Only jobs that target this thing group, by ID.</summary>
        [Parameter]
        [ValidateServicePattern(@"\A[a-zA-Z0-9-]+\z", 1, 128, "thing group ID", "1 to 128 letters, digits or '-'")]
        public string? ThingGroupId { get; set; }

        /// <summary>Only jobs in this namespace (for example AWS for AWS-managed jobs).</summary>
        [Parameter]
        [ValidateServicePattern(@"\A[a-zA-Z0-9_-]+\z", 1, int.MaxValue, "namespace ID", "letters, digits, '_' or '-', for example AWS")]
        public string? NamespaceId { get; set; }

        /// <summary>The page size: how many jobs each request asks for (1 to 250; default 250).</summary>
        [Parameter]
        [Alias("MaxResult", "MaxItems")]
        [ValidateRange(1, ServiceMaxResults)]
        public int MaxResults { get; set; } = ServiceMaxResults;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ThingGroupName != null && ThingGroupId != null)
            {
                ThrowParameterError("Give -ThingGroupName or -ThingGroupId, not both: the service filters on one thing group at a time.", "ThingGroupNameAndId");
            }
        }

        /// <inheritdoc />
        private protected override string ProgressActivity => "Listing IoT jobs";

        /// <inheritdoc />
        internal override AwsService TargetService => AwsService.IoT;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var query = new IoTJobQuery(Status, TargetSelection, ThingGroupName, ThingGroupId, NamespaceId);
            var options = new PagingOptions(MaxResults, NextToken, NoAutoIteration, MaxPages, shrinkLastPage: true);
            List("IoT jobs", options, (token, size, cancellationToken) => Service.ListIoTJobsAsync(query, size, token, cancellationToken), job => job.JobId, _ => true);
        }
    }
}
