using System;
using System.Threading.Tasks;

namespace JobTools.Tests.Hostile
{
    /// <summary>
    /// A server that puts a secret it was sent into a job's value the module cannot read: the warning that
    /// names the value shows it shortened, and masked where it is a secret of this connection.
    /// </summary>
    public sealed class EchoedValueTests
    {
        private const string SessionToken = "short-TOKEN-4242";

        [Fact]
        public async Task ASecretEchoedIntoAnUnreadableValueIsMaskedInTheWarning()
        {
            await using var server = ScriptedServer.Start(exchange =>
            {
                string token = exchange.Request.Headers["X-Amz-Security-Token"];
                return exchange.RespondAsync(
                    200,
                    "{\"jobs\":[{\"jobId\":\"j1\",\"isConcurrent\":\"" + token + "\"}]}",
                    ("Content-Type", "application/json"));
            });
            using var session = PowerShellSession.Create();

            var result = session.Run(
                $"Get-IoTJob -EndpointUrl '{server.BaseUri}' -Region us-east-1 -AccessKey AKIDECHOTEST -SecretKey 'echo-secret-KEY-0123456789' -SessionToken '{SessionToken}' -MaxRetries 0");

            Assert.Empty(result.Errors);
            Assert.Equal("j1", Assert.Single(result.Output).Properties["JobId"].Value);
            string warning = Assert.Single(result.Warnings);
            Assert.Contains("ListJobs job 'j1': isConcurrent is the string \"[redacted]\", not true or false", warning);
            Assert.DoesNotContain(SessionToken, result.AllText(), StringComparison.Ordinal);
        }
    }
}
