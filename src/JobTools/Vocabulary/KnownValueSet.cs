using System;
using System.Collections.Generic;
using System.Linq;

namespace JobTools.Vocabulary
{
    /// <summary>One value of a service enum and what it means, from the service documentation.</summary>
    internal sealed record KnownValue(string Value, string Meaning);

    /// <summary>
    /// The known values of one service enum: used to validate and normalise parameters and to complete them.
    /// Output keeps the service's strings: the decoders share these spellings, and values the module does not
    /// know yet pass through unchanged.
    /// </summary>
    /// <param name="Name">The enum's name in the service model, for example JobState.</param>
    /// <param name="Values">Its values, in the service documentation's order.</param>
    internal sealed record KnownValueSet(string Name, params KnownValue[] Values)
    {

        /// <summary>The value as the service spells it, matched case-insensitively; null when unknown.</summary>
        public string? Normalize(string input) =>
            Values.FirstOrDefault(v => string.Equals(v.Value, input.Trim(), StringComparison.OrdinalIgnoreCase))?.Value;

        public string Describe() => string.Join(", ", Values.Select(v => v.Value));
    }
}
