using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace JobTools.LocalAws
{
    /// <summary>
    /// Collects constraint violations and words them as AWS's request validation does:
    /// "2 validation errors detected: Value 'x' at 'clusterId' failed to satisfy constraint: Member must …; …".
    /// </summary>
    internal sealed class ValidationErrors
    {
        private readonly List<string> violations = new();

        public bool Any => violations.Count > 0;

        public string Message =>
            string.Create(CultureInfo.InvariantCulture, $"{violations.Count} validation error{(violations.Count == 1 ? string.Empty : "s")} detected: ")
            + string.Join("; ", violations);

        public void NotNull(string member, object? value)
        {
            if (value is null)
            {
                violations.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");
            }
        }

        public void Length(string member, string? value, int min, int max)
        {
            if (value is null)
            {
                return;
            }

            if (value.Length < min)
            {
                Fail(member, value, string.Create(CultureInfo.InvariantCulture, $"Member must have length greater than or equal to {min}"));
            }
            else if (value.Length > max)
            {
                Fail(member, value, string.Create(CultureInfo.InvariantCulture, $"Member must have length less than or equal to {max}"));
            }
        }

        /// <summary>The pattern must match the whole value, as in the service models.</summary>
        public void Pattern(string member, string? value, string pattern)
        {
            if (value != null && !Regex.IsMatch(value, "^(?:" + pattern + ")$", RegexOptions.CultureInvariant))
            {
                Fail(member, value, "Member must satisfy regular expression pattern: " + pattern);
            }
        }

        public void Range(string member, int? value, int min, int max)
        {
            if (value < min)
            {
                Fail(member, Text(value.Value), string.Create(CultureInfo.InvariantCulture, $"Member must have value greater than or equal to {min}"));
            }
            else if (value > max)
            {
                Fail(member, Text(value.Value), string.Create(CultureInfo.InvariantCulture, $"Member must have value less than or equal to {max}"));
            }
        }

        public void Enum(string member, string? value, IReadOnlyList<string> allowed)
        {
            if (value != null && !allowed.Contains(value))
            {
                Fail(member, value, "Member must satisfy enum value set: [" + string.Join(", ", allowed) + "]");
            }
        }

        public void Fail(string member, string value, string constraint) =>
            violations.Add($"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
