using System;
using System.Globalization;
using System.Text.Json;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// Timestamps as both AWS JSON protocols send them: epoch seconds, decoded exactly (the SDK's own
    /// double-based reader loses the milliseconds), or, rarely, an ISO 8601 string. Always UTC.
    /// </summary>
    internal static class JsonTimestamp
    {
        private const long MaxEpochSeconds = 253402300799; // 9999-12-31T23:59:59Z
        private const long MinEpochSeconds = -62135596800; // 0001-01-01T00:00:00Z
        private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        /// <summary>
        /// Reads the timestamp the reader is on: null for a JSON null; false for a token that is not a time
        /// (another type, text in another format, a number beyond the dates DateTime holds).
        /// </summary>
        public static bool TryRead(ref Utf8JsonReader reader, out DateTime? time)
        {
            time = null;
            if (reader.TokenType == JsonTokenType.Null)
            {
                return true;
            }

            if (!TryReadTime(ref reader, out DateTime read))
            {
                return false;
            }

            time = read;
            return true;
        }

        /// <summary>Whether the number the reader is on, not a time in epoch seconds, would be one in epoch milliseconds.</summary>
        public static bool CouldBeMilliseconds(ref Utf8JsonReader reader) =>
            reader.TryGetDecimal(out decimal number) && TryFromEpochSeconds(number / 1000, out _);

        /// <summary>
        /// The fast path for the usual number: plain non-negative decimal digits, such as 1740787200.123.
        /// Rounds to whole ticks as <see cref="decimal.Round(decimal)"/> does (half to even). Anything else
        /// (a sign, an exponent, a date outside DateTime's range) is left to the exact decimal path.
        /// </summary>
        internal static bool TryParseEpochTicks(ReadOnlySpan<byte> number, out long ticks)
        {
            const int TickDigits = 7;
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

        private static bool TryFromEpochSeconds(decimal seconds, out DateTime time)
        {
            time = default;
            if (seconds < MinEpochSeconds || seconds >= MaxEpochSeconds + 1m)
            {
                return false;
            }

            long ticks = (long)decimal.Round(seconds * TimeSpan.TicksPerSecond);
            if (ticks < -UnixEpochTicks || ticks > DateTime.MaxValue.Ticks - UnixEpochTicks)
            {
                return false;
            }

            time = FromEpochTicks(ticks);
            return true;
        }

        private static bool TryReadTime(ref Utf8JsonReader reader, out DateTime time)
        {
            time = default;
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    if (TryParseEpochTicks(reader.ValueSpan, out long ticks))
                    {
                        time = FromEpochTicks(ticks);
                        return true;
                    }

                    return reader.TryGetDecimal(out decimal seconds) && TryFromEpochSeconds(seconds, out time);
                case JsonTokenType.String:
                    return TryReadText(ref reader, out time);
                default:
                    return false;
            }
        }

        /// <summary>Epoch seconds or ISO 8601 in a string.</summary>
        private static bool TryReadText(ref Utf8JsonReader reader, out DateTime time)
        {
            time = default;
            string? text;
            try
            {
                text = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return false;
            }

            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TryFromEpochSeconds(seconds, out time)
                : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);
        }
    }
}
