using System.Globalization;

namespace JobTools.Reporting
{
    /// <summary>
    /// Page tokens (and other strings a service chose) as messages show them: whole and quoted, ready to paste,
    /// when short; their start and length when long. A token can be megabytes: the whole one stays in the
    /// error's TargetObject, a <see cref="ListingResumePoint"/>.
    /// </summary>
    internal static class TokenText
    {
        private const int WholeUpTo = 1024;
        private const int StartShown = 40;

        /// <summary>'value' with its quotes doubled, or, when long, its start and its length.</summary>
        public static string Quoted(string value) => value.Length <= WholeUpTo
            ? Quote(value)
            : string.Format(CultureInfo.InvariantCulture, "{0} ({1:N0} characters)", Quote(value.Substring(0, StartShown) + "…"), value.Length);

        /// <summary>How to pass the token back: -NextToken 'token', or where to find one too long to show.</summary>
        public static string NextTokenArgument(string token) => token.Length <= WholeUpTo
            ? "-NextToken " + Quote(token)
            : $"-NextToken and the whole token from this error's TargetObject.NextToken (it starts {Quoted(token)})";

        private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
