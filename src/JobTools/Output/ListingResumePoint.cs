namespace JobTools
{
    /// <summary>
    /// Where an interrupted listing can be resumed: the TargetObject of the error that ended it.
    /// Run the same command again with -NextToken set to <see cref="NextToken"/> (and, for one source of a call
    /// over several, its -Region and -ProfileName).
    /// </summary>
    public sealed class ListingResumePoint
    {
        /// <summary>Creates a resume point.</summary>
        public ListingResumePoint(string subject, string? nextToken, int pagesWritten, string? region = null, string? profileName = null)
        {
            Subject = subject;
            NextToken = nextToken;
            PagesWritten = pagesWritten;
            Region = region;
            ProfileName = profileName;
        }

        /// <summary>What was being listed: a ClusterId, "IoT jobs" or "Snowball clusters".</summary>
        public string Subject { get; }

        /// <summary>The token of the page that failed; null when the listing failed on its first page from the start.</summary>
        public string? NextToken { get; }

        /// <summary>Pages completely written before the failure.</summary>
        public int PagesWritten { get; }

        /// <summary>The region of the source that failed, when the call listed several sources; null otherwise.</summary>
        public string? Region { get; }

        /// <summary>The profile of the source that failed, when the call listed several sources and named one; null otherwise.</summary>
        public string? ProfileName { get; }

        /// <inheritdoc />
        public override string ToString() =>
            Subject
            + (Region is null ? string.Empty : $" -Region {Region}")
            + (ProfileName is null ? string.Empty : $" -ProfileName '{ProfileName}'")
            + (NextToken is null ? string.Empty : $" -NextToken '{NextToken}'");
    }
}
