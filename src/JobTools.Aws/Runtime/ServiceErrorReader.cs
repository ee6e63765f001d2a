using System;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// Turns an error response of either JSON protocol into a typed AmazonServiceException. The code comes from
    /// x-amzn-ErrorType, __type or code (any "namespace#" prefix and ":suffix" removed); a bare 429 is classified
    /// as throttling so the SDK's retry step retries it.
    /// </summary>
    internal static class ServiceErrorReader
    {
        public const string BareThrottleCode = "TooManyRequestsException";

        public static AmazonServiceException Read(JsonUnmarshallerContext context, Exception? innerException, HttpStatusCode statusCode)
        {
            var headers = context.ResponseData;
            string? requestId = headers?.GetHeaderValue("x-amzn-RequestId");
            string? code = Normalize(headers?.GetHeaderValue("x-amzn-ErrorType"));
            string? message = null;

            // Read the body itself: the cached copy holds only what was read so far.
            using var read = PooledBody.Read(context.Stream, headers?.ContentLength ?? 0);
            ReadOnlySpan<byte> body = read.Span;
            if (body.Length == 0)
            {
                body = context.GetResponseBodyBytes() ?? Array.Empty<byte>();
            }

            if (body.Length > 0)
            {
                try
                {
                    var reader = new Utf8JsonReader(body);
                    if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            string name = reader.GetString() ?? string.Empty;
                            reader.Read();
                            if (reader.TokenType == JsonTokenType.String)
                            {
                                if (name == "__type" || name == "code" || name == "Code")
                                {
                                    code ??= Normalize(reader.GetString());
                                }
                                else if (name.Equals("message", StringComparison.OrdinalIgnoreCase))
                                {
                                    message = reader.GetString();
                                }
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }
                    }
                }
                catch (JsonException)
                {
                    // Not JSON (a proxy's page, a truncated body): the status code alone has to do.
                }
            }

            if (code is null && statusCode == (HttpStatusCode)429)
            {
                code = BareThrottleCode;
            }

            var errorType = (int)statusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;
            message ??= $"The service answered HTTP {(int)statusCode} ({statusCode}) without an error message.";
            return new AmazonServiceException(message, innerException, errorType, code ?? $"Http{(int)statusCode}", requestId, statusCode);
        }

        private static string? Normalize(string? raw)
        {
            if (string.IsNullOrEmpty(raw))
            {
                return null;
            }

            string code = raw!;
            int colon = code.IndexOf(':');
            if (colon >= 0)
            {
                code = code.Substring(0, colon);
            }

            int hash = code.LastIndexOf('#');
            if (hash >= 0)
            {
                code = code.Substring(hash + 1);
            }

            code = code.Trim();
            return code.Length == 0 ? null : code;
        }
    }
}
