using System.Threading;
using Amazon.Runtime;

namespace JobTools.Aws.Runtime
{
    /// <summary>Base of our request objects: counts the attempts the SDK's retry step made for it.</summary>
    internal abstract class JobToolsRequest : AmazonWebServiceRequest
    {
        private int attempts;

        public int Attempts => Volatile.Read(ref attempts);

        public void CountAttempt() => Interlocked.Increment(ref attempts);
    }
}
