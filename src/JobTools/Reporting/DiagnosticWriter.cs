using System.Management.Automation;

namespace JobTools.Reporting
{
    /// <summary>
    /// Writes a cmdlet's verbose lines and warnings so that -Debug never prompts. For a compiled cmdlet, the
    /// engine turns -Debug into "ask before every verbose line and warning" (debug lines themselves are written
    /// without asking), which stops an interactive listing at every page and fails a scheduled one (under
    /// -NonInteractive, or with stdin closed). Under -Debug, unless -Verbose or -WarningAction is also given,
    /// these lines go to the debug stream instead: -Debug then shows the whole trail and never asks.
    /// </summary>
    internal sealed class DiagnosticWriter
    {
        private readonly Cmdlet cmdlet;
        private readonly bool verboseAsDebug;
        private readonly bool warningsAsDebug;

        public DiagnosticWriter(PSCmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
            var bound = cmdlet.MyInvocation.BoundParameters;
            bool debug = bound.TryGetValue("Debug", out object? value) && value is SwitchParameter { IsPresent: true };
            verboseAsDebug = debug && !bound.ContainsKey("Verbose");
            warningsAsDebug = debug && !bound.ContainsKey("WarningAction");
        }

        public void Verbose(string message)
        {
            if (verboseAsDebug)
            {
                cmdlet.WriteDebug(message);
            }
            else
            {
                cmdlet.WriteVerbose(message);
            }
        }

        public void Warning(string message)
        {
            if (warningsAsDebug)
            {
                cmdlet.WriteDebug("WARNING: " + message);
            }
            else
            {
                cmdlet.WriteWarning(message);
            }
        }

        public void Debug(string message) => cmdlet.WriteDebug(message);
    }
}
