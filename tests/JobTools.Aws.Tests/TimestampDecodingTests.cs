using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using System.Text.Json;
using JobTools.Aws.Runtime;

namespace JobTools.Aws.Tests
{
    /// <summary>The fast epoch-seconds path must give exactly what the decimal path gives, tie-breaking included.</summary>
    public sealed class TimestampDecodingTests
    {
        public static IEnumerable<object[]> EdgeNumbers() => new[]
        {
            "0", "1", "1480475524.335", "1740787200", "1740787200.5", "1740787200.123456",
            "1740787200.1234567", "1740787200.12345675", "1740787200.12345665", "1740787200.123456650",
            "1740787200.123456650000001", "1740787200.12345664999", "1740787200.99999995", "1740787200.9999999999",
            "0.00000005", "0.00000015", "0.000000049999", "253402300799", "253402300799.9999999",
            "1740787200.0", "1740787200.000000000000000000001",
        }.Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(EdgeNumbers))]
        public void EdgeNumbersDecodeAsTheDecimalPathDoes(string number)
        {
            Assert.True(JsonTimestamp.TryParseEpochTicks(Encoding.ASCII.GetBytes(number), out _), number);
            Assert.Equal(Reference(number), Decode(number));
        }

        [Fact]
        public void RandomNumbersDecodeAsTheDecimalPathDoes()
        {
            var random = new Random(20261122);
            for (int i = 0; i < 20_000; i++)
            {
                long seconds = random.NextInt64(0, 4_102_444_800); // up to 2100
                int digits = random.Next(0, 13);
                var text = new StringBuilder(seconds.ToString(CultureInfo.InvariantCulture));
                if (digits > 0)
                {
                    text.Append('.');
                    for (int d = 0; d < digits; d++)
                    {
                        // Favour 0, 5 and 9 so that ties and carries come up often.
                        int pick = random.Next(0, 13);
                        text.Append(pick < 10 ? (char)('0' + pick) : "059"[pick - 10]);
                    }
                }

                string number = text.ToString();
                Assert.Equal(Reference(number), Decode(number));
            }
        }

        [Theory]
        [InlineData("1.7407872E9")]
        [InlineData("1740787200e0")]
        [InlineData("-1.5")]
        [InlineData("-86400")]
        public void NumbersOffTheFastPathStillDecodeExactly(string number)
        {
            Assert.False(JsonTimestamp.TryParseEpochTicks(Encoding.ASCII.GetBytes(number), out _), number);
            Assert.Equal(Reference(number), Decode(number));
        }

        [Fact]
        public void ADateBeyondDateTimeIsRefusedByTheFastPath()
        {
            Assert.False(JsonTimestamp.TryParseEpochTicks("253402300800"u8, out _));
            Assert.False(JsonTimestamp.TryParseEpochTicks("9999999999999"u8, out _));
            Assert.False(JsonTimestamp.TryParseEpochTicks("253402300799.99999995"u8, out _));
        }

        [Fact]
        public void StringTimestampsAreReadAsEpochSecondsOrIso8601()
        {
            Assert.Equal(new DateTime(2016, 11, 30, 3, 12, 4, 335, DateTimeKind.Utc), Decode("\"1480475524.335\""));
            var iso = Decode("\"2016-11-30T03:12:04.335Z\"");
            Assert.Equal(new DateTime(2016, 11, 30, 3, 12, 4, 335, DateTimeKind.Utc), iso);
            Assert.Equal(DateTimeKind.Utc, iso!.Value.Kind);
            Assert.Null(Decode("null"));
        }

        private static DateTime Reference(string number) =>
            new DateTime(
                DateTime.UnixEpoch.Ticks + (long)decimal.Round(decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond),
                DateTimeKind.Utc);

        [Theory]
        [InlineData("1.6e12", true)]
        [InlineData("1740787200123", true)]
        [InlineData("253402300800", true)]
        [InlineData("-62135596801", true)]
        [InlineData("1e400", false)]
        [InlineData("\"yesterday\"", false)]
        [InlineData("\"1740787200123\"", false)]
        [InlineData("\"\\ud800\"", false)]
        [InlineData("true", false)]
        [InlineData("[1740787200]", false)]
        [InlineData("{}", false)]
        public void WhatIsNotATimeIsRefused(string json, bool couldBeMilliseconds)
        {
            var reader = Reader(json);
            Assert.False(JsonTimestamp.TryRead(ref reader, out var time), json);
            Assert.Null(time);
            Assert.Equal(couldBeMilliseconds, reader.TokenType == JsonTokenType.Number && JsonTimestamp.CouldBeMilliseconds(ref reader));
        }

        [Fact]
        public void TheFirstAndLastDatesDateTimeHoldsAreRead()
        {
            Assert.Equal(DateTime.MinValue, Decode("-62135596800"));
            Assert.Equal(DateTime.MaxValue, Decode("2.534023007999999999E11"));
        }

        private static DateTime? Decode(string json)
        {
            var reader = Reader(json);
            Assert.True(JsonTimestamp.TryRead(ref reader, out var time), json);
            return time;
        }

        private static Utf8JsonReader Reader(string json)
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("[" + json + "]"));
            reader.Read();
            reader.Read();
            return reader;
        }
    }
}
