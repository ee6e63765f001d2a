using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace JobTools.Aws.Runtime
{
    /// <summary>One page of any listing: its items, already decoded into output objects, and the token for the next.</summary>
    internal sealed class Page<T> : AmazonWebServiceResponse
    {
        public IReadOnlyList<T> Items { get; init; } = Array.Empty<T>();

        public string? NextToken { get; init; }
    }
}
