using System;
using System.Collections.Generic;
using System.Management.Automation;
using JobTools.Completion;
using JobTools.FanOut;
using JobTools.Loading;
using JobTools.Paging;
using JobTools.Reporting;
using JobTools.Services;
using JobTools.Validation;

namespace JobTools.Commands
{
    /// <summary>
    /// What the listing cmdlets share: the common AWS parameters (named as AWS Tools for PowerShell names
    /// them), and the two ways of listing with their diagnostics: one source (one region, one profile, one
    /// cluster) on one connection, paged on the pipeline thread as a single listing always was; or several
    /// sources at once (<see cref="FanOutListing{T}"/>), each with its own connection and its own errors. The
    /// settings are assembled in <see cref="ListingSettings"/>, failures mapped in <see cref="ListingErrors"/>;
    /// listings stop when the pipeline does (the engine's PipelineStopToken).
    /// </summary>
    public abstract class JobListingCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>The parameter set of a listing: the paging parameters belong to it alone.</summary>
        private protected const string ListSet = "List";

        private readonly RetryFeed retries = new RetryFeed();
        private readonly Dictionary<(string? Region, string? ProfileName), (IJobService Service, AwsSettings Settings)> connections = new();
        private (string[]? Region, string[]? ProfileName)? planned;
        private ListingReport? report;
        private readonly HashSet<IJobService> connectionsShown = new();
        private DiagnosticWriter? diagnostics;
        private IDisposable? fanOut;
        private int sourcesEnded;

        /// <summary>
        /// The AWS region, for example us-east-1; several list each (at once, see -ThrottleLimit), and a wildcard
        /// stands for the known regions it matches (eu-*). Bound by property name from piped objects, so that
        /// what a listing wrote is taken up in the region it came from.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [JobToolsCompletion(AwsSettingKind.Region)]
        public string[]? Region { get; set; }

        /// <summary>
        /// A profile in the shared credentials or config file; several list with each, in every region given.
        /// Bound by property name from piped objects too: null there (an object listed without a profile) names none.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StoredCredentials", "AWSProfileName")]
        [AllowNull]
        [JobToolsCompletion(AwsSettingKind.ProfileName)]
        public string[]? ProfileName { get; set; }

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

        /// <summary>How many sources (regions × profiles, and clusters) are listed at once (default 5, as ForEach-Object -Parallel).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 5;

        /// <summary>Start from this token, returned by an earlier call with the same input, from one source; the listing continues from there.</summary>
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

        /// <summary>The regions × profiles the call lists from (one entry of nulls when neither was given); see <see cref="PlanSources"/>.</summary>
        private protected IReadOnlyList<(string? Region, string? ProfileName)> Combinations { get; private set; } = new[] { ((string?)null, (string?)null) };

        /// <inheritdoc />
        public void Dispose()
        {
            fanOut?.Dispose();
            fanOut = null;
            foreach (var (service, _) in connections.Values)
            {
                service.Dispose();
            }

            connections.Clear();
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

            PlanSources();
        }

        /// <summary>
        /// Sets <see cref="Combinations"/> from -Region and -ProfileName: in BeginProcessing from the command line,
        /// and again for each piped object whose Region or ProfileName was bound from it. A parameter mistake ends the command.
        /// </summary>
        private protected void PlanSources()
        {
            if (planned is var (region, profileName) && ReferenceEquals(region, Region) && ReferenceEquals(profileName, ProfileName))
            {
                return;
            }

            planned = (Region, ProfileName);
            try
            {
                Combinations = SourcePlan.Combinations(Region, ProfileName, AwsLayer.Regions);
            }
            catch (ArgumentException ex)
            {
                ThrowParameterError(ex.Message, "NoSuchSource");
            }

            if (NextToken != null && Combinations.Count > 1)
            {
                ThrowParameterError(
                    $"-NextToken resumes the listing of one source, but this call lists {Combinations.Count} (regions × profiles). Give one -Region and at most one -ProfileName with -NextToken: the error that gave the token names them.",
                    "NextTokenWithSeveralSources");
            }
        }

