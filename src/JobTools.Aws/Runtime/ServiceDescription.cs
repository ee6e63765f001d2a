namespace JobTools.Aws.Runtime
{
    /// <summary>The few facts that tell the two services apart for configuration, endpoints and signing.</summary>
    internal sealed class ServiceDescription
    {
        public static readonly ServiceDescription Snowball = new ServiceDescription("Snowball", "snowball", "snowball", "2016-06-30");

        public static readonly ServiceDescription IoT = new ServiceDescription("IoT", "iot", "iot", "2015-05-28");

        private ServiceDescription(string serviceId, string signingName, string endpointPrefix, string apiVersion)
        {
            ServiceId = serviceId;
            SigningName = signingName;
            EndpointPrefix = endpointPrefix;
            ApiVersion = apiVersion;
        }

        /// <summary>The SDK service id: AWS_ENDPOINT_URL_{ID} and the config file's services sections key on it.</summary>
        public string ServiceId { get; }

        public string SigningName { get; }

        public string EndpointPrefix { get; }

        public string ApiVersion { get; }
    }
}
