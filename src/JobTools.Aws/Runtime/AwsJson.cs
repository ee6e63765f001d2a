using System;
using System.Collections.Generic;
using System.Text.Json;

namespace JobTools.Aws.Runtime
{
    /// <summary>Reads one list item, the reader positioned on its StartObject.</summary>
    internal delegate T ItemReader<T>(ref Utf8JsonReader reader);

    /// <summary>Small readers shared by the operations of both protocols.</summary>
    internal static class AwsJson
    {
        /// <summary>
        /// Reads a page envelope {"listName": [items], "tokenName": "..."}; other members are skipped.
        /// </summary>
        public static Page<T> ReadPage<T>(ReadOnlySpan<byte> body, string operation, string listName, string tokenName, ItemReader<T> readItem)
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
            return new Page<T> { Items = items, NextToken = nextToken };
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
