using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace JobTools.Aws.Runtime
{
    /// <summary>Sits inside the retry step, so it sees every attempt and every failure that gets retried.</summary>
    internal sealed class AttemptCounter : PipelineHandler
    {
        private readonly Redactor redactor;

        public AttemptCounter(Redactor redactor)
        {
            this.redactor = redactor;
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var request = executionContext.RequestContext.OriginalRequest as JobToolsRequest;
            request?.CountAttempt();
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                request?.RecordFailure(ErrorTranslator.Describe(ex, redactor));
                throw;
            }
        }
    }
}
