namespace JobTools
{
    /// <summary>
    /// Where an interrupted listing can be resumed: the TargetObject of the error that ended it.
    /// Run the same command again with -NextToken set to <see cref="NextToken"/>.
    /// </summary>
    public sealed class ListingResumePoint
    {
        /// <summary>Creates a resume point.</summary>
        public ListingResumePoint(string subject, string? nextToken, int pagesWritten)
        {
            Subject = subject;
            NextToken = nextToken;
            PagesWritten = pagesWritten;
        }

        /// <summary>What was being listed: a ClusterId, "IoT jobs" or "Snowball clusters".</summary>
        public string Subject { get; }

        /// <summary>The token of the page that failed; null when the listing failed on its first page from the start.</summary>
        public string? NextToken { get; }

        /// <summary>Pages completely written before the failure.</summary>
        public int PagesWritten { get; }

        /// <inheritdoc />
        public override string ToString() => NextToken is null ? Subject : $"{Subject} -NextToken '{NextToken}'";
    }
}
