using System;
using System.Collections.Generic;
using System.IO;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace JobTools.LocalAws
{
    /// <summary>Writes responses and errors in each protocol's own shape.</summary>
    internal static class AwsResponses
    {
        public const string SnowballContentType = "application/x-amz-json-1.1";
        public const string IoTContentType = "application/json";

        public static Task Json(HttpContext context, int status, string contentType, byte[] body)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body).AsTask();
        }

        /// <summary>awsJson1_1 errors: the code in __type, the text in Message.</summary>
        public static Task SnowballError(HttpContext context, int status, string code, string message) =>
            Json(context, status, SnowballContentType, JsonSerializer.SerializeToUtf8Bytes(new { __type = code, Message = message }));

        /// <summary>rest-json errors: the code in x-amzn-ErrorType, the text in message.</summary>
        public static Task IoTError(HttpContext context, int status, string code, string message)
        {
            context.Response.Headers["x-amzn-ErrorType"] = code + ":http://internal.amazon.com/coral/com.amazonaws.iot/";
            return Json(context, status, IoTContentType, JsonSerializer.SerializeToUtf8Bytes(new { message }));
        }

        /// <summary>A throttle as IoT's front end sometimes sends it: 429, no body, no error type.</summary>
        public static Task BareTooManyRequests(HttpContext context)
        {
            context.Response.StatusCode = 429;
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }

        /// <summary>An error in the shape of the service the request was for; STS requests get the IoT shape.</summary>
        public static Task Error(HttpContext context, string service, int status, string code, string message) =>
            service == "snowball" ? SnowballError(context, status, code, message) : IoTError(context, status, code, message);

        /// <summary>A timestamp as both protocols send it: epoch seconds as a JSON number with a millisecond fraction.</summary>
        /// <summary>A page envelope {"listName": [items], "tokenName": "..."} (the token omitted on the last page).</summary>
        public static byte[] Page<T>(IEnumerable<T> items, string listName, string tokenName, string? nextToken, Action<Utf8JsonWriter, T> writeItem)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray(listName);
                foreach (var item in items)
                {
                    writer.WriteStartObject();
                    writeItem(writer, item);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                if (nextToken != null)
                {
                    writer.WriteString(tokenName, nextToken);
                }

                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        public static void WriteEpochSeconds(Utf8JsonWriter writer, string name, DateTimeOffset time)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue((time.ToUnixTimeMilliseconds() / 1000m).ToString("0.000", CultureInfo.InvariantCulture));
        }
    }
}
