using System;
using System.Collections.Generic;

namespace JobTools.Services
{
    /// <summary>One page of a listing, with what is needed to ask for the next one and to report on this one.</summary>
    /// <param name="Items">The page's items, in the service's order.</param>
    /// <param name="NextToken">The token of the next page; null (an empty token too) on the last page.</param>
    /// <param name="Problems">The values the AWS layer could not read, at most one entry per item, in item order.</param>
    /// <param name="RequestId">The request id the service returned.</param>
    /// <param name="Retries">Why each retried attempt failed, in order; empty when the first attempt succeeded.</param>
    /// <param name="Elapsed">How long the call took, retries included.</param>
    internal sealed record JobPage<T>(IReadOnlyList<T> Items, string? NextToken, IReadOnlyList<ItemProblem> Problems, string? RequestId, IReadOnlyList<string> Retries, TimeSpan Elapsed)
    {
        public string? NextToken { get; } = string.IsNullOrEmpty(NextToken) ? null : NextToken;

        public string? RequestId { get; } = string.IsNullOrEmpty(RequestId) ? null : RequestId;
    }
}
