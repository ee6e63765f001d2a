using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// Base of our request objects: one per operation, holding its input, the paging members every listing
    /// shares, and how it goes on the wire (<see cref="OperationMarshaller"/> asks it). Also records each attempt
    /// the SDK's retry step made, and why it failed.
    /// </summary>
    internal abstract class JobToolsRequest : AmazonWebServiceRequest
    {
        private readonly List<string> failures = new List<string>();
        private readonly object gate = new object();

        /// <summary>The operation's name as the service spells it, for example ListClusterJobs.</summary>
        public abstract string Operation { get; }

        /// <summary>The page size to ask for; null leaves it to the service.</summary>
        public int? MaxResults { get; init; }

        /// <summary>Where the page starts; null for the first page.</summary>
        public string? NextToken { get; init; }

        public int Attempts { get; private set; }

        /// <summary>One line per failed attempt that was retried or ended the call; never a secret.</summary>
        public IReadOnlyList<string> Failures
        {
            get
            {
                lock (gate)
                {
                    return failures.ToArray();
                }
            }
        }

        public void CountAttempt()
        {
            lock (gate)
            {
                Attempts++;
            }
        }

        public void RecordFailure(string description)
        {
            lock (gate)
            {
                failures.Add($"attempt {Attempts} failed: {description}");
            }
        }

        /// <summary>The HTTP request for this operation, before endpoint resolution and signing.</summary>
        internal abstract IRequest Marshall();

        /// <summary>Reads a successful response's whole body.</summary>
        internal abstract AmazonWebServiceResponse Decode(ReadOnlySpan<byte> body);
    }

    /// <summary>A request whose successful response is read as <typeparamref name="TResponse"/>.</summary>
    internal abstract class JobToolsRequest<TResponse> : JobToolsRequest
        where TResponse : AmazonWebServiceResponse, new()
    {
        internal abstract override TResponse Decode(ReadOnlySpan<byte> body);
    }
}
