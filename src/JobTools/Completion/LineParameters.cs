using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Reflection;
using JobTools.Coexistence;
using JobTools.Commands;

namespace JobTools.Completion
{
    /// <summary>
    /// The common AWS parameters typed on a line that is being completed: the values the engine bound for the
    /// completer (literals and variables), then the entries of any hashtable splatted on the line (@aws), which
    /// the engine leaves out. Only variables are read: nothing on the line is run.
    /// </summary>
    internal static class LineParameters
    {
        /// <summary>Each common parameter's name and aliases, to the parameter's name.</summary>
        private static readonly IReadOnlyDictionary<string, string> Names = typeof(JobListingCmdlet)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType == typeof(JobListingCmdlet) && p.IsDefined(typeof(ParameterAttribute)))
            .SelectMany(p => new[] { p.Name }.Concat(p.GetCustomAttribute<AliasAttribute>()?.AliasNames ?? Array.Empty<string>()).Select(name => (name, p.Name)))
            .ToDictionary(pair => pair.name, pair => pair.Item2, StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The session's variables. A completer has no session state of its own, and the runspace's proxy refuses
        /// calls while the completion pipeline runs; a script block run on this thread sees the session.
        /// </summary>
        public static PSVariableIntrinsics SessionVariables() =>
            ((EngineIntrinsics)ScriptBlock.Create("$ExecutionContext").Invoke()[0].BaseObject).SessionState.PSVariable;

        public static AwsParameterValues Read(IDictionary? fakeBoundParameters, CommandAst? commandAst, PSVariableIntrinsics variables)
        {
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var splat in commandAst?.CommandElements.OfType<VariableExpressionAst>().Where(v => v.Splatted) ?? Enumerable.Empty<VariableExpressionAst>())
            {
                if (variables.GetValue(splat.VariablePath.UserPath) is object value && PSObject.AsPSObject(value).BaseObject is IDictionary table)
                {
                    foreach (DictionaryEntry item in table)
                    {
                        if (item.Key is string key && Names.TryGetValue(key, out string? name))
                        {
                            values[name] = item.Value;
                        }
                    }
                }
            }

            foreach (DictionaryEntry item in fakeBoundParameters ?? new Hashtable())
            {
                if (item.Key is string key && Names.TryGetValue(key, out string? name))
                {
                    values[name] = item.Value;
                }
            }

            return new AwsParameterValues(
                Text(values, nameof(JobListingCmdlet.Region)),
                Text(values, nameof(JobListingCmdlet.ProfileName)),
                Text(values, nameof(JobListingCmdlet.ProfileLocation)),
                Text(values, nameof(JobListingCmdlet.AccessKey)),
                Text(values, nameof(JobListingCmdlet.SecretKey)),
                Text(values, nameof(JobListingCmdlet.SessionToken)),
                values.TryGetValue(nameof(JobListingCmdlet.Credential), out object? credential) ? Credential(credential) : null,
                Text(values, nameof(JobListingCmdlet.EndpointUrl)));
        }

        /// <summary>A PSCredential or an AWS credentials object, as -Credential takes them; null for anything else.</summary>
        private static object? Credential(object? typed) => typed is null ? null
            : PSObject.AsPSObject(typed).BaseObject is PSCredential credential ? credential
            : AwsCredentialObject.Looks(typed) ? typed
            : null;

        /// <summary>The value typed for a parameter; of several (-Region us-east-1,eu-west-1), the first, which completion asks.</summary>
        private static string? Text(Dictionary<string, object?> values, string name)
        {
            object? value = values.TryGetValue(name, out object? typed) && typed != null ? PSObject.AsPSObject(typed).BaseObject : null;
            if (value is IList { Count: > 0 } several)
            {
                value = several[0] is object first ? PSObject.AsPSObject(first).BaseObject : null;
            }

            return value is string text && text.Length > 0 ? text : null;
        }
    }
}
