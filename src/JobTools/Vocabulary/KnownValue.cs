namespace JobTools.Vocabulary
{
    /// <summary>One value of a service enum and what it means, from the service documentation.</summary>
    internal sealed class KnownValue
    {
        public KnownValue(string value, string meaning)
        {
            Value = value;
            Meaning = meaning;
        }

        public string Value { get; }

        public string Meaning { get; }
    }
}
