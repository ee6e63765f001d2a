using System.Collections.Generic;
using Amazon.Runtime;

namespace JobTools.Aws.Runtime
{
    /// <summary>Base of our request objects: records each attempt the SDK's retry step made, and why it failed.</summary>
    internal abstract class JobToolsRequest : AmazonWebServiceRequest
    {
        private readonly List<string> failures = new List<string>();
        private readonly object gate = new object();

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
    }
}
