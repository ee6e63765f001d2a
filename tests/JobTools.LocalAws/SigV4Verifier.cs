using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace JobTools.LocalAws
{
    /// <summary>Recomputes a request's AWS Signature Version 4 and compares it with the one sent.</summary>
    internal sealed class SigV4Verifier
    {
        private static readonly Regex Authorization = new(
            @"^AWS4-HMAC-SHA256\s+Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request,\s*SignedHeaders=(?<headers>[^,]+),\s*Signature=(?<signature>[0-9a-f]{64})$",
            RegexOptions.CultureInvariant);

        private static readonly Regex Spaces = new(@"\s+");

        private readonly ConcurrentDictionary<string, string> credentials;

        public SigV4Verifier(ConcurrentDictionary<string, string> credentials)
        {
            this.credentials = credentials;
        }

        /// <summary>Checks the request as the service named <paramref name="expectedService"/> would (its signing name).</summary>
        public SignatureCheck Check(HttpRequest request, byte[] body, string expectedService)
        {
            string? header = request.Headers.Authorization.FirstOrDefault();
            if (string.IsNullOrEmpty(header))
            {
                return SignatureCheck.Fail("MissingAuthenticationTokenException", "Missing Authentication Token");
            }

            var match = Authorization.Match(header);
            if (!match.Success)
            {
                return SignatureCheck.Fail("IncompleteSignatureException", "The Authorization header is not a SigV4 header.");
            }

            string accessKeyId = match.Groups["key"].Value;
            if (!credentials.TryGetValue(accessKeyId, out string? secret))
            {
                return SignatureCheck.UnrecognizedClient;
            }

            string amzDate = request.Headers["x-amz-date"].FirstOrDefault() ?? string.Empty;
            string date = match.Groups["date"].Value, region = match.Groups["region"].Value, service = match.Groups["service"].Value;
            if (service != expectedService)
            {
                return SignatureCheck.Fail("InvalidSignatureException", $"Credential should be scoped to correct service: '{expectedService}'.");
            }

            string[] signedHeaders = match.Groups["headers"].Value.Split(';');
            string bodyHash = Hex(SHA256.HashData(body));
            string payloadHash = request.Headers["x-amz-content-sha256"].FirstOrDefault() ?? bodyHash;
            if (payloadHash != bodyHash && payloadHash != "UNSIGNED-PAYLOAD")
            {
                return SignatureCheck.Fail("InvalidSignatureException", "The x-amz-content-sha256 header does not match the body's SHA-256 hash.");
            }

            var canonical = new StringBuilder()
                .Append(request.Method).Append('\n')
                .Append(CanonicalPath(request.Path.Value)).Append('\n')
                .Append(CanonicalQuery(request.QueryString.Value)).Append('\n');
            foreach (string name in signedHeaders)
            {
                string value = name == "host" ? request.Host.Value ?? string.Empty : string.Join(",", request.Headers[name].Select(v => v ?? string.Empty));
                canonical.Append(name).Append(':').Append(Spaces.Replace(value.Trim(), " ")).Append('\n');
            }

            canonical.Append('\n').Append(string.Join(";", signedHeaders)).Append('\n').Append(payloadHash);
            string scope = $"{date}/{region}/{service}/aws4_request";
            string toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
            byte[] key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date), region), service), "aws4_request");
            string expected = Hex(Hmac(key, toSign));
            bool valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(match.Groups["signature"].Value));
            return valid
                ? SignatureCheck.Passed
                : SignatureCheck.Fail(
                    "InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.");
        }

        private static string CanonicalPath(string? path) =>
            string.IsNullOrEmpty(path) ? "/" : string.Join("/", path.Split('/').Select(s => Uri.EscapeDataString(Uri.EscapeDataString(Uri.UnescapeDataString(s)))));

        private static string CanonicalQuery(string? query)
        {
            if (string.IsNullOrEmpty(query) || query == "?")
            {
                return string.Empty;
            }

            return string.Join("&", query.TrimStart('?')
                .Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .Select(p => (Key: Encode(p[0]), Value: Encode(p.Length > 1 ? p[1] : string.Empty)))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value));
        }

        private static string Encode(string raw) => Uri.EscapeDataString(Uri.UnescapeDataString(raw.Replace("+", "%20")));

        private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
