using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using JobTools.Services;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// The retry rules of one client, in place of AWSSDK.Core's Standard policy, whose retry quota is shared by
    /// the whole process and runs dry in a long session. Every call gets exactly its retries:
    /// <list type="bullet">
    /// <item>throttling, 5xx, a dropped or cut-short response, a body that cannot be decoded and an attempt that
    /// timed out are retried up to the call's limit, with exponential backoff and full jitter (up to 20 s);</item>
    /// <item>a refused connection or a name that does not resolve is retried at most twice, quickly: the endpoint
    /// is wrong or down, and waiting minutes tells the user nothing;</item>
    /// <item>anything else (an error the service meant, a redirect, a stop) ends the call at once.</item>
    /// </list>
    /// Before each wait the observer hears which attempt failed, why, and how long the wait is.
    /// </summary>
    internal sealed class ListingRetryPolicy : RetryPolicy
    {
        private const string LastFailureKey = "JobTools.LastFailure";
        private const int ConnectFailureRetries = 2;
        private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);
        private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan ConnectFailureBackoff = TimeSpan.FromMilliseconds(250);
        private readonly IRetryObserver? observer;
        private readonly Redactor redactor;

        public ListingRetryPolicy(int maxRetries, IRetryObserver? observer, Redactor redactor)
        {
            MaxRetries = maxRetries;
            this.observer = observer;
            this.redactor = redactor;
        }

        private enum Failure
        {
            Final,
            Retryable,
            Throttled,
            ConnectFailed,
        }

        public override bool CanRetry(IExecutionContext executionContext) =>
            executionContext.RequestContext.Request.IsRequestStreamRewindable();

        public override bool RetryLimitReached(IExecutionContext executionContext) =>
            executionContext.RequestContext.Retries >= MaxRetries;

        public override bool RetryForException(IExecutionContext executionContext, Exception exception)
        {
            var failure = Classify(exception, executionContext.RequestContext.CancellationToken);
            if (failure == Failure.ConnectFailed && executionContext.RequestContext.Retries >= ConnectFailureRetries)
            {
                failure = Failure.Final;
            }

            executionContext.RequestContext.ContextAttributes[LastFailureKey] = (failure, exception);
            return failure != Failure.Final;
        }

        public override Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
            Task.FromResult(RetryForException(executionContext, exception));

        public override void WaitBeforeRetry(IExecutionContext executionContext) =>
            Thread.Sleep(Announce(executionContext));

        public override Task WaitBeforeRetryAsync(IExecutionContext executionContext) =>
            Task.Delay(Announce(executionContext), executionContext.RequestContext.CancellationToken);

        /// <summary>The wait before the next attempt, told to the observer first.</summary>
        private TimeSpan Announce(IExecutionContext executionContext)
        {
            var context = executionContext.RequestContext;
            var (failure, exception) = context.ContextAttributes.TryGetValue(LastFailureKey, out var last) && last is ValueTuple<Failure, Exception> known
                ? known
                : (Failure.Retryable, (Exception?)null);
            int failedAttempt = context.Retries;
            var step = failure == Failure.ConnectFailed ? ConnectFailureBackoff : Backoff;
            double ceiling = Math.Min(MaxBackoff.TotalMilliseconds, step.TotalMilliseconds * Math.Pow(2, failedAttempt - 1));
            var wait = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
            observer?.Retrying(new RetryNotice(
                failedAttempt,
                failure == Failure.ConnectFailed ? Math.Min(MaxRetries, ConnectFailureRetries) + 1 : MaxRetries + 1,
                exception is null ? "unknown failure" : ErrorTranslator.Describe(exception, redactor),
                wait));
            return wait;
        }

        private Failure Classify(Exception exception, CancellationToken caller)
        {
            if (caller.IsCancellationRequested)
            {
                return Failure.Final;
            }

            switch (exception)
            {
                case AmazonUnmarshallingException unmarshalling when unmarshalling.StatusCode == HttpStatusCode.OK:
                    return Failure.Retryable;
                case AmazonServiceException service when ThrottlingErrorCodes.Contains(service.ErrorCode ?? string.Empty) || service.ErrorCode == ServiceErrorReader.BareThrottleCode:
                    return Failure.Throttled;
                case AmazonServiceException service when service.StatusCode != 0:
                    int status = (int)service.StatusCode;
                    return status == 500 || status == 502 || status == 503 || status == 504 || TimeoutErrorCodesToRetryOn.Contains(service.ErrorCode ?? string.Empty)
                        ? Failure.Retryable
                        : Failure.Final;
                case TimeoutException:
                    return Failure.Retryable;
            }

            if (IsConnectFailure(exception))
            {
                return Failure.ConnectFailed;
            }

            return Find<IOException>(exception) != null || Find<HttpRequestException>(exception) != null || Find<SocketException>(exception) != null
                ? Failure.Retryable
                : Failure.Final;
        }

        /// <summary>No connection was made: refused, unreachable, or the name did not resolve.</summary>
        private static bool IsConnectFailure(Exception exception)
        {
            if (Find<HttpRequestException>(exception) is HttpRequestException http
                && (http.HttpRequestError == HttpRequestError.NameResolutionError || http.HttpRequestError == HttpRequestError.ConnectionError))
            {
                return true;
            }

            return Find<SocketException>(exception) is SocketException socket && socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable => true,
                _ => false,
            };
        }

        private static T? Find<T>(Exception exception)
            where T : Exception
        {
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                if (current is T found)
                {
                    return found;
                }
            }

            return null;
        }
    }
}
