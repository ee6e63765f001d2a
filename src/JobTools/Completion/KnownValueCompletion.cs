using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using JobTools.Vocabulary;

namespace JobTools.Completion
{
    /// <summary>
    /// Completes a parameter from a set of known values (a service enum's, or what <see cref="AwsSettingValues"/>
    /// reads): case-insensitive prefix match, quoted when needed, with a tooltip that says what the value means; values
    /// already given for the parameter are not offered again. Stateless: the values are asked for on each completion,
    /// given the line (its parameters bound so far, and the command).
    /// </summary>
    internal sealed class KnownValueCompleter : IArgumentCompleter
    {
        private readonly Func<IDictionary?, CommandAst?, IEnumerable<KnownValue>> values;

        public KnownValueCompleter(Func<IDictionary?, CommandAst?, IEnumerable<KnownValue>> values)
        {
            this.values = values;
        }

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var given = GivenValues(commandAst, parameterName);
            given.Remove(typed);
            var pattern = new WildcardPattern(WildcardPattern.Escape(typed) + "*", WildcardOptions.IgnoreCase);
            foreach (var known in values(fakeBoundParameters, commandAst))
            {
                if (pattern.IsMatch(known.Value) && !given.Contains(known.Value))
                {
                    yield return new CompletionResult(Quote(known.Value), known.Value, CompletionResultType.ParameterValue, known.Meaning);
                }
            }
        }

        /// <summary>
        /// The values on the command line for this parameter, as the engine binds them (New in
        /// <c>-JobState New,</c>); the word being completed is one of them.
        /// </summary>
        internal static HashSet<string> GivenValues(CommandAst? commandAst, string parameterName)
        {
            var given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (commandAst != null
                && StaticParameterBinder.BindCommand(commandAst, resolve: true).BoundParameters.TryGetValue(parameterName, out var bound)
                && bound.Value is Ast argument)
            {
                foreach (var value in argument.FindAll(ast => ast is StringConstantExpressionAst, searchNestedScriptBlocks: false))
                {
                    given.Add(((StringConstantExpressionAst)value).Value);
                }
            }

            return given;
        }

        /// <summary>The value as a completion inserts it: single-quoted when it holds anything but letters, digits, '_' or '-'.</summary>
        internal static string Quote(string value)
        {
            foreach (char c in value)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-'))
                {
                    return "'" + value.Replace("'", "''") + "'";
                }
            }

            return value;
        }
    }
}
