namespace JobTools.Aws.Runtime
{
    /// <summary>The few facts that tell the two services apart for configuration, endpoints and signing.</summary>
    /// <param name="ServiceId">The SDK service id: AWS_ENDPOINT_URL_{ID} and the config file's services sections key on it.</param>
    /// <param name="SigningName">The SigV4 signing name.</param>
    /// <param name="EndpointPrefix">The first label of the service's host names.</param>
    /// <param name="ApiVersion">The API version of the model the operations follow.</param>
    internal sealed record ServiceDescription(string ServiceId, string SigningName, string EndpointPrefix, string ApiVersion)
    {
        public static readonly ServiceDescription Snowball = new ServiceDescription("Snowball", "snowball", "snowball", "2016-06-30");

        public static readonly ServiceDescription IoT = new ServiceDescription("IoT", "iot", "iot", "2015-05-28");
    }
}
