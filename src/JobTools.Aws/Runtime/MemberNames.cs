using System;
using System.Linq;
using System.Text.Json;

namespace JobTools.Aws.Runtime
{
    /// <summary>
    /// The JSON member names of one item shape, spelled from an enum's names (camelCase or PascalCase, as the
    /// protocol has them) and matched on their UTF-8 bytes, so that decoding allocates no string per member.
    /// </summary>
    internal sealed class MemberNames<TMember>
        where TMember : struct, Enum
    {
        private readonly string[] names;
        private readonly Utf8Choices choices;
        private readonly TMember[] members = (TMember[])Enum.GetValues(typeof(TMember));

        public MemberNames(bool camelCase)
        {
            // GetNames and GetValues both list the members in value order.
            names = Enum.GetNames(typeof(TMember))
                .Select(name => camelCase ? char.ToLowerInvariant(name[0]) + name.Substring(1) : name)
                .ToArray();
            choices = new Utf8Choices(names);
        }

        /// <summary>
        /// Which member the reader is on and its wire name (null and empty for one this module does not read),
        /// leaving the reader on its value.
        /// </summary>
        public TMember? Next(ref Utf8JsonReader reader, out string name)
        {
            int found = choices.IndexOf(ref reader);
            reader.Read();
            name = found < 0 ? string.Empty : names[found];
            return found < 0 ? null : members[found];
        }
    }
}
