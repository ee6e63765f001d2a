using System;

namespace JobTools.Services
{
    /// <summary>What a cmdlet was told about credentials, region and endpoint; resolved by the AWS layer once per invocation.</summary>
    internal sealed class AwsSettings
    {
        /// <summary>The service the listing talks to.</summary>
        public AwsService Service { get; set; }

        public string? Region { get; set; }

        public string? ProfileName { get; set; }

        public string? ProfileLocation { get; set; }

        public string? AccessKey { get; set; }

        public string? SecretKey { get; set; }

        public string? SessionToken { get; set; }

        /// <summary>Where AccessKey/SecretKey came from: the parameters, -Credential or $StoredAWSCredentials.</summary>
        public string KeySource { get; set; } = "the -AccessKey and -SecretKey parameters";

        /// <summary>Where ProfileName came from: -ProfileName or $StoredAWSCredentials.</summary>
        public string ProfileSource { get; set; } = "-ProfileName";

        /// <summary>Where Region came from: -Region or $StoredAWSRegion.</summary>
        public string RegionSource { get; set; } = "the -Region parameter";

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
