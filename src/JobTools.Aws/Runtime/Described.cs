using System;
using System.Collections.Generic;
using Amazon.Runtime;
using JobTools.Services;

namespace JobTools.Aws.Runtime
{
    /// <summary>What a describe operation returns: one resource, already decoded into an output object.</summary>
    internal sealed class Described<T> : AmazonWebServiceResponse
        where T : class
    {
        public T? Item { get; init; }

        /// <summary>The values that could not be read: at most one entry, for the item.</summary>
        public IReadOnlyList<ItemProblem> Problems { get; init; } = Array.Empty<ItemProblem>();
    }
}
