using System;
using System.Management.Automation;
using JobTools.Completion;
using JobTools.Loading;
using JobTools.Paging;
using JobTools.Reporting;
using JobTools.Services;
using JobTools.Validation;

namespace JobTools.Commands
{
    /// <summary>
    /// What the listing cmdlets share: the common AWS parameters (named as AWS Tools for PowerShell names
    /// them), one connection per invocation, and the paging loop with its diagnostics. The settings are assembled
    /// in <see cref="ListingSettings"/>, failures mapped in <see cref="ListingErrors"/>; the loop stops when the
    /// pipeline does (the engine's PipelineStopToken).
    /// </summary>
    public abstract class JobListingCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>The parameter set of a listing: the paging parameters belong to it alone.</summary>
        private protected const string ListSet = "List";

        private readonly RetryFeed retries = new RetryFeed();
        private IJobService? service;
        private ListingReport? report;
        private bool connectionShown;
        private DiagnosticWriter? diagnostics;

        /// <summary>The AWS region, for example us-east-1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [AwsSettingCompletion(AwsSettingKind.Region)]
        public string? Region { get; set; }

        /// <summary>A profile in the shared credentials or config file.</summary>
        [Parameter]
        [Alias("StoredCredentials", "AWSProfileName")]
        [ValidateNotNullOrEmpty]
        [AwsSettingCompletion(AwsSettingKind.ProfileName)]
        public string? ProfileName { get; set; }

        /// <summary>The shared credentials file to read profiles from.</summary>
        [Parameter]
        [Alias("AWSProfilesLocation", "ProfilesLocation")]
        [ValidateNotNullOrEmpty]
        public string? ProfileLocation { get; set; }

        /// <summary>The access key id, with -SecretKey.</summary>
        [Parameter]
        [Alias("AK")]
        [ValidateNotNullOrEmpty]
        public string? AccessKey { get; set; }

        /// <summary>The secret access key, with -AccessKey.</summary>
        [Parameter]
        [Alias("SK", "SecretAccessKey")]
        [ValidateNotNullOrEmpty]
        public string? SecretKey { get; set; }

        /// <summary>The session token of temporary credentials.</summary>
        [Parameter]
        [Alias("ST")]
        [ValidateNotNullOrEmpty]
        public string? SessionToken { get; set; }

        /// <summary>
        /// Credentials: a PSCredential (the user name is the access key id, the password the secret key), or an AWS
        /// credentials object (Amazon.Runtime.AWSCredentials) from any AWS SDK for .NET in the session, read by member name.
        /// </summary>
        [Parameter]
        [AwsCredentialArgument]
        [ValidateNotNull]
        public object? Credential { get; set; }

        /// <summary>An endpoint to send requests to instead of the region's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        /// <summary>Start from this token, returned by an earlier call with the same input; the listing continues from there.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? NextToken { get; set; }

        /// <summary>Request one page only; the token for the next page goes to the Information stream (tag NextToken).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter NoAutoIteration { get; set; }

        /// <summary>A safety bound on the requests for one listing; with 0, the default, a listing stops only after 1,000 empty pages in a row.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(0, int.MaxValue)]
        public int MaxPages { get; set; }

        /// <summary>Retries per request after the first attempt (default 8, or AWS_MAX_ATTEMPTS - 1 when set).</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int? MaxRetries { get; set; }

        /// <summary>How long one attempt may take, in seconds (default 30).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 30;

        /// <summary>The Write-Progress activity, for example "Listing IoT jobs".</summary>
        private protected abstract string ProgressActivity { get; }

        /// <summary>The service this cmdlet lists from.</summary>
        internal abstract AwsService TargetService { get; }

        /// <summary>What the listing writes, in the plural, for the progress and verbose lines: "jobs" unless a cmdlet says otherwise.</summary>
        private protected virtual string ItemName => "jobs";

        /// <summary>The verbose, warning and debug lines of this invocation (see <see cref="DiagnosticWriter"/>).</summary>
        private protected DiagnosticWriter Diagnostics => diagnostics ??= new DiagnosticWriter(this);

