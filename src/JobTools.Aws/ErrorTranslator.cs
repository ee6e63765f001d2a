using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using JobTools.Aws.Runtime;
using JobTools.Services;

namespace JobTools.Aws
{
    /// <summary>
    /// Turns whatever the SDK threw into the module's own exception, naming the code and request id. Every text
    /// built here from what a server sent goes through the connection's <see cref="Redactor"/>.
    /// </summary>
    internal static class ErrorTranslator
    {
        public static JobToolsServiceException Translate(Exception exception, string operation, Redactor redactor)
        {
            var error = Untranslated(exception, operation);
            return new JobToolsServiceException(
                redactor.Clean(error.Message),
                error.Kind,
                redactor.CleanOrNull(error.ErrorCode),
                redactor.CleanOrNull(error.RequestId),
                error.StatusCode);
        }

        /// <summary>One failed attempt in a few words, for the retry lines.</summary>
        public static string Describe(Exception exception, Redactor redactor) => redactor.Clean(exception switch
        {
            AmazonServiceException service when !string.IsNullOrEmpty(service.ErrorCode) =>
                $"{service.ErrorCode} (HTTP {(int)service.StatusCode}, request id {RequestId(service.RequestId)})",
            _ => Untranslated(exception, "the attempt").Message,
        });

        private static JobToolsServiceException Untranslated(Exception exception, string operation)
        {
            switch (exception)
            {
                case JobToolsServiceException own:
                    return own;
                case AmazonUnmarshallingException unmarshalling:
                    return new JobToolsServiceException(
                        $"{operation} failed: the response could not be read ({Inner(unmarshalling).Message}; request id {RequestId(unmarshalling.RequestId)}).",
                        AwsErrorKind.MalformedResponse);
                case AmazonServiceException service when !string.IsNullOrEmpty(service.ErrorCode) || service.StatusCode != 0:
                    string code = string.IsNullOrEmpty(service.ErrorCode) ? $"Http{(int)service.StatusCode}" : service.ErrorCode;
                    return new JobToolsServiceException(
                        $"{operation} failed: {code}: {service.Message} (HTTP {(int)service.StatusCode}, request id {RequestId(service.RequestId)}).",
                        Classify(code, service.StatusCode),
                        code,
                        string.IsNullOrEmpty(service.RequestId) ? null : service.RequestId,
                        (int)service.StatusCode);
                case TimeoutException or TaskCanceledException:
                    return new JobToolsServiceException($"{operation} failed: the request timed out ({exception.Message}).", AwsErrorKind.Timeout);
                case HttpRequestException or SocketException or WebException or System.IO.IOException:
                    return new JobToolsServiceException($"{operation} failed: could not reach the endpoint ({Inner(exception).Message}).", AwsErrorKind.Connection);
                case JsonException json:
                    return new JobToolsServiceException($"{operation} failed: the response is not valid JSON ({json.Message}).", AwsErrorKind.MalformedResponse);
                case AmazonClientException client when client.InnerException != null && !(client.InnerException is AmazonClientException):
                    return Untranslated(client.InnerException, operation);
                default:
                    return new JobToolsServiceException($"{operation} failed: {exception.Message}", AwsErrorKind.Other);
            }
        }

        private static string RequestId(string? requestId) => string.IsNullOrEmpty(requestId) ? "none" : requestId!;

        private static Exception Inner(Exception exception)
        {
            var current = exception;
            while (current.InnerException != null)
            {
                current = current.InnerException;
            }

            return current;
        }

        private static AwsErrorKind Classify(string code, HttpStatusCode status)
        {
            switch (code)
            {
                case "InvalidResourceException":
                case "ResourceNotFoundException":
                    return AwsErrorKind.NotFound;
                case "InvalidNextTokenException":
                case "InvalidRequestException":
                case "ValidationException":
                case "InvalidParameterException":
                    return AwsErrorKind.InvalidArgument;
                case "ThrottlingException":
                case "Throttling":
                case "TooManyRequestsException":
                case "RequestLimitExceeded":
                    return AwsErrorKind.Throttled;
                case "AccessDeniedException":
                case "UnauthorizedException":
                    return AwsErrorKind.PermissionDenied;
                case "UnrecognizedClientException":
                case "InvalidSignatureException":
                case "ExpiredTokenException":
                case "InvalidClientTokenId":
                case "MissingAuthenticationTokenException":
                case "IncompleteSignature":
                    return AwsErrorKind.Authentication;
                case "ServiceUnavailableException":
                    return AwsErrorKind.ServiceUnavailable;
                case RedirectGuard.ErrorCode:
                    return AwsErrorKind.Connection;
            }

            return (int)status switch
            {
                403 => AwsErrorKind.PermissionDenied,
                404 => AwsErrorKind.NotFound,
                429 => AwsErrorKind.Throttled,
                503 => AwsErrorKind.ServiceUnavailable,
                _ => AwsErrorKind.Other,
            };
        }
    }
}
