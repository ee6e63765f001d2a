using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// The standard endpoint rules of both services: an explicit endpoint wins; otherwise
    /// https://{prefix}[-fips].{region}.{dnsSuffix or dualStackDnsSuffix} from the partition data.
    /// </summary>
    internal sealed class ServiceEndpointProvider : IEndpointProvider
    {
        private readonly string prefix;

        public ServiceEndpointProvider(string prefix)
        {
            this.prefix = prefix;
        }

        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            if (parameters["Endpoint"] is string explicitEndpoint && explicitEndpoint.Length > 0)
            {
                return new Endpoint(explicitEndpoint);
            }

            if (!(parameters["Region"] is string region) || region.Length == 0)
            {
                throw new AmazonClientException("Invalid Configuration: Missing Region");
            }

            bool fips = parameters["UseFIPS"] is true;
            bool dualStack = parameters["UseDualStack"] is true;
            var partition = Fn.Partition(region)
                ?? throw new AmazonClientException($"Cannot determine the AWS partition of region '{region}'.");
            if (fips && !partition.supportsFIPS)
            {
                throw new AmazonClientException($"FIPS is enabled but partition '{partition.name}' does not support FIPS.");
            }

            if (dualStack && !partition.supportsDualStack)
            {
                throw new AmazonClientException($"DualStack is enabled but partition '{partition.name}' does not support DualStack.");
            }

            string suffix = dualStack ? partition.dualStackDnsSuffix : partition.dnsSuffix;
            return new Endpoint($"https://{prefix}{(fips ? "-fips" : string.Empty)}.{region}.{suffix}");
        }
    }
}
