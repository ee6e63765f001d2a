using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using BenchmarkDotNet.Attributes;
using JobTools.Aws.Runtime;
using JobTools.Aws.Snowball;

namespace JobTools.Bench.Micro
{
    /// <summary>
    /// One ListClusterJobs page through the module's AWS layer (marshal, sign, the SDK pipeline, decode into
    /// output objects), against a bare HttpClient request that parses the same body: both answered by an
    /// in-memory handler, so the ratio is client CPU only, with no socket or server time.
    /// </summary>
    [MemoryDiagnoser]
    public class RequestBenchmarks
    {
        private const string Cluster = SamplePages.ClusterId;
        private readonly Uri endpoint = new Uri("http://127.0.0.1:4567/");
        private CannedHandler handler = null!;
        private HttpClient bare = null!;
        private JobToolsServiceClient client = null!;

        [Params(1, 100)]
        public int Jobs { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            handler = new CannedHandler(SamplePages.Snowball(Jobs));
            bare = new HttpClient(handler, disposeHandler: false);
            var config = new JobToolsClientConfig(ServiceDescription.Snowball, null, new Redactor())
            {
                ServiceURL = endpoint.ToString(),
                AuthenticationRegion = "us-east-1",
                HttpClientFactory = new CannedClientFactory(handler),
            };
            client = new JobToolsServiceClient(new BasicAWSCredentials("AKIDBENCH", "bench-secret"), config);
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            client.Dispose();
            bare.Dispose();
            handler.Dispose();
        }

        [Benchmark(Baseline = true)]
        public async Task<int> BareHttpClient()
        {
            string body = JsonSerializer.Serialize(new { ClusterId = Cluster, MaxResults = 100, NextToken = (string?)null });
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.1"),
            };
            request.Headers.Add("X-Amz-Target", "AWSIESnowballJobManagementService.ListClusterJobs");
            using var response = await bare.SendAsync(request).ConfigureAwait(false);
            using var page = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false));
            return page.RootElement.GetProperty("JobListEntries").GetArrayLength();
        }

        [Benchmark]
        public async Task<int> ThroughTheSdkPipeline()
        {
            var request = new ListClusterJobs(Cluster) { MaxResults = 100 };
            var response = await client.CallAsync<Page<SnowballClusterJob>>(
                request, OperationMarshaller.Instance, new OperationUnmarshaller(request), CancellationToken.None).ConfigureAwait(false);
            return response.Items.Count;
        }

        /// <summary>Answers every request with the same page, as the service would, after reading the request body.</summary>
        private sealed class CannedHandler : HttpMessageHandler
        {
            private readonly byte[] page;

            public CannedHandler(byte[] page)
            {
                this.page = page;
            }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Content != null)
                {
                    await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                }

                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(page), RequestMessage = request };
                response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.1");
                response.Headers.Add("x-amzn-RequestId", "2b5c5a8e-0000-4000-8000-000000000000");
                return response;
            }
        }

        private sealed class CannedClientFactory : HttpClientFactory
        {
            private readonly HttpMessageHandler handler;

            public CannedClientFactory(HttpMessageHandler handler)
            {
                this.handler = handler;
            }

            public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new HttpClient(handler, disposeHandler: false);

            public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
        }
    }
}