        /// <summary>Applies -Skip and -First across the whole invocation.</summary>
        internal OutputBudget Budget { get; private set; } = new OutputBudget(0, null);

        /// <inheritdoc />
        public void Dispose()
        {
            service?.Dispose();
            service = null;
            retries.Dispose();
        }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            ulong first = PagingParameters.First;
            Budget = new OutputBudget(PagingParameters.Skip, first == ulong.MaxValue ? (ulong?)null : first);
            CheckCredentialParameters();
            if (EndpointUrl != null && !Uri.TryCreate(EndpointUrl, UriKind.Absolute, out _))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"-EndpointUrl '{EndpointUrl}' is not an absolute URI. Give one such as https://{TargetService.ToString().ToLowerInvariant()}.us-east-1.amazonaws.com or http://127.0.0.1:4567."),
                    "InvalidEndpointUrl",
                    ErrorCategory.InvalidArgument,
                    EndpointUrl));
            }
        }

        /// <summary>Credentials given by halves are parameter mistakes, reported before anything is resolved or sent.</summary>
        private void CheckCredentialParameters()
        {
            const string Pair = "Give -AccessKey and -SecretKey together, or neither to use a profile or the environment.";
            if (AccessKey != null && SecretKey is null)
            {
                ThrowParameterError("-AccessKey was given without -SecretKey. " + Pair, "AccessKeyWithoutSecretKey");
            }

            if (SecretKey != null && AccessKey is null)
            {
                ThrowParameterError("-SecretKey was given without -AccessKey. " + Pair, "SecretKeyWithoutAccessKey");
            }

            if (Credential is PSCredential credential && !ReferenceEquals(credential, PSCredential.Empty) && credential.GetNetworkCredential().Password.Length == 0)
            {
                ThrowParameterError(
                    "-Credential has an empty password. Its user name is the access key id and its password the secret access key: give both, or leave -Credential out to use a profile or the environment.",
                    "CredentialWithoutSecretKey");
            }
        }

        /// <summary>Ends the command with a parameter mistake: InvalidArgument, no target.</summary>
        private protected void ThrowParameterError(string message, string errorId) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, null));

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            Finish();
            Dispose();
        }

        /// <summary>
        /// The connection for this invocation, resolved on first use (never for -First 0); its warnings (plain
        /// http to another host, an unreadable settings file) are written before any request.
        /// </summary>
        internal IJobService Service
        {
            get
            {
                if (service is null)
                {
                    service = AwsLayer.Connect(ListingSettings.From(this), retries);
                    foreach (string warning in service.Connection.Warnings)
                    {
                        Diagnostics.Warning(warning);
                    }
                }

                return service;
            }
        }

        /// <summary>
        /// Runs one listing: pages stream in, matching items are written within the -Skip/-First budget as each
        /// page arrives; <paramref name="idOf"/> gives an item's id (a job's, a cluster's), which no listing writes
        /// twice. A not-found subject is a non-terminating error (the next piped input goes on); any other failure
        /// ends the command.
        /// </summary>
        internal void List<T>(string subject, PagingOptions options, PageFetch<T> fetch, Func<T, string?> idOf, Func<T, bool> include)
        {
            using var pager = new Pager<T>(fetch, WaitWritingRetries, idOf, options, Budget, PipelineStopToken);
            var position = pager.Position;
            report ??= new ListingReport(ProgressActivity, ProgressActivity.GetHashCode() & 0x7FFFFFFF, ItemName);
            report.Start(subject);
            try
            {
                while (pager.Next() is JobPage<T> page)
                {
                    report.PageArrived();
                    Describe(page, subject, position.Pages);
                    bool readingAhead = false;
                    int problem = 0;
                    for (int i = 0; i < page.Items.Count; i++)
                    {
                        var item = page.Items[i];
                        bool reached = !Budget.IsSatisfied;
                        if (include(item) && Budget.Take())
                        {
                            WriteObject(item);
                            if (!readingAhead)
                            {
                                // The first object is out: the next page can travel while this one is written.
                                readingAhead = true;
                                pager.ReadAhead(page.Items.Count - i - 1);
                            }
                        }

                        // A value the AWS layer could not read: the job is written without it, and a warning (which,
                        // unlike an error, does not stop a script run with -ErrorAction Stop) names it, for every job
                        // the listing reached, so also one a filter or -Skip passed over, perhaps for that value.
                        if (problem < page.Problems.Count && page.Problems[problem].Index == i)
                        {
                            if (reached)
                            {
                                Diagnostics.Warning(page.Problems[problem].Message);
                            }

                            problem++;
                        }
                    }

                    bool more = page.NextToken != null && !options.NoAutoIteration && !Budget.IsSatisfied;
                    if (report.Update(Budget.Written, more, Budget.First) is ProgressRecord progress)
                    {
                        WriteProgress(progress);
                    }

                    if (options.NoAutoIteration && page.NextToken != null)
                    {
                        WriteInformation(new InformationRecord(page.NextToken, subject) { Tags = { "NextToken" } });
                        Diagnostics.Verbose($"More {ItemName} are available: continue with -NextToken {TokenText.Quoted(page.NextToken)}.");
                    }
                }
            }
            catch (OperationCanceledException) when (PipelineStopToken.IsCancellationRequested)
            {
                // Stopped (Ctrl+C): end quietly, clearing the progress bar if the host still listens.
                Finish();
            }
            catch (JobToolsServiceException ex) when (ex.Kind == AwsErrorKind.NotFound && position.Pages == 0)
            {
                report.AttemptsFailed(ex.Attempts);
                WriteError(ListingErrors.ToErrorRecord(ex, subject));
            }
            catch (JobToolsServiceException ex)
            {
                report.AttemptsFailed(ex.Attempts);
                Finish();
                ThrowTerminatingError(ListingErrors.Interrupted(ex, subject, position));
            }
            catch (PagingException ex)
            {
                Finish();
                ThrowTerminatingError(ListingErrors.Stopped(ex, subject));
            }
        }

        /// <summary>The debug lines on the connection (once per invocation) and the verbose lines on one page.</summary>
        private void Describe<T>(JobPage<T> page, string subject, int pageNumber)
        {
            if (!connectionShown)
            {
                connectionShown = true;
                var connection = Service.Connection;
                Diagnostics.Debug($"Endpoint: {connection.Endpoint}; signing region {connection.SigningRegion} from {connection.RegionSource}.");
                Diagnostics.Debug($"Credentials: {connection.CredentialSource}.");
            }

            Diagnostics.Verbose($"Page {pageNumber} of {subject}: {page.Items.Count} {ItemName} in {page.Elapsed.TotalMilliseconds:F0} ms, {page.Retries.Count} retries, request id {page.RequestId ?? "none"}.");
        }

        /// <summary>Waits for a page on the pipeline thread, writing each retry as the AWS layer decides it.</summary>
        private void WaitWritingRetries(System.Threading.Tasks.Task fetch) => retries.Wait(fetch, PipelineStopToken, notice =>
        {
            report?.Retried();
            Diagnostics.Verbose(string.Format(
                System.Globalization.CultureInfo.InvariantCulture,
                "Attempt {0} of {1} failed: {2}; retrying in {3:F1} s.",
                notice.FailedAttempt,
                notice.MaxAttempts,
                notice.Reason,
                notice.Wait.TotalSeconds));
        });

        /// <summary>Ends the progress bar and writes the summary line, once.</summary>
        private void Finish()
        {
            if (report is null)
            {
                return;
            }

            var done = report;
            report = null;
            try
            {
                if (done.Complete() is ProgressRecord completed)
                {
                    WriteProgress(completed);
                }

                Diagnostics.Verbose(done.Summary(Budget.Written));
            }
            catch (PipelineStoppedException)
            {
                // The pipeline is stopping (Ctrl+C): nothing more can be written.
            }
        }
    }
}
