using System;

namespace JobTools.Services
{
    /// <summary>An attempt that failed and will be retried after <paramref name="Wait"/>; never holds a secret.</summary>
    /// <param name="FailedAttempt">The attempt that failed, counting from 1.</param>
    /// <param name="MaxAttempts">How many attempts this failure allows in all.</param>
    /// <param name="Reason">Why it failed: the error code, status and request id, or the connection failure.</param>
    /// <param name="Wait">The wait before the next attempt.</param>
    internal sealed record RetryNotice(int FailedAttempt, int MaxAttempts, string Reason, TimeSpan Wait);
}
