using System;
using System.Collections.Generic;
using System.Text.Json;
using JobTools.Services;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// Reads the member values of a page's items and keeps what it could not read. A value of the wrong JSON
    /// type, a time out of range or in another format, or text that is not valid Unicode leaves that property
    /// empty and becomes a problem reported against its item (the item, the member and the value, shortened).
    /// The item is still listed and the page and its token still serve, so one odd value neither hides its job
    /// nor makes the page unreadable, which would stop every run of a listing at that page. A JSON null is an
    /// absent value, not a problem.
    /// </summary>
    internal sealed class ItemFields
    {
        private const int NameShown = 64;
        private readonly List<string> unread = new List<string>();
        private List<ItemProblem>? problems;
        private string member = string.Empty;

        /// <summary>One entry per item with values that could not be read, in item order.</summary>
        public IReadOnlyList<ItemProblem> Problems => problems ?? (IReadOnlyList<ItemProblem>)Array.Empty<ItemProblem>();

        /// <summary>Which member the reader is on (null for one this module does not read), leaving the reader on its value.</summary>
        public TMember? Next<TMember>(ref Utf8JsonReader reader, MemberNames<TMember> names)
            where TMember : struct, Enum => names.Next(ref reader, out member);

        /// <summary>A string; with <paramref name="known"/>, one that is nearly always one of those values.</summary>
        public string? String(ref Utf8JsonReader reader, KnownStrings? known = null) => reader.TokenType switch
        {
            JsonTokenType.String => Text(ref reader, known),
            JsonTokenType.Null => null,
            _ => Unreadable(ref reader, "a string"),
        };

        public DateTime? Timestamp(ref Utf8JsonReader reader)
        {
            if (JsonTimestamp.TryRead(ref reader, out DateTime? time))
            {
                return time;
            }

            Unreadable(ref reader, reader.TokenType switch
            {
                JsonTokenType.Number when JsonTimestamp.CouldBeMilliseconds(ref reader) => "a time in epoch seconds (a time in milliseconds?)",
                JsonTokenType.Number => "a time in epoch seconds",
                JsonTokenType.String => "a time in epoch seconds or ISO 8601",
                _ => "a time",
            });
            return null;
        }

        public bool? Boolean(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.True:
                    return true;
                case JsonTokenType.False:
                    return false;
                case JsonTokenType.Null:
                    return null;
                default:
                    Unreadable(ref reader, "true or false");
                    return null;
            }
        }

        public int? Int32(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Number when reader.TryGetInt32(out int value):
                    return value;
                case JsonTokenType.Null:
                    return null;
                default:
                    Unreadable(ref reader, "a 32-bit integer");
                    return null;
            }
        }

        /// <summary>A list of strings; empty for a JSON null, and empty (with the problem kept) when the value or an entry is not a string.</summary>
        public IReadOnlyList<string> Strings(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return Array.Empty<string>();
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Unreadable(ref reader, "a list of strings");
                return Array.Empty<string>();
            }

            var values = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                string? value = reader.TokenType == JsonTokenType.String ? Text(ref reader, null) : Unreadable(ref reader, "a string in a list");
                if (value is null)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        reader.Skip();
                    }

                    return Array.Empty<string>();
                }

                values.Add(value);
            }

            return values;
        }

        /// <summary>Closes an item: what it could not read becomes one problem, naming the item by <paramref name="name"/> or its place.</summary>
        internal void EndItem(string operation, string itemName, int index, string? name)
        {
            if (unread.Count == 0)
            {
                return;
            }

            string which = string.IsNullOrEmpty(name)
                ? $"{operation} {itemName} {index + 1} of the page (no readable id)"
                : $"{operation} {itemName} '{AwsJson.Shown(name!, quoted: false, NameShown)}'";
            string what = unread.Count == 1 ? "that value" : "those values";
            (problems ??= new List<ItemProblem>()).Add(new ItemProblem(index, $"{which}: {string.Join("; ", unread)}. The {itemName} is written without {what}."));
            unread.Clear();
        }

        private string? Text(ref Utf8JsonReader reader, KnownStrings? known)
        {
            try
            {
                return known is null ? reader.GetString() : known.Read(ref reader);
            }
            catch (InvalidOperationException)
            {
                // A lone surrogate escape or bytes that are not UTF-8.
                unread.Add($"{member} is {AwsJson.Describe(ref reader)}, not valid Unicode text");
                return null;
            }
        }

        private string? Unreadable(ref Utf8JsonReader reader, string expected)
        {
            unread.Add($"{member} is {AwsJson.Describe(ref reader)}, not {expected}");
            reader.Skip();
            return null;
        }
    }
}
