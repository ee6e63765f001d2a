using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace JobTools.Aws.Runtime
{
    /// <summary>Sits inside the SDK's retry step, so it runs once per attempt.</summary>
    internal sealed class AttemptCounter : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            Count(executionContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Count(executionContext);
            return base.InvokeAsync<T>(executionContext);
        }

        private static void Count(IExecutionContext executionContext) =>
            (executionContext.RequestContext.OriginalRequest as JobToolsRequest)?.CountAttempt();
    }
}
