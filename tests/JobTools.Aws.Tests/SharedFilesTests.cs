using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using JobTools.Services;

namespace JobTools.Aws.Tests
{
    /// <summary>Tests that set the process's AWS file and environment variables run alone.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ProcessEnvironment
    {
        public const string Name = "Process environment";
    }

    /// <summary>A broken shared credentials file, in a new session: it never poisons the calls after it.</summary>
    [Collection(ProcessEnvironment.Name)]
    public sealed class SharedFilesTests : IDisposable
    {
        private const string BrokenSecret = "broken-line-SECRET-31337";
        private readonly string directory = Path.Combine(Path.GetTempPath(), "jobtools-aws-tests-" + Guid.NewGuid().ToString("N"));
        private readonly string credentials;
        private readonly string config;

        public SharedFilesTests()
        {
            Directory.CreateDirectory(directory);
            credentials = Path.Combine(directory, "credentials");
            config = Path.Combine(directory, "config");
            File.WriteAllText(credentials, $"[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key {BrokenSecret}\n\n[named]\naws_access_key_id = AKIDNAMED\naws_secret_access_key = secret-named-0123456789\n");
            File.WriteAllText(config, "[default]\nregion = eu-west-1\n");
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", credentials);
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", config);
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        }

        [Fact]
        public async Task ABrokenFileInANewSessionBreaksNeitherThisCallNorTheOnesAfterIt()
        {
            var layer = new FreshAwsLayer().Factory;
            var explicitKeys = new AwsSettings
            {
                Service = AwsService.IoT,
                Region = "us-east-1",
                AccessKey = "AKIDPARAMS",
                SecretKey = "secret-params-0123456789",
                EndpointUrl = new Uri($"http://127.0.0.1:{ClosedPort()}/"),
                MaxRetries = 0,
            };

            var first = await ListFailure(layer.Create(explicitKeys, null));
            Assert.Equal(AwsErrorKind.Connection, first.Kind);

            File.WriteAllText(credentials, "[named]\naws_access_key_id = AKIDNAMED\naws_secret_access_key = secret-named-0123456789\n");
            var named = new AwsSettings { Service = AwsService.IoT, ProfileName = "named", EndpointUrl = explicitKeys.EndpointUrl, MaxRetries = 0 };
            using var fixedFile = layer.Create(named, null);
            Assert.Contains("profile 'named'", fixedFile.Connection.CredentialSource);
            Assert.Equal("eu-west-1", fixedFile.Connection.SigningRegion);
            Assert.Equal(AwsErrorKind.Connection, (await ListFailure(fixedFile)).Kind);
        }

        public void Dispose()
        {
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", null);
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", null);
            Directory.Delete(directory, recursive: true);
        }

        private static async Task<JobToolsServiceException> ListFailure(IJobService service)
        {
            using (service)
            {
                var error = await Assert.ThrowsAsync<JobToolsServiceException>(() => service.ListIoTJobsAsync(new IoTJobQuery(null, null, null, null, null), 10, null, CancellationToken.None));
                Assert.DoesNotContain(BrokenSecret, error.ToString());
                return error;
            }
        }

        private static int ClosedPort()
        {
            using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
    }
}
