using System.Collections.Generic;

namespace JobTools.Completion
{
    /// <summary>One value completion can offer, with the tooltip that says what it is.</summary>
    internal sealed record CompletionCandidate(string Value, string ToolTip);

    /// <summary>What one fetch found; <paramref name="Complete"/> is false when the page bound cut the listing short.</summary>
    internal sealed record CandidateList(IReadOnlyList<CompletionCandidate> Items, bool Complete);
}
