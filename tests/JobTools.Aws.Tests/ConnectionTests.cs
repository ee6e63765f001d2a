using System;
using JobTools.Services;

namespace JobTools.Aws.Tests
{
    /// <summary>A connection is complete when it is made, and what it shows of itself holds no secret.</summary>
    public sealed class ConnectionTests
    {
        [Fact]
        public void AConnectionIsResolvedWhenMadeAndShowsNoPasswordOfItsEndpoint()
        {
            var settings = new AwsSettings
            {
                Service = AwsService.Snowball,
                Region = "eu-west-2",
                AccessKey = "AKIDCONNECTION",
                SecretKey = "secret-connection-0123456789",
                EndpointUrl = new Uri("http://jobuser:pa55-SECRET-word@127.0.0.1:9/"),
                MaxRetries = 0,
            };

            using IJobService service = ((IJobServiceFactory)new JobServiceFactory()).Create(settings, null);

            var connection = service.Connection;
            Assert.Equal("eu-west-2", connection.SigningRegion);
            Assert.Equal("the -AccessKey and -SecretKey parameters", connection.CredentialSource);
            Assert.StartsWith("http://127.0.0.1:9/ (-EndpointUrl)", connection.Endpoint);
            Assert.Empty(connection.Warnings);
            Assert.DoesNotContain("pa55-SECRET-word", connection.ToString());
        }
    }
}
