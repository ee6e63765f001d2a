using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using JobTools.Services;

namespace JobTools.Reporting
{
    /// <summary>
    /// Carries retry notices from the threads that run requests to the pipeline thread, the only one that may
    /// write them: <see cref="Wait"/> blocks the pipeline thread on a page while handing it each notice as it
    /// arrives, and returns at once when the invocation is stopped, whatever the request is doing.
    /// </summary>
    internal sealed class RetryFeed : IRetryObserver, IDisposable
    {
        private readonly ConcurrentQueue<RetryNotice> notices = new ConcurrentQueue<RetryNotice>();
        private readonly SemaphoreSlim arrived = new SemaphoreSlim(0);

        public void Retrying(RetryNotice notice)
        {
            notices.Enqueue(notice);
            try
            {
                arrived.Release();
            }
            catch (ObjectDisposedException)
            {
                // A read-ahead abandoned when the invocation ended: nobody is left to tell.
            }
        }

        /// <summary>Waits for <paramref name="task"/>, calling <paramref name="write"/> on this thread for each notice meanwhile.</summary>
        public void Wait(Task task, CancellationToken cancellationToken, Action<RetryNotice> write)
        {
            var handles = new[] { ((IAsyncResult)task).AsyncWaitHandle, arrived.AvailableWaitHandle, cancellationToken.WaitHandle };
            while (!task.IsCompleted)
            {
                WaitHandle.WaitAny(handles);
                cancellationToken.ThrowIfCancellationRequested();
                Drain(write);
            }

            Drain(write);
        }

        public void Dispose() => arrived.Dispose();

        private void Drain(Action<RetryNotice> write)
        {
            while (notices.TryDequeue(out var notice))
            {
                arrived.Wait(0);
                write(notice);
            }
        }
    }
}
