using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace JobTools.LocalAws
{
    /// <summary>
    /// A small STS stub (query protocol): AssumeRole issues temporary credentials that the endpoint then
    /// accepts, so that assume-role profiles can be tested end to end.
    /// </summary>
    internal sealed class StsHandler
    {
        private readonly ConcurrentDictionary<string, string> credentials;

        public StsHandler(ConcurrentDictionary<string, string> credentials)
        {
            this.credentials = credentials;
        }

        public static bool IsStsRequest(HttpRequest request, byte[] body) =>
            request.Method == "POST"
            && (request.ContentType ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && Encoding.UTF8.GetString(body).Contains("Action=", StringComparison.Ordinal);

        public static string Operation(byte[] body) =>
            QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).TryGetValue("Action", out var action) ? action.ToString() : "Unknown";

        public async Task Respond(HttpContext context, byte[] body)
        {
            var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            XNamespace ns = "https://sts.amazonaws.com/doc/2011-06-15/";
            if (Operation(body) != "AssumeRole" || !form.TryGetValue("RoleArn", out var roleArn))
            {
                var error = new XElement(ns + "ErrorResponse", new XElement(ns + "Error", new XElement(ns + "Type", "Sender"), new XElement(ns + "Code", "InvalidAction"), new XElement(ns + "Message", "Only AssumeRole is served here.")));
                await Write(context, 400, error);
                return;
            }

            string accessKeyId = "ASIA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            string secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
            string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            credentials[accessKeyId] = secret;
            string sessionName = form.TryGetValue("RoleSessionName", out var name) ? name.ToString() : "session";
            var response = new XElement(
                ns + "AssumeRoleResponse",
                new XElement(
                    ns + "AssumeRoleResult",
                    new XElement(
                        ns + "Credentials",
                        new XElement(ns + "AccessKeyId", accessKeyId),
                        new XElement(ns + "SecretAccessKey", secret),
                        new XElement(ns + "SessionToken", token),
                        new XElement(ns + "Expiration", DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))),
                    new XElement(
                        ns + "AssumedRoleUser",
                        new XElement(ns + "Arn", roleArn.ToString().Replace(":role/", ":assumed-role/", StringComparison.Ordinal) + "/" + sessionName),
                        new XElement(ns + "AssumedRoleId", "AROA" + accessKeyId[4..] + ":" + sessionName))),
                new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", context.Response.Headers["x-amzn-RequestId"].ToString())));
            await Write(context, 200, response);
        }

        private static Task Write(HttpContext context, int status, XElement document)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting));
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/xml";
            context.Response.ContentLength = bytes.Length;
            return context.Response.Body.WriteAsync(bytes).AsTask();
        }
    }
}
