using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace JobTools.Reporting
{
    /// <summary>
    /// Counts what one invocation fetched and wrote, and turns it into progress records and the closing verbose
    /// summary. Progress starts only once a listing has run half a second with pages still to fetch (so a call
    /// that one page answers, or a short listing, shows none and pays nothing), then updates at most every
    /// 250 ms.
    /// </summary>
    internal sealed class ListingReport
    {
        private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan FirstUpdateAfter = TimeSpan.FromMilliseconds(500);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly string activity;
        private readonly int activityId;
        private readonly string itemName;
        private TimeSpan lastShown = TimeSpan.MinValue;
        private string? lastSubject;
        private bool shown;

        /// <param name="activity">The Write-Progress activity.</param>
        /// <param name="activityId">The Write-Progress activity id.</param>
        /// <param name="itemName">What is listed, in the plural: "jobs", "clusters".</param>
        public ListingReport(string activity, int activityId, string itemName)
        {
            this.activity = activity;
            this.activityId = activityId;
            this.itemName = itemName;
        }

        public int Pages { get; private set; }

        public int Retries { get; private set; }

        public int Subjects { get; private set; }

        public void Start(string subject)
        {
            if (subject != lastSubject)
            {
                Subjects++;
                lastSubject = subject;
            }
        }

        public int FailedAttempts { get; private set; }

        public void PageArrived() => Pages++;

        /// <summary>Sources of a fan-out: started so far, and failed.</summary>
        public int Sources { get; private set; }

        public int FailedSources { get; private set; }

        public void SourceStarted() => Sources++;

        public void SourceFailed() => FailedSources++;

        /// <summary>An attempt failed and is being retried.</summary>
        public void Retried() => Retries++;

        /// <summary>A call gave up: its last attempt failed too (none when it failed before sending).</summary>
        public void AttemptsFailed(int attempts)
        {
            if (attempts > 0)
            {
                FailedAttempts++;
            }
        }

        /// <summary>A progress update after a page, or null: none without pages to come, none in the first 500 ms, none within 250 ms of the last.</summary>
        public ProgressRecord? Update(ulong written, bool moreToFetch, ulong? first)
        {
            var now = clock.Elapsed;
            if (!moreToFetch || now < FirstUpdateAfter || (shown && now - lastShown < MinimumInterval))
            {
                return null;
            }

            shown = true;
            lastShown = now;
            double rate = now.TotalSeconds > 0 ? written / now.TotalSeconds : 0;
            string status = string.Format(
                CultureInfo.InvariantCulture,
                "{0} pages fetched, {1} {4} written, {2:F0} {4}/s{3}",
                Pages,
                written,
                rate,
                Subjects > 1 ? ", cluster " + lastSubject : string.Empty,
                itemName);
            var record = new ProgressRecord(activityId, activity, status);
            if (first is ulong wanted && wanted > 0)
            {
                record.PercentComplete = (int)Math.Min(100, written * 100 / wanted);
            }

            return record;
        }

        /// <summary>
        /// A fan-out's progress after a page, or null (none in the first 500 ms, none within 250 ms of the last):
        /// the sources ended out of those started, and the objects written; the percentage is of the sources,
        /// or of -First when given.
        /// </summary>
        public ProgressRecord? UpdateSources(ulong written, int sourcesEnded, ulong? first)
        {
            var now = clock.Elapsed;
            if (now < FirstUpdateAfter || (shown && now - lastShown < MinimumInterval))
            {
                return null;
            }

            shown = true;
            lastShown = now;
            string status = string.Format(
                CultureInfo.InvariantCulture,
                "{0} of {1} sources done, {2} pages fetched, {3} {4} written",
                sourcesEnded,
                Sources,
                Pages,
                written,
                itemName);
            var record = new ProgressRecord(activityId, activity, status)
            {
                PercentComplete = first is ulong wanted && wanted > 0
                    ? (int)Math.Min(100, written * 100 / wanted)
                    : Math.Min(100, sourcesEnded * 100 / Math.Max(1, Sources)),
            };
            return record;
        }

        /// <summary>The Completed record, when any progress was shown.</summary>
        public ProgressRecord? Complete()
        {
            if (!shown)
            {
                return null;
            }

            shown = false;
            return new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed };
        }

        public string Summary(ulong written) => string.Format(
            CultureInfo.InvariantCulture,
            "Listed {0} {5}{6}: {1} pages, {2} requests, {3} retries, {4:F0} ms.",
            written,
            Pages,
            Pages + Retries + FailedAttempts,
            Retries,
            clock.Elapsed.TotalMilliseconds,
            itemName,
            Sources == 0 ? string.Empty : $" from {Sources} sources ({FailedSources} failed)");
    }
}
