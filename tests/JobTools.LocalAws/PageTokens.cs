using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JobTools.LocalAws
{
    /// <summary>Opaque page tokens, bound to one listing (a cluster, or an IoT filter set, in one signing region) and tamper-evident.</summary>
    internal sealed class PageTokens
    {
        private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

        public string Issue(string scope, int offset)
        {
            byte[] payload = Encoding.UTF8.GetBytes(offset.ToString(CultureInfo.InvariantCulture) + "|" + scope);
            byte[] mac = Mac(payload);
            var token = new byte[16 + payload.Length];
            Array.Copy(mac, token, 16);
            Array.Copy(payload, 0, token, 16, payload.Length);
            return Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        /// <summary>The offset the token points at, or null when it is malformed, forged or for another listing.</summary>
        public int? Read(string token, string scope)
        {
            try
            {
                string base64 = token.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                byte[] bytes = Convert.FromBase64String(base64);
                if (bytes.Length <= 16)
                {
                    return null;
                }

                byte[] payload = bytes[16..];
                if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, 16), Mac(payload).AsSpan(0, 16)))
                {
                    return null;
                }

                string[] parts = Encoding.UTF8.GetString(payload).Split('|', 2);
                return parts.Length == 2 && parts[1] == scope && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int offset)
                    ? offset
                    : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private byte[] Mac(byte[] payload) => HMACSHA256.HashData(key, payload);
    }
}
