using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace JobTools.Aws.Runtime
{
    /// <summary>Sits inside the SDK's retry step, so it sees every attempt and every failure that gets retried.</summary>
    internal sealed class AttemptCounter : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            var request = Begin(executionContext);
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (Exception ex)
            {
                request?.RecordFailure(Describe(ex));
                throw;
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var request = Begin(executionContext);
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                request?.RecordFailure(Describe(ex));
                throw;
            }
        }

        private static JobToolsRequest? Begin(IExecutionContext executionContext)
        {
            var request = executionContext.RequestContext.OriginalRequest as JobToolsRequest;
            request?.CountAttempt();
            return request;
        }

        private static string Describe(Exception exception) => exception switch
        {
            AmazonServiceException service => $"{service.ErrorCode} (HTTP {(int)service.StatusCode}, request id {service.RequestId ?? "none"})",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
    }
}
