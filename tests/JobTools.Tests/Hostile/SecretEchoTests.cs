using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace JobTools.Tests.Hostile
{
    /// <summary>
    /// A server that echoes every header it received (the Authorization value, its signature, the session token)
    /// and even the secret key into its error bodies, its error code and its request id: none of them may come
    /// out in any stream, in $Error, or in -Debug and -Verbose output.
    /// </summary>
    public sealed class SecretEchoTests
    {
        private const string AccessKey = "AKIDECHOTEST";
        private const string SecretKey = "echo/secret+KEY0123456789abcdefghijklmnop";
        private const string SessionToken = "echo-session-TOKEN/4242+abcdefghijklmnopqrstuvwxyz0123456789==";

        [Theory]
        [InlineData(400, "InvalidSignatureException")]
        [InlineData(403, "AccessDeniedException")]
        [InlineData(500, "InternalFailure")]
        [InlineData(502, null)]
        [InlineData(200, null)]
        public async Task EchoedSecretsAppearNowhere(int status, string? code)
        {
            var sent = new List<string>();
            await using var server = ScriptedServer.Start(exchange =>
            {
                var headers = exchange.Request.Headers;
                lock (sent)
                {
                    sent.Add(headers["Authorization"]);
                    sent.Add(headers["Authorization"][(headers["Authorization"].LastIndexOf("Signature=", StringComparison.Ordinal) + 10)..]);
                }

                string echo = string.Join("\n", headers.Select(h => $"{h.Key}:{h.Value}")) + $"\nsecret:{SecretKey}\nurl-encoded token:{Uri.EscapeDataString(SessionToken)}";
                string body = status == 200 ? "{\"jobs\":[],\"JobListEntries\":[]}"
                    : code is null ? "<html>" + echo + "</html>"
                    : JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = code, ["message"] = "The canonical request was:\n" + echo });
                return exchange.RespondAsync(
                    status,
                    body,
                    ("x-amzn-RequestId", headers["Authorization"]),
                    ("x-amzn-ErrorType", (code ?? "Weird") + ":" + headers["X-Amz-Security-Token"]));
            });
            using var session = PowerShellSession.Create();

            var snowball = session.Run(
                $"$DebugPreference = 'Continue'; Get-SnowballClusterJob CID123e4567-e89b-12d3-a456-426655440000 -EndpointUrl '{server.BaseUri}' -Region us-east-1 -AccessKey {AccessKey} -SecretKey '{SecretKey}' -SessionToken '{SessionToken}' -MaxRetries 1 -Verbose");
            var iot = session.Run(
                $"$DebugPreference = 'Continue'; Get-IoTJob -EndpointUrl '{server.BaseUri}' -Region us-east-1 -AccessKey {AccessKey} -SecretKey '{SecretKey}' -SessionToken '{SessionToken}' -MaxRetries 1 -Verbose");
            var errors = session.Run(@"$Error | ForEach-Object { ""$_""; $_.Exception.ToString(); ""$($_.TargetObject)""; ""$($_.ErrorDetails)""; $_.ErrorDetails.RecommendedAction; $_.FullyQualifiedErrorId; $_.CategoryInfo.ToString() }");

            Assert.Equal(status != 200, snowball.Errors.Count > 0);
            Assert.Equal(status != 200, iot.Errors.Count > 0);
            Assert.NotEmpty(sent);
            string everything = snowball.AllText() + "\n" + iot.AllText() + "\n" + string.Join("\n", errors.Output.Select(o => o?.ToString()));
            Assert.Contains("[redacted]", everything);
            foreach (string secret in sent.Concat(new[] { SecretKey, SessionToken, Uri.EscapeDataString(SessionToken) }))
            {
                Assert.DoesNotContain(secret, everything);
            }
        }
    }
}
