using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace JobTools.Aws.Runtime
{
    /// <summary>Reads one list item, the reader positioned on its StartObject.</summary>
    internal delegate T ItemReader<T>(ref Utf8JsonReader reader);

    /// <summary>Small readers shared by both protocols' unmarshallers.</summary>
    internal static class AwsJson
    {
        private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        /// <summary>
        /// A timestamp as AWS JSON protocols send it: epoch seconds (decoded exactly, so the milliseconds
        /// survive) or, rarely, an ISO 8601 string. Always UTC.
        /// </summary>
        public static DateTime? ReadTimestamp(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    return TryParseEpochTicks(reader.ValueSpan, out long ticks) ? FromEpochTicks(ticks) : FromEpochSeconds(reader.GetDecimal());
                case JsonTokenType.String:
                    string? text = reader.GetString();
                    if (text is null)
                    {
                        return null;
                    }

                    if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return FromEpochSeconds(parsed);
                    }

                    return DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The fast path for the usual number: plain non-negative decimal digits, such as 1740787200.123.
        /// Rounds to whole ticks as <see cref="decimal.Round(decimal)"/> does (half to even). Anything else
        /// (a sign, an exponent, a date outside DateTime's range) is left to the exact decimal path.
        /// </summary>
        internal static bool TryParseEpochTicks(ReadOnlySpan<byte> number, out long ticks)
        {
            const int TickDigits = 7;
            const long MaxEpochSeconds = 253402300799; // 9999-12-31T23:59:59Z
            ticks = 0;
            int i = 0;
            long seconds = 0;
            while (i < number.Length && IsDigit(number[i]))
            {
                // Checked digit by digit, so that the sum can never overflow.
                seconds = (seconds * 10) + (number[i] - '0');
                if (seconds > MaxEpochSeconds)
                {
                    return false;
                }

                i++;
            }

            if (i == 0)
            {
                return false;
            }

            long fraction = 0;
            int fractionDigits = 0;
            int roundingDigit = 0;
            bool beyondRounding = false;
            if (i < number.Length && number[i] == '.')
            {
                i++;
                int start = i;
                while (i < number.Length && IsDigit(number[i]))
                {
                    int digit = number[i] - '0';
                    if (fractionDigits < TickDigits)
                    {
                        fraction = (fraction * 10) + digit;
                        fractionDigits++;
                    }
                    else if (i - start == TickDigits)
                    {
                        roundingDigit = digit;
                    }
                    else if (digit != 0)
                    {
                        beyondRounding = true;
                    }

                    i++;
                }

                if (i == start)
                {
                    return false;
                }
            }

            if (i != number.Length)
            {
                return false;
            }

            for (; fractionDigits < TickDigits; fractionDigits++)
            {
                fraction *= 10;
            }

            ticks = (seconds * TimeSpan.TicksPerSecond) + fraction;
            if (roundingDigit > 5 || (roundingDigit == 5 && (beyondRounding || (ticks & 1) == 1)))
            {
                ticks++;
            }

            return ticks <= DateTime.MaxValue.Ticks - UnixEpochTicks;
        }

        private static bool IsDigit(byte c) => c >= '0' && c <= '9';

        private static DateTime FromEpochTicks(long ticks) => new DateTime(UnixEpochTicks + ticks, DateTimeKind.Utc);

        private static DateTime FromEpochSeconds(decimal seconds) => FromEpochTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));

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
                bool isList = reader.ValueTextEquals(listName);
                bool isToken = !isList && reader.ValueTextEquals(tokenName);
                reader.Read();
                if (isList && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        items.Add(readItem(ref reader));
                    }
                }
                else if (isToken)
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
