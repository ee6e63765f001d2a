using System;
using System.Collections.Generic;
using Amazon.Runtime;
using JobTools.Services;

namespace JobTools.Aws.Runtime
{
    /// <summary>One page of any listing: its items, already decoded into output objects, and the token for the next.</summary>
    internal sealed class Page<T> : AmazonWebServiceResponse
    {
        public IReadOnlyList<T> Items { get; init; } = Array.Empty<T>();

        public string? NextToken { get; init; }

        /// <summary>The values that could not be read, at most one entry per item, in item order.</summary>
        public IReadOnlyList<ItemProblem> Problems { get; init; } = Array.Empty<ItemProblem>();
    }
}