        /// <summary>Credentials given by halves (and a session token without its keys) are parameter mistakes, reported before anything is resolved or sent.</summary>
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

            if (SessionToken != null && AccessKey is null && Credential is not PSCredential)
            {
                ThrowParameterError(
                    "-SessionToken was given without -AccessKey and -SecretKey. A session token goes with the temporary keys it was issued with: give all three (or a PSCredential with -Credential), or leave -SessionToken out to use a profile or the environment.",
                    "SessionTokenWithoutKeys");
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
        /// The connection for the one source of this call (or of this piped object), resolved on first use (never
        /// for -First 0) and kept for the invocation; its warnings (plain http to another host, an unreadable
        /// settings file) are written before any request.
        /// </summary>
        internal IJobService Service => Connected(Combinations[0]).Service;

        private (IJobService Service, AwsSettings Settings) Connected((string? Region, string? ProfileName) source)
        {
            if (!connections.TryGetValue(source, out var connection))
            {
                var settings = ListingSettings.From(this, source.Region, source.ProfileName);
                connection = (AwsLayer.Connect(settings, retries), settings);
                connections[source] = connection;
                foreach (string warning in connection.Service.Connection.Warnings)
                {
                    Diagnostics.Warning(warning);
                }
            }

            return connection;
        }

        /// <summary>
        /// Runs one listing: pages stream in, matching items are written within the -Skip/-First budget as each
        /// page arrives; <paramref name="idOf"/> gives an item's id (a job's, a cluster's), which no listing writes
        /// twice. A not-found subject is a non-terminating error (the next piped input goes on); any other failure
        /// ends the command.
        /// </summary>
        internal void List<T>(string subject, PagingOptions options, PageFetch<T> fetch, Func<T, string?> idOf, Func<T, bool> include)
            where T : ListedObject
        {
            using var pager = new Pager<T>(fetch, idOf, options, Budget, PipelineStopToken);
            var position = pager.Position;
            var listing = Report();
            listing.Start(subject);
            try
            {
                while (pager.Next(WaitWritingRetries) is JobPage<T> page)
                {
                    listing.PageArrived();
                    Describe(page, subject, position.Pages);
                    var (service, settings) = Connected(Combinations[0]);
                    string region = service.Connection.SigningRegion;
                    bool readingAhead = false;
                    WritePage(page, include, (item, itemsLeft) =>
                    {
                        item.Stamp(region, settings.ProfileName);
                        WriteObject(item);
                        if (!readingAhead)
                        {
                            // The first object is out: the next page can travel while this one is written.
                            readingAhead = true;
                            pager.ReadAhead(itemsLeft);
                        }
                    });

                    bool more = page.NextToken != null && !options.NoAutoIteration && !Budget.IsSatisfied;
                    if (listing.Update(Budget.Written, more, Budget.First) is ProgressRecord progress)
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
                listing.AttemptsFailed(ex.Attempts);
                WriteError(ListingErrors.ToErrorRecord(ex, subject));
            }
            catch (JobToolsServiceException ex)
            {
                listing.AttemptsFailed(ex.Attempts);
                Finish();
                ThrowTerminatingError(ListingErrors.Interrupted(ex, subject, position));
            }
            catch (PagingException ex)
            {
                Finish();
                ThrowTerminatingError(ListingErrors.Stopped(ex, subject));
            }
        }

        /// <summary>The progress and summary of this invocation, made on its first listing.</summary>
        private ListingReport Report() => report ??= new ListingReport(ProgressActivity, ProgressActivity.GetHashCode() & 0x7FFFFFFF, ItemName);

        /// <summary>
        /// Lists <paramref name="subject"/> from this call's sources: from its one source as a single listing (see
        /// <see cref="List{T}"/>), or from each region × profile at once (see <see cref="WriteSources{T}"/>).
        /// <paramref name="fetch"/> gives the page requests of a connection.
        /// </summary>
        internal void ListSources<T>(string subject, Func<IJobService, PageFetch<T>> fetch, Func<T, string?> idOf, PagingOptions options, Func<T, bool> include)
            where T : ListedObject
        {
            if (Combinations.Count == 1)
            {
                List(subject, options, OnService(fetch), idOf, include);
                return;
            }

            var sources = new FanOutListing<T>(ThrottleLimit, Budget, PipelineStopToken);
            StartSources(sources, subject, fetch, idOf, options);
            sources.Close();
            WriteSources(sources, wait: true, include, typeof(T).FullName + "#Sources");
        }

        /// <summary>The page requests of <see cref="Service"/>, the connection made on the first request (never for -First 0).</summary>
        private protected PageFetch<T> OnService<T>(Func<IJobService, PageFetch<T>> fetch) =>
            (token, size, cancellationToken) => fetch(Service)(token, size, cancellationToken);

        /// <summary>
        /// Takes each item of a page through the filter and the -Skip/-First budget, handing those to write to
        /// <paramref name="write"/> with the count of items after it. A value the AWS layer could not read: the
        /// job is written without it, and a warning (which, unlike an error, does not stop a script run with
        /// -ErrorAction Stop) names it, for every job the listing reached, so also one a filter or -Skip passed
        /// over, perhaps for that value.
        /// </summary>
        private void WritePage<T>(JobPage<T> page, Func<T, bool> include, Action<T, int> write)
        {
            int problem = 0;
            for (int i = 0; i < page.Items.Count; i++)
            {
                var item = page.Items[i];
                bool reached = !Budget.IsSatisfied;
                if (include(item) && Budget.Take())
                {
                    write(item, page.Items.Count - i - 1);
                }

                if (problem < page.Problems.Count && page.Problems[problem].Index == i)
                {
                    if (reached)
                    {
                        Diagnostics.Warning(page.Problems[problem].Message);
                    }

                    problem++;
                }
            }
        }

        /// <summary>
        /// Starts one source per region × profile of this call, listing <paramref name="subject"/> (a cluster's
        /// jobs, the IoT jobs, the clusters) in each.
        /// </summary>
        internal void StartSources<T>(FanOutListing<T> fanOut, string subject, Func<IJobService, PageFetch<T>> fetch, Func<T, string?> idOf, PagingOptions options)
        {
            this.fanOut ??= fanOut;
            var listing = Report();
            foreach (var (region, profileName) in Combinations)
            {
                var sourceSettings = ListingSettings.From(this, region, profileName);
                fanOut.Start(new ListingSource(subject, region, profileName), observer => AwsLayer.Connect(sourceSettings, observer), fetch, idOf, options);
                listing.SourceStarted();
            }
        }

        /// <summary>
        /// Writes what the sources of <paramref name="fanOut"/> queued, on this (the pipeline) thread: with
        /// <paramref name="wait"/> until every source ended, otherwise what is there now. Each object says where it
        /// came from, and carries <paramref name="viewTypeName"/> first among its type names (the views for
        /// several sources); a source that fails is a non-terminating error naming it, with its resume point,
        /// and the others go on. When -First is met, when an error stops the command (-ErrorAction Stop) and on
        /// Ctrl+C, every source is cancelled with its requests in flight.
        /// </summary>
        internal void WriteSources<T>(FanOutListing<T> fanOut, bool wait, Func<T, bool> include, string viewTypeName)
            where T : ListedObject
        {
            try
            {
                while (!Budget.IsSatisfied && fanOut.Next(wait) is SourceEvent next)
                {
                    switch (next)
                    {
                        case SourceConnected connected:
                            DescribeConnection(connected.Run);
                            break;
                        case SourceRetry retry:
                            report?.Retried();
                            Diagnostics.Verbose($"{retry.Run.Source.Label}: {RetryLine(retry.Notice)}");
                            break;
                        case SourcePage<T> arrived:
                            WriteSourcePage(arrived.Run, arrived.Page, include, viewTypeName);
                            break;
                        case SourceEnded ended:
                            Ended(ended.Run, ended.Failure);
                            break;
                    }
                }

                if (Budget.IsSatisfied)
                {
                    fanOut.Cancel();
                }
            }
            catch (OperationCanceledException) when (PipelineStopToken.IsCancellationRequested)
            {
                // Stopped (Ctrl+C): every source is cancelled with the pipeline; end quietly.
                Finish();
            }
            catch (Exception)
            {
                // An error the user asked to stop on (-ErrorAction Stop), or the pipeline stopping downstream.
                fanOut.Cancel();
                throw;
            }
        }

        private static string Pages(int count) => count == 1 ? "1 page" : $"{count} pages";

        /// <summary>A source's connection: its warnings, and the debug line on where it goes.</summary>
        private void DescribeConnection(SourceRun run)
        {
            var connection = run.Connection!;
            foreach (string warning in connection.Warnings)
            {
                Diagnostics.Warning($"{run.Source.Label}: {warning}");
            }

            Diagnostics.Debug($"{run.Source.Label}: endpoint {connection.Endpoint}; signing region {connection.SigningRegion} from {connection.RegionSource}; credentials: {connection.CredentialSource}.");
        }

        private void WriteSourcePage<T>(SourceRun run, JobPage<T> page, Func<T, bool> include, string viewTypeName)
            where T : ListedObject
        {
            report?.PageArrived();
            Diagnostics.Verbose(PageLine(page, run.Source.Label, run.PagesWritten + 1));
            string? region = run.Connection?.SigningRegion;
            WritePage(page, include, (item, _) =>
            {
                item.Stamp(region, run.Source.ProfileName);
                var wrapped = new PSObject(item);
                wrapped.TypeNames.Insert(0, viewTypeName);
                WriteObject(wrapped);
                run.Written++;
            });
            run.PagesWritten++;
            run.PageTaken.Release();
            if (report?.UpdateSources(Budget.Written, sourcesEnded, Budget.First) is ProgressRecord progress)
            {
                WriteProgress(progress);
            }
        }

        private void Ended(SourceRun run, Exception? failure)
        {
            sourcesEnded++;
            if (failure is null)
            {
                Diagnostics.Verbose($"Done: {run.Source.Label}: {run.Written} {ItemName} from {Pages(run.PagesWritten)}.");
                return;
            }

            if (failure is JobToolsServiceException service)
            {
                report?.AttemptsFailed(service.Attempts);
            }

            report?.SourceFailed();
            Diagnostics.Verbose($"Failed: {run.Source.Label}: {run.Written} {ItemName} from {Pages(run.PagesWritten)} were written before it failed.");
            WriteError(ListingErrors.SourceFailed(failure, run));
        }

        /// <summary>The debug lines on the connection (once per connection) and the verbose lines on one page.</summary>
        private void Describe<T>(JobPage<T> page, string subject, int pageNumber)
        {
            if (connectionsShown.Add(Service))
            {
                var connection = Service.Connection;
                Diagnostics.Debug($"Endpoint: {connection.Endpoint}; signing region {connection.SigningRegion} from {connection.RegionSource}.");
                Diagnostics.Debug($"Credentials: {connection.CredentialSource}.");
            }

            Diagnostics.Verbose(PageLine(page, subject, pageNumber));
        }

        /// <summary>The verbose line on one page of <paramref name="source"/>.</summary>
        private string PageLine<T>(JobPage<T> page, string source, int pageNumber) =>
            $"Page {pageNumber} of {source}: {page.Items.Count} {ItemName} in {page.Elapsed.TotalMilliseconds:F0} ms, {page.Retries.Count} retries, request id {page.RequestId ?? "none"}.";

        /// <summary>Waits for a page on the pipeline thread, writing each retry as the AWS layer decides it.</summary>
        private void WaitWritingRetries(System.Threading.Tasks.Task fetch) => retries.Wait(fetch, PipelineStopToken, notice =>
        {
            report?.Retried();
            Diagnostics.Verbose(RetryLine(notice));
        });

        private static string RetryLine(RetryNotice notice) => string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            "Attempt {0} of {1} failed: {2}; retrying in {3:F1} s.",
            notice.FailedAttempt,
            notice.MaxAttempts,
            notice.Reason,
            notice.Wait.TotalSeconds);

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
