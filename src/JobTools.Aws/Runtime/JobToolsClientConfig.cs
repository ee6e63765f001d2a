using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace JobTools.Aws.Runtime
{
    /// <summary>ClientConfig for one of our two services, built on AWSSDK.Core's own configuration handling.</summary>
    internal sealed class JobToolsClientConfig : ClientConfig
    {
        private static readonly string UserAgentString =
            "JobTools/" + typeof(JobToolsClientConfig).Assembly.GetName().Version?.ToString(3);

        public JobToolsClientConfig(ServiceDescription service)
            : base(new DefaultConfigurationProvider(DefaultConfigurations()))
        {
            Service = service;
            base.ServiceId = service.ServiceId;
            AuthenticationServiceName = service.SigningName;
            EndpointProvider = new ServiceEndpointProvider(service.EndpointPrefix);
        }

        public ServiceDescription Service { get; }

        public override string RegionEndpointServiceName => Service.EndpointPrefix;

        public override string ServiceVersion => Service.ApiVersion;

        public override string UserAgent => UserAgentString;

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            EndpointProvider.ResolveEndpoint(ServiceEndpointResolver.Parameters(this, parameters.AlternateEndpoint));

        // The defaults modes every generated client ships; all use the Standard retry mode.
        private static IEnumerable<IDefaultConfiguration> DefaultConfigurations()
        {
            yield return Mode(DefaultConfigurationMode.Standard, 3100);
            yield return Mode(DefaultConfigurationMode.InRegion, 1100);
            yield return Mode(DefaultConfigurationMode.CrossRegion, 3100);
            yield return Mode(DefaultConfigurationMode.Mobile, 30000);
            yield return Mode(DefaultConfigurationMode.Auto, 1100);
        }

        private static IDefaultConfiguration Mode(DefaultConfigurationMode name, int connectTimeoutMs) => new DefaultConfiguration
        {
            Name = name,
            RetryMode = RequestRetryMode.Standard,
            S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
            ConnectTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
            TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
            TimeToFirstByteTimeout = null,
            HttpRequestTimeout = null,
        };
    }
}
