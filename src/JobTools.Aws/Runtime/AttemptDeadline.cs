using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using JobTools.Services;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// Bounds one attempt, from sending the request to the last byte of the response (a server that sends the
    /// headers and then stalls, or drips the body, is cut off), by giving the attempt its own cancellation token:
    /// AWSSDK.Core aborts the request and the response body on that token. A stop of the caller's token ends the
    /// attempt the same way, in any phase, as an <see cref="OperationCanceledException"/>. The module's own errors
    /// (a credential_process that timed out on its own bound) pass through as they are.
    /// </summary>
    internal sealed class AttemptDeadline : PipelineHandler
    {
        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var context = (RequestContext)executionContext.RequestContext;
            var caller = context.CancellationToken;
            var limit = context.ClientConfig.Timeout ?? System.Threading.Timeout.InfiniteTimeSpan;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(caller);
            attempt.CancelAfter(limit);
            context.CancellationToken = attempt.Token;
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception ex) when (caller.IsCancellationRequested && !(ex is OperationCanceledException))
            {
                throw new OperationCanceledException("The call was stopped.", ex, caller);
            }
            catch (Exception ex) when (attempt.IsCancellationRequested && !caller.IsCancellationRequested && !(ex is JobToolsServiceException))
            {
                throw new AttemptTimeoutException(limit, ex);
            }
            finally
            {
                context.CancellationToken = caller;
            }
        }
    }
}
