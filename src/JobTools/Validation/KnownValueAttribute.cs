using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using JobTools.Vocabulary;

namespace JobTools.Validation
{
    /// <summary>
    /// Accepts any known value of a service enum in any case and passes it on as the service spells it;
    /// an unknown value fails before any request, with the list of known ones.
    /// </summary>
    internal sealed class KnownValueAttribute : ArgumentTransformationAttribute
    {
        private readonly KnownValueSet set;

        public KnownValueAttribute(KnownValueKind kind)
        {
            set = KnownValues.For(kind);
        }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? input = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (input)
            {
                case null:
                    return null;
                case string single:
                    return Normalize(single);
                case IEnumerable many:
                    var result = new List<string>();
                    foreach (object? item in many)
                    {
                        object? value = item is PSObject inner ? inner.BaseObject : item;
                        result.Add(Normalize(value?.ToString() ?? string.Empty));
                    }

                    return result.ToArray();
                default:
                    return Normalize(input.ToString() ?? string.Empty);
            }
        }

        private string Normalize(string value) =>
            set.Normalize(value)
            ?? throw new ArgumentTransformationMetadataException(
                $"'{value}' is not a known {set.Name}. Use one of: {set.Describe()} (any case).");
    }
}
