using System;

namespace JobTools.Services
{
    /// <summary>
    /// The one exception the AWS layer throws. It carries the AWS error code, request id and HTTP status,
    /// never a credential.
    /// </summary>
    public sealed class JobToolsServiceException : Exception
    {
        internal JobToolsServiceException(string message, AwsErrorKind kind, string? errorCode = null, string? requestId = null, int? statusCode = null, int attempts = 0)
            : base(message)
        {
            Kind = kind;
            ErrorCode = errorCode;
            RequestId = requestId;
            StatusCode = statusCode;
            Attempts = attempts;
        }

        internal AwsErrorKind Kind { get; }

        /// <summary>The same failure, its message continued by one more sentence (after a full stop).</summary>
        internal JobToolsServiceException Continued(string sentence) =>
            new JobToolsServiceException($"{Message}{(Message.EndsWith('.') ? string.Empty : ".")} {sentence}", Kind, ErrorCode, RequestId, StatusCode, Attempts);

        /// <summary>The same failure, its message led by what failed: "eu-west-1: …".</summary>
        internal JobToolsServiceException About(string source) =>
            new JobToolsServiceException($"{source}: {Message}", Kind, ErrorCode, RequestId, StatusCode, Attempts);

        /// <summary>The AWS error code, for example InvalidResourceException.</summary>
        public string? ErrorCode { get; }

        /// <summary>The request id the service returned, for support cases.</summary>
        public string? RequestId { get; }

        /// <summary>The HTTP status code, when a response arrived.</summary>
        public int? StatusCode { get; }

        /// <summary>The attempts the failed call made; 0 when it failed before sending anything.</summary>
        public int Attempts { get; }
    }
}
