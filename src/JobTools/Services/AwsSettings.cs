using System;

namespace JobTools.Services
{
    /// <summary>What a cmdlet was told about credentials, region and endpoint; resolved by the AWS layer once per invocation.</summary>
    internal sealed class AwsSettings
    {
        public string? Region { get; set; }

        public string? ProfileName { get; set; }

        public string? ProfileLocation { get; set; }

        public string? AccessKey { get; set; }

        public string? SecretKey { get; set; }

        public string? SessionToken { get; set; }

        public Uri? EndpointUrl { get; set; }

        /// <summary>Retries after the first attempt; null leaves it to AWS_MAX_ATTEMPTS or the module default.</summary>
        public int? MaxRetries { get; set; }

        /// <summary>How long one attempt may take.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <inheritdoc />
        public override string ToString() =>
            $"Region={Region ?? "(default)"}, Profile={ProfileName ?? "(default)"}, Endpoint={EndpointUrl?.ToString() ?? "(default)"}";
    }
}
