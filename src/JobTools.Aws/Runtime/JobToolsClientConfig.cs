using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using JobTools.Services;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// ClientConfig for one of our two services, built on AWSSDK.Core's own configuration handling. Every setting
    /// AWSSDK.Core would otherwise look up in the shared config file is given here, resolved by the module: the
    /// SDK reads that file in a static initializer, and a file it cannot parse there would break every later call
    /// in the session, even after the file is fixed.
    /// </summary>
    internal sealed class JobToolsClientConfig : ClientConfig
    {
        private static readonly string UserAgentString =
            "JobTools/" + typeof(JobToolsClientConfig).Assembly.GetName().Version?.ToString(3);

        public JobToolsClientConfig(ServiceDescription service, IRetryObserver? retryObserver, Redactor redactor)
            : base(new DefaultConfigurationProvider(DefaultConfigurations()))
        {
            Service = service;
            RetryObserver = retryObserver;
            Redactor = redactor;
            base.ServiceId = service.ServiceId;
            AuthenticationServiceName = service.SigningName;
            EndpointProvider = new ServiceEndpointProvider(service.EndpointPrefix);
            DefaultConfigurationMode = DefaultConfigurationMode.Standard;
            RetryMode = RequestRetryMode.Standard;
            HttpClientFactory = ListingHttpClientFactory.Instance;
            AllowAutoRedirect = false;
            MaxStaleConnectionRetries = 0;
            DisableLogging = true;
            LogMetrics = false;
            IgnoreConfiguredEndpointUrls = true;
            EndpointDiscoveryEnabled = false;
            DisableRequestCompression = true;
            RequestMinCompressionSizeBytes = 10240;
            DisableClockSkewCorrection = false;
            AccountIdEndpointMode = AccountIdEndpointMode.DISABLED;
            AuthSchemePreference = new List<string>();
            SigV4aSigningRegionSet = new List<string>();
            ClientAppId = string.Empty;
            UseFIPSEndpoint = false;
            UseDualstackEndpoint = false;
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }

        public ServiceDescription Service { get; }

        /// <summary>Hears each retry of this client's calls.</summary>
        public IRetryObserver? RetryObserver { get; }

        /// <summary>Keeps this client's secrets out of every message built from server text.</summary>
        public Redactor Redactor { get; }

        public override string RegionEndpointServiceName => Service.EndpointPrefix;

        public override string ServiceVersion => Service.ApiVersion;

        public override string UserAgent => UserAgentString;

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            EndpointProvider.ResolveEndpoint(ServiceEndpointResolver.Parameters(this, parameters.AlternateEndpoint));

        // The Standard defaults mode as generated clients ship it; the attempt itself is bounded by AttemptDeadline.
        private static IEnumerable<IDefaultConfiguration> DefaultConfigurations()
        {
            yield return new DefaultConfiguration
            {
                Name = DefaultConfigurationMode.Standard,
                RetryMode = RequestRetryMode.Standard,
                S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
                ConnectTimeout = TimeSpan.FromMilliseconds(3100),
                TlsNegotiationTimeout = TimeSpan.FromMilliseconds(3100),
                TimeToFirstByteTimeout = null,
                HttpRequestTimeout = null,
            };
        }
    }
}
