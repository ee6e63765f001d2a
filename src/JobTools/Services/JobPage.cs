using System;
using System.Collections.Generic;

namespace JobTools.Services
{
    /// <summary>One page of a listing, with what is needed to ask for the next one and to report on this one.</summary>
    internal sealed class JobPage<T>
    {
        public JobPage(IReadOnlyList<T> items, string? nextToken, string? requestId, IReadOnlyList<string> retries, TimeSpan elapsed)
        {
            Items = items;
            NextToken = string.IsNullOrEmpty(nextToken) ? null : nextToken;
            RequestId = requestId;
            Retries = retries;
            Elapsed = elapsed;
        }

        public IReadOnlyList<T> Items { get; }

        public string? NextToken { get; }

        public string? RequestId { get; }

        /// <summary>Why each retried attempt failed, in order; empty when the first attempt succeeded.</summary>
        public IReadOnlyList<string> Retries { get; }

        public TimeSpan Elapsed { get; }
    }
}
