using System;
using System.Text;
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
        public static Task IoTError(HttpContext context, int status, string? code, string message)
        {
            if (code is null)
            {
                context.Response.StatusCode = status;
                context.Response.ContentLength = 0;
                return Task.CompletedTask;
            }

            context.Response.Headers["x-amzn-ErrorType"] = code + ":http://internal.amazon.com/coral/com.amazonaws.iot/";
            return Json(context, status, IoTContentType, JsonSerializer.SerializeToUtf8Bytes(new { message }));
        }

        public static Task Error(HttpContext context, string service, int status, string code, string message) =>
            service == "snowball" ? SnowballError(context, status, code, message) : IoTError(context, status, code, message);

        public static string Epoch(DateTimeOffset time) =>
            (time.ToUnixTimeMilliseconds() / 1000m).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

        public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }
}
