using System.Collections.Generic;
using System.Management.Automation;

namespace JobTools.Completion
{
    /// <summary>
    /// Keeps the newest <see cref="Kept"/> <see cref="CompletionDiagnostic"/> entries of a session in the global
    /// variable $JobToolsCompletionDiagnostics: live completion never writes to the prompt or $Error, so this is
    /// where a Tab that offered nothing says why.
    /// </summary>
    internal static class CompletionDiagnostics
    {
        public const string VariableName = "JobToolsCompletionDiagnostics";
        public const int Kept = 20;

        public static void Record(PSVariableIntrinsics variables, CompletionDiagnostic entry)
        {
            const string Global = "global:" + VariableName;
            if (variables.GetValue(Global) is not object value || PSObject.AsPSObject(value).BaseObject is not List<CompletionDiagnostic> log)
            {
                log = new List<CompletionDiagnostic>();
                variables.Set(Global, log);
            }

            log.Add(entry);
            if (log.Count > Kept)
            {
                log.RemoveRange(0, log.Count - Kept);
            }
        }
    }
}
