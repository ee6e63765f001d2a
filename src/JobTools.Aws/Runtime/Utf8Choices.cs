using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// A fixed list of strings matched against the reader's current token (a member name or a string value) on
    /// their UTF-8 bytes, so that recognising one allocates nothing. An escaped token is compared as its text.
    /// </summary>
    internal sealed class Utf8Choices
    {
        private readonly byte[][] choices;

        public Utf8Choices(IEnumerable<string> choices)
        {
            this.choices = choices.Select(Encoding.UTF8.GetBytes).ToArray();
        }

        /// <summary>The index of the choice the current token spells, or -1 for none (text that is not valid Unicode spells none).</summary>
        public int IndexOf(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                ReadOnlySpan<byte> text = reader.ValueSpan;
                for (int i = 0; i < choices.Length; i++)
                {
                    if (text.SequenceEqual(choices[i]))
                    {
                        return i;
                    }
                }

                return -1;
            }

            try
            {
                for (int i = 0; i < choices.Length; i++)
                {
                    if (reader.ValueTextEquals(choices[i]))
                    {
                        return i;
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate.
            }

            return -1;
        }
    }
}
