using System;
using System.Net;
using System.Net.Http;
using Amazon.Runtime;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// The HTTP client behind both services. These APIs never redirect, so a 3xx is handed back to the pipeline
    /// (where <see cref="RedirectGuard"/> makes it an error) instead of being followed: .NET would carry
    /// x-amz-security-token to the other host and turn the Snowball POST into a GET. A response given up on
    /// mid-body (a timeout, Ctrl+C) closes its connection at once instead of being drained first. The whole
    /// exchange is bounded per attempt by <see cref="AttemptDeadline"/>, not by HttpClient.Timeout, which ends at
    /// the headers. Clients are shared through AWSSDK.Core's cache, so connections are reused across calls.
    /// </summary>
    internal sealed class ListingHttpClientFactory : HttpClientFactory
    {
        public static readonly ListingHttpClientFactory Instance = new ListingHttpClientFactory();

        private ListingHttpClientFactory()
        {
        }

        public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        {
            var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                MaxResponseDrainSize = 0,
                ResponseDrainTimeout = TimeSpan.Zero,
            };
            if (clientConfig.ConnectTimeout is TimeSpan connectTimeout)
            {
                handler.ConnectTimeout = connectTimeout;
            }

            return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

        /// <summary>One shared set of clients: nothing in them depends on the call's settings.</summary>
        public override string GetConfigUniqueString(IClientConfig clientConfig) => nameof(ListingHttpClientFactory);
    }
}
