using System.Management.Automation;
using System.Text.RegularExpressions;

namespace JobTools.Validation
{
    /// <summary>
    /// Checks each value against the service model's pattern and length before any request is sent, with a
    /// message that shows the expected form.
    /// </summary>
    internal sealed class ValidateServicePatternAttribute : ValidateEnumeratedArgumentsAttribute
    {
        private readonly Regex pattern;
        private readonly int minLength;
        private readonly int maxLength;
        private readonly string what;
        private readonly string form;

        public ValidateServicePatternAttribute(string pattern, int minLength, int maxLength, string what, string form)
        {
            this.pattern = new Regex(pattern, RegexOptions.CultureInvariant);
            this.minLength = minLength;
            this.maxLength = maxLength;
            this.what = what;
            this.form = form;
        }

        protected override void ValidateElement(object element)
        {
            string? value = element as string ?? (element as PSObject)?.BaseObject as string;
            if (string.IsNullOrEmpty(value))
            {
                throw new ValidationMetadataException($"The {what} is empty. Expected {form}.");
            }

            if (value!.Length < minLength || value.Length > maxLength || !pattern.IsMatch(value))
            {
                throw new ValidationMetadataException($"'{value}' is not a valid {what} ({value.Length} characters). Expected {form}.");
            }
        }
    }
}
