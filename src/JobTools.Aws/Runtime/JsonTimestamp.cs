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
        private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        /// <summary>The timestamp the reader is on; null for a JSON null (or any token that is not a number or string).</summary>
        public static DateTime? Read(ref Utf8JsonReader reader)
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
    }
}
