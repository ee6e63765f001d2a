using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// Makes a 3xx answer an error that names the status and the Location, before anything reads it as a page.
    /// Neither service redirects, so nothing is sent on (see <see cref="ListingHttpClientFactory"/>).
    /// </summary>
    internal sealed class RedirectGuard : PipelineHandler
    {
        public const string ErrorCode = "UnexpectedRedirect";

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var result = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            var response = executionContext.ResponseContext.HttpResponse;
            int status = (int)response.StatusCode;
            if (status >= 300 && status < 400)
            {
                string? location = response.GetHeaderValue("Location");
                string? requestId = response.GetHeaderValue("x-amzn-RequestId");
                response.ResponseBody.Dispose();
                throw new AmazonServiceException(
                    $"the endpoint answered HTTP {status} ({response.StatusCode}), a redirect to '{(string.IsNullOrEmpty(location) ? "(no Location header)" : location)}'. These APIs never redirect, so the request was not sent on: check the endpoint (-EndpointUrl, AWS_ENDPOINT_URL*, or the config file's services section) and any proxy in between",
                    null,
                    ErrorType.Unknown,
                    ErrorCode,
                    requestId,
                    response.StatusCode);
            }

            return result;
        }
    }
}
