using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace JobTools.Aws.Runtime
{
    /// <summary>Reads one list item, the reader positioned on its StartObject.</summary>
    internal delegate T ItemReader<T>(ref Utf8JsonReader reader);

    /// <summary>Small readers shared by both protocols' unmarshallers.</summary>
    internal static class AwsJson
    {
        private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        /// <summary>Reads the whole body; the unmarshallers parse it with Utf8JsonReader.</summary>
        public static byte[] ReadAll(Stream stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }

        /// <summary>
        /// A timestamp as AWS JSON protocols send it: epoch seconds (decoded exactly, through decimal, so the
        /// milliseconds survive) or, rarely, an ISO 8601 string. Always UTC.
        /// </summary>
        public static DateTime? ReadTimestamp(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    decimal seconds = reader.GetDecimal();
                    return new DateTime(UnixEpochTicks + (long)decimal.Round(seconds * TimeSpan.TicksPerSecond), DateTimeKind.Utc);
                case JsonTokenType.String:
                    string? text = reader.GetString();
                    if (text is null)
                    {
                        return null;
                    }

                    if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return new DateTime(UnixEpochTicks + (long)decimal.Round(parsed * TimeSpan.TicksPerSecond), DateTimeKind.Utc);
                    }

                    return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                default:
                    return null;
            }
        }

        /// <summary>
        /// Reads a page envelope {"listName": [items], "tokenName": "..."}; other members are skipped.
        /// </summary>
        public static (List<T> Items, string? NextToken) ReadPage<T>(ReadOnlySpan<byte> body, string operation, string listName, string tokenName, ItemReader<T> readItem)
        {
            var items = new List<T>();
            string? nextToken = null;
            var reader = new Utf8JsonReader(body);
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, operation);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (name == listName && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        items.Add(readItem(ref reader));
                    }
                }
                else if (name == tokenName)
                {
                    nextToken = ReadString(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }

            Expect(reader.TokenType == JsonTokenType.EndObject, operation);
            return (items, nextToken);
        }

        private static void Expect(bool condition, string operation)
        {
            if (!condition)
            {
                throw new JsonException($"The {operation} response is not the expected JSON object.");
            }
        }

        public static string? ReadString(ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.String ? reader.GetString() : null;

        public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
    }
}
