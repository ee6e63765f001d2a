using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

namespace JobTools.Hosting
{
    /// <summary>The real engine, hosted in-process, with the built module imported from out/.</summary>
    public sealed class PowerShellSession : IDisposable
    {
        private readonly Runspace runspace;

        private PowerShellSession(Runspace runspace)
        {
            this.runspace = runspace;
        }

        /// <summary>A session with the module imported (or not), on the engine's default host or on <paramref name="host"/>.</summary>
        public static PowerShellSession Create(bool importModule = true, PSHost? host = null)
        {
            var state = InitialSessionState.CreateDefault2();
            if (importModule)
            {
                state.ImportPSModule(new[] { Repository.ModuleManifest });
            }

            var runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
            runspace.Open();
            return new PowerShellSession(runspace);
        }

        public void SetVariable(string name, object? value) => runspace.SessionStateProxy.SetVariable(name, value);

        /// <summary>Runs a script; a terminating error that escapes it is returned as the exception.</summary>
        public ScriptResult Run(string script, Dictionary<string, object?>? variables = null)
        {
            foreach (var pair in variables ?? new Dictionary<string, object?>())
            {
                SetVariable(pair.Key, pair.Value);
            }

            using var shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript(script);
            var output = shell.Invoke().ToList();
            return new ScriptResult(output, shell.Streams);
        }

        /// <summary>Starts a script without waiting, for Stop() tests.</summary>
        public PowerShell Begin(string script, out IAsyncResult pending)
        {
            var shell = PowerShell.Create();
            shell.Runspace = runspace;
            shell.AddScript(script);
            pending = shell.BeginInvoke();
            return shell;
        }

        public void Dispose() => runspace.Dispose();
    }
}
