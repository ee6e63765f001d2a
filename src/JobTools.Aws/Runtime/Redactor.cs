using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// Removes secrets from text built from what a server sent (error bodies, echoed headers, the canonical
    /// request of an InvalidSignatureException), whatever the server sends. Two layers: the exact values this
    /// connection knows (the secret key, the session token, each Authorization value and signature it sent, also
    /// URL- and JSON-escaped), and patterns for any signature, session token or Authorization header. Every
    /// message of <see cref="ErrorTranslator"/> passes through here.
    /// </summary>
    internal sealed class Redactor
    {
        public const string Mask = "[redacted]";

        private static readonly Regex Patterns = new Regex(
            @"(?<keep>Signature\s*=\s*)[0-9a-fA-F]{16,}" +
            @"|(?<keep>X-Amz-Security-Token[""']?\s*[:=]\s*[""']?)[^\s""'&,;]+" +
            @"|(?<keep>X-Amz-Signature[""']?\s*[:=]\s*[""']?)[^\s""'&,;]+" +
            @"|(?<keep>Authorization[""']?\s*[:=]\s*[""']?)[^\r\n""']+" +
            @"|(?<keep>aws_secret_access_key\s*[:=]\s*)\S+" +
            @"|(?<keep>aws_session_token\s*[:=]\s*)\S+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

        private readonly object gate = new object();
        private readonly HashSet<string> secrets = new HashSet<string>(StringComparer.Ordinal);
        private string[] ordered = Array.Empty<string>();

        /// <summary>Remembers a secret in the forms a server may echo it: as sent, URL-escaped and JSON-escaped.</summary>
        public void Add(string? secret)
        {
            if (string.IsNullOrEmpty(secret) || secret!.Length < 4)
            {
                return;
            }

            lock (gate)
            {
                bool added = secrets.Add(secret);
                added |= secrets.Add(Uri.EscapeDataString(secret));
                added |= secrets.Add(secret.Replace("/", "\\/"));
                if (added)
                {
                    // Longest first, so that no shorter secret splits a longer one before it is masked.
                    var all = new List<string>(secrets);
                    all.Sort((a, b) => b.Length.CompareTo(a.Length));
                    ordered = all.ToArray();
                }
            }
        }

        public string Clean(string text)
        {
            foreach (string secret in Volatile.Read(ref ordered))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }

            return Patterns.Replace(text, match => match.Groups["keep"].Value + Mask);
        }

        public string? CleanOrNull(string? text) => text is null ? null : Clean(text);
    }
}
