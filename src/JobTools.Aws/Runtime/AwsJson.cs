using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace JobTools.Aws.Runtime
{
    /// <summary>Reads one list item, the reader positioned on its StartObject; what it cannot read goes to <paramref name="fields"/>.</summary>
    internal delegate T ItemReader<T>(ref Utf8JsonReader reader, ItemFields fields);

    /// <summary>The page envelope both protocols share, and how a value from the server is shown in a message.</summary>
    internal static class AwsJson
    {
        private const int ShownWhole = 24;
        private const int NamesShown = 5;

        /// <summary>
        /// Reads a page {"listName": [items], "tokenName": "..."}; other members are skipped. A page is an object
        /// whose list member is an array of objects and whose token is a string, null or absent. Botocore's models
        /// make neither member required, but an empty listing comes as an empty list (so moto and the local
        /// endpoint send it too), and without the list there is no telling an empty page from an error body or a
        /// renamed member. Any other shape throws a JsonException that says what is wrong: the SDK retries it as a
        /// body it could not read, and the listing then fails as MalformedResponse with its resume point, instead
        /// of passing for an empty or last page.
        /// </summary>
        public static Page<T> ReadPage<T>(ReadOnlySpan<byte> body, string operation, string listName, string itemName, string tokenName, ItemReader<T> readItem)
        {
            var items = new List<T>();
            var fields = new ItemFields();
            string? nextToken = null;
            bool listRead = false;
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotAPage(operation, $"it is {Describe(ref reader)}, not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isList = Spells(ref reader, listName);
                bool isToken = !isList && Spells(ref reader, tokenName);
                reader.Read();
                if (isList)
                {
                    if (listRead || reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw NotAPage(operation, listRead ? $"it has \"{listName}\" twice" : $"\"{listName}\" is {Describe(ref reader)}, not a list");
                    }

                    listRead = true;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw NotAPage(operation, $"entry {items.Count + 1} of \"{listName}\" is {Describe(ref reader)}, not an object");
                        }

                        var item = readItem(ref reader, fields);
                        fields.EndItem(operation, itemName, items.Count, item?.ToString());
                        items.Add(item);
                    }
                }
                else if (isToken)
                {
                    nextToken = ReadToken(ref reader, operation, tokenName);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (!listRead)
            {
                throw NotAPage(operation, $"it has no \"{listName}\" list{MembersOf(body)}");
            }

            return new Page<T> { Items = items, NextToken = nextToken, Problems = fields.Problems };
        }

        /// <summary>
        /// What the token the reader is on is, for a message: its JSON type and, for a string or a number, its text
        /// as sent (escapes kept, control characters replaced), shortened, so that no long value from the server
        /// (it may echo a token) is repeated whole.
        /// </summary>
        public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.String => "the string " + Shown(reader.ValueSpan, quoted: true),
            JsonTokenType.Number => "the number " + Shown(reader.ValueSpan, quoted: false),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => "null",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            _ => "nothing",
        };

        /// <summary>
        /// Text from the server, made safe to show: control characters replaced, and anything longer than
        /// <paramref name="whole"/> characters cut to its first half, with its length.
        /// </summary>
        public static string Shown(string text, bool quoted, int whole = ShownWhole)
        {
            bool cut = text.Length > whole;
            int length = cut ? (whole / 2) - (char.IsHighSurrogate(text[(whole / 2) - 1]) ? 1 : 0) : text.Length;
            var shown = new StringBuilder(length + 24);
            shown.Append(quoted ? "\"" : string.Empty);
            for (int i = 0; i < length; i++)
            {
                shown.Append(char.IsControl(text[i]) ? '?' : text[i]);
            }

            shown.Append(cut ? "…" : string.Empty).Append(quoted ? "\"" : string.Empty);
            return cut ? $"{shown} ({text.Length} characters)" : shown.ToString();
        }

        private static string Shown(ReadOnlySpan<byte> raw, bool quoted) => Shown(Encoding.UTF8.GetString(raw), quoted);

        private static string? ReadToken(ref Utf8JsonReader reader, string operation, string tokenName)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.String)
            {
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw NotAPage(operation, $"\"{tokenName}\" is {Describe(ref reader)}, not valid Unicode text");
                }
            }

            throw NotAPage(operation, $"\"{tokenName}\" is {Describe(ref reader)}, not a string");
        }

        /// <summary>What a whole JSON object has instead of the list, for the message: a few member names, shortened.</summary>
        private static string MembersOf(ReadOnlySpan<byte> body)
        {
            var names = new List<string>();
            var reader = new Utf8JsonReader(body);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (names.Count == NamesShown)
                {
                    return $", only {string.Join(", ", names)} and more";
                }

                names.Add(Shown(reader.ValueSpan, quoted: true));
                reader.Read();
                reader.Skip();
            }

            return names.Count == 0 ? ": it is an empty object" : $", only {string.Join(", ", names)}";
        }

        /// <summary>Whether the member name the reader is on spells <paramref name="name"/>; a name that is not valid Unicode spells none.</summary>
        private static bool Spells(ref Utf8JsonReader reader, string name)
        {
            try
            {
                return reader.ValueTextEquals(name);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        private static JsonException NotAPage(string operation, string what) => new JsonException($"The {operation} response is not a page: {what}.");
    }
}
