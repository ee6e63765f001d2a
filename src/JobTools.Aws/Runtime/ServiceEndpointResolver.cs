using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace JobTools.Aws.Runtime
{
    /// <summary>Maps the client configuration to endpoint parameters for the pipeline's endpoint step.</summary>
    internal sealed class ServiceEndpointResolver : BaseEndpointResolver
    {
        public static EndpointParameters Parameters(IClientConfig config, RegionEndpoint? alternate)
        {
            var parameters = new EndpointParameters();
            string? region = alternate?.SystemName ?? config.RegionEndpoint?.SystemName;
            if (region is null && !string.IsNullOrEmpty(config.ServiceURL))
            {
                region = config.AuthenticationRegion;
            }

            parameters["Region"] = region;
            parameters["UseFIPS"] = config.UseFIPSEndpoint;
            parameters["UseDualStack"] = config.UseDualstackEndpoint;
            parameters["Endpoint"] = config.ServiceURL;
            return parameters;
        }

        protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext) =>
            Parameters(requestContext.ClientConfig, requestContext.Request.AlternateEndpoint);
    }
}
