using System;

namespace JobTools
{
    /// <summary>
    /// What one live completion (Tab on -ClusterId or -ThingGroupName) did: the newest entries are kept in
    /// $JobToolsCompletionDiagnostics, so that a Tab that offered nothing can be explained. Never holds a secret.
    /// PSTypeName: JobTools.CompletionDiagnostic.
    /// </summary>
    public sealed class CompletionDiagnostic
    {
        /// <summary>Creates an entry.</summary>
        public CompletionDiagnostic(DateTime time, string command, string parameter, string wordToComplete, string outcome, int results, TimeSpan elapsed, string source, string? message)
        {
            Time = time;
            Command = command;
            Parameter = parameter;
            WordToComplete = wordToComplete;
            Outcome = outcome;
            Results = results;
            Elapsed = elapsed;
            Source = source;
            Message = message;
        }

        /// <summary>When the Tab was pressed, in UTC.</summary>
        public DateTime Time { get; }

        /// <summary>The command being completed, for example Get-SnowballClusterJob.</summary>
        public string Command { get; }

        /// <summary>The parameter being completed, for example ClusterId.</summary>
        public string Parameter { get; }

        /// <summary>What had been typed of the value.</summary>
        public string WordToComplete { get; }

        /// <summary>
        /// Fetched (asked the service now), Cached (a fresh answer from the last minute), Refreshing (an older
        /// answer, while a refresh runs in the background), Pending (no answer within the time budget; the request
        /// goes on and the next Tab uses its answer), Failed (see Message) or Skipped (nothing asked; see Message).
        /// </summary>
        public string Outcome { get; }

        /// <summary>How many values the Tab offered.</summary>
        public int Results { get; }

        /// <summary>How long the completion took.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Where the values came from or were asked for: endpoint, region and credential source.</summary>
        public string Source { get; }

        /// <summary>Why nothing was offered, or what the last refresh ran into; null when all went well.</summary>
        public string? Message { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Outcome}: {Results} results for -{Parameter} '{WordToComplete}'" + (Message is null ? string.Empty : $" ({Message})");
    }
}
