using System.Linq;
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
        private readonly string[] values;
        private readonly Utf8Choices choices;

        public KnownStrings(KnownValueSet set)
        {
            values = set.Values.Select(v => v.Value).ToArray();
            choices = new Utf8Choices(values);
        }

        /// <summary>The string the reader is on; throws InvalidOperationException for text that is not valid Unicode.</summary>
        public string? Read(ref Utf8JsonReader reader)
        {
            int known = choices.IndexOf(ref reader);
            return known < 0 ? reader.GetString() : values[known];
        }
    }
}
