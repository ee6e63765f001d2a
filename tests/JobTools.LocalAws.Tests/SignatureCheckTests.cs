using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.LocalAws.Tests
{
    /// <summary>
    /// Refused signatures, in each service's error shape. Accepted ones are proved by real signers: the AWS CLI here,
    /// AWSSDK.Core in the cmdlet tests.
    /// </summary>
    public sealed class SignatureCheckTests
    {
        private const string Signature = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

        [Theory]
        [InlineData(null, "MissingAuthenticationTokenException")]
        [InlineData("AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/20250101/us-east-1/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + Signature, "UnrecognizedClientException")]
        [InlineData("AWS4-HMAC-SHA256 Credential=" + LocalAwsOptions.DefaultAccessKeyId + "/20250101/us-east-1/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + Signature, "InvalidSignatureException")]
        [InlineData("AWS4-HMAC-SHA256 Credential=" + LocalAwsOptions.DefaultAccessKeyId + "/20250101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + Signature, "InvalidSignatureException")]
        public async Task RefusedRequestsAre403InEachServicesShape(string? authorization, string code)
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            endpoint.IoT.AddGenerated(3);
            using var client = new RawClient(endpoint);

            var snowball = await RawReply.From(await client.SendSnowball(
                RawClient.SnowballBody(SnowballStore.SeedClusterId),
                customize: r => Sign(r, authorization?.Replace("{service}", "snowball"))));
            var iot = await client.ListJobs(customize: r => Sign(r, authorization?.Replace("{service}", "iot")));

            SnowballProtocolTests.AssertError(snowball, 403, code);
            IoTProtocolTests.AssertError(iot, 403, code);
            Assert.All(endpoint.Requests.All, r => Assert.Equal(403, r.StatusCode));
            Assert.All(endpoint.Requests.All, r => Assert.DoesNotContain("Authorization", r.Headers.Keys));
        }

        [Fact]
        public async Task AnUnknownKeyIsExplainedAsTheRealServiceDoes()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            using var client = new RawClient(endpoint);

            var reply = await client.ListJobs(customize: r => Sign(r, $"AWS4-HMAC-SHA256 Credential=AKIDUNKNOWN/20250101/us-east-1/iot/aws4_request, SignedHeaders=host, Signature={Signature}"));

            Assert.Equal("The security token included in the request is invalid.", reply.Json.GetProperty("message").GetString());
            Assert.Equal("AKIDUNKNOWN", endpoint.Requests.All.Single().AccessKeyId);
        }

        [Fact]
        public async Task APayloadHashThatDoesNotMatchTheBodyIsRefused()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            using var client = new RawClient(endpoint);

            var reply = await RawReply.From(await client.SendSnowball(
                RawClient.SnowballBody(SnowballStore.SeedClusterId),
                customize: r =>
                {
                    Sign(r, $"AWS4-HMAC-SHA256 Credential={LocalAwsOptions.DefaultAccessKeyId}/20250101/us-east-1/snowball/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={Signature}");
                    r.Headers.Add("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
                }));

            SnowballProtocolTests.AssertError(reply, 403, "InvalidSignatureException");
            Assert.Contains("x-amz-content-sha256", reply.Json.GetProperty("Message").GetString());
        }

        [Fact]
        public async Task ASessionTokenIsRecordedOnlyAsPresent()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(RawClient.Unsigned);
            using var client = new RawClient(endpoint);

            await client.ListJobs(customize: r => r.Headers.Add("X-Amz-Security-Token", "secret-session-token"));

            var recorded = endpoint.Requests.All.Single();
            Assert.Equal("<present>", recorded.Headers["X-Amz-Security-Token"]);
            Assert.DoesNotContain(recorded.Headers.Values, v => v.Contains("secret-session-token"));
        }

        private static void Sign(HttpRequestMessage request, string? authorization)
        {
            request.Headers.Add("X-Amz-Date", "20250101T000000Z");
            if (authorization != null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
        }
    }
}
