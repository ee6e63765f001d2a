using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using JobTools.Vocabulary;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// Reads string members whose values nearly always come from a service enum: a known value is matched on
    /// its UTF-8 bytes and returns the one shared string, so a page of jobs does not allocate the same few
    /// strings thousands of times. Any other value (one newer than this module) is read as usual.
    /// </summary>
    internal sealed class KnownStrings
    {
        private readonly (byte[] Utf8, string Value)[] values;

        public KnownStrings(KnownValueSet set)
        {
            values = set.Values.Select(v => (Encoding.UTF8.GetBytes(v.Value), v.Value)).ToArray();
        }

        public string? Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            if (!reader.ValueIsEscaped)
            {
                ReadOnlySpan<byte> text = reader.ValueSpan;
                foreach (var (utf8, value) in values)
                {
                    if (text.SequenceEqual(utf8))
                    {
                        return value;
                    }
                }
            }

            return reader.GetString();
        }
    }
}
