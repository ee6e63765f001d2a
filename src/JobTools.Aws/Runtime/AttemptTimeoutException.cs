using System;

namespace JobTools.Aws.Runtime
{
    /// <summary>An attempt that had no complete response within -TimeoutSec.</summary>
    internal sealed class AttemptTimeoutException : TimeoutException
    {
        public AttemptTimeoutException(TimeSpan limit, Exception innerException)
            : base($"no complete response within {limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s (-TimeoutSec)", innerException)
        {
        }
    }
}
