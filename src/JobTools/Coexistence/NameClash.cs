using System;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Threading;

namespace JobTools.Coexistence
{
    /// <summary>
    /// Get-IoTJob and AWS Tools for PowerShell's Get-IOTJob (in AWS.Tools.IoT, or in the AWSPowerShell.NetCore bundle)
    /// are one name, since command names ignore case: in a session that holds both, the module imported last answers
    /// to it. This says so once per session, the first time the name is used. When JobTools answers, Get-IoTJob writes
    /// the warning itself (<see cref="Notice"/>); when the other module answers, none of this module's code runs, so a
    /// command-lookup handler writes it on the host. The handler is installed only once AWS Tools' IoT cmdlets are in the
    /// process (at import, or when their assembly loads later), so that import costs nothing more for everyone else, and
    /// only in sessions that hold this copy of the module: each copy (each load of JobTools.dll) has its own state here, and
    /// a copy that another one replaced keeps watching the process but says nothing.
    /// </summary>
    internal static class NameClash
    {
        public const string CommandName = "Get-IoTJob";
        private const string ModuleName = "JobTools";
        private static readonly string[] AwsToolsAssemblies = { "AWS.Tools.IoT", "AWSPowerShell.NetCore", "AWSPowerShell" };
        private static readonly ConditionalWeakTable<Runspace, Session> Sessions = new ConditionalWeakTable<Runspace, Session>();
        private static int watching;
        private static int awsToolsLoaded;

        /// <summary>On import: notes whether AWS Tools' IoT cmdlets are in the process already, and watches for them to arrive.</summary>
        public static void Watch()
        {
            if (Interlocked.Exchange(ref watching, 1) == 0)
            {
                AppDomain.CurrentDomain.AssemblyLoad += (_, loaded) => Arrived(loaded.LoadedAssembly.GetName().Name);
            }

            if (Runspace.DefaultRunspace is Runspace runspace)
            {
                Sessions.GetValue(runspace, _ => new Session()).Imported = true;
            }

            if (AppDomain.CurrentDomain.GetAssemblies().Any(a => IsAwsTools(a.GetName().Name)))
            {
                Volatile.Write(ref awsToolsLoaded, 1);
                Listen();
            }
        }

        /// <summary>On removal: the lookup handler of this session goes, and comes back only with another import; that the message was said stays.</summary>
        public static void Forget()
        {
            if (Runspace.DefaultRunspace is Runspace runspace && Sessions.TryGetValue(runspace, out var session))
            {
                session.Imported = false;
                session.StopListening();
            }
        }

        /// <summary>
        /// For Get-IoTJob itself: the message, once per session, when another loaded module also answers to the name and
        /// the command was not called by its module-qualified name; otherwise null.
        /// </summary>
        public static string? Notice(CommandInvocationIntrinsics commands, InvocationInfo invocation)
        {
            if (Volatile.Read(ref awsToolsLoaded) == 0 || invocation.InvocationName.Contains('\\') || Runspace.DefaultRunspace is not Runspace runspace)
            {
                return null;
            }

            var session = Sessions.GetValue(runspace, _ => new Session());
            if (session.Said)
            {
                return null;
            }

            var other = commands.GetCommands(CommandName, CommandTypes.Cmdlet | CommandTypes.Function, nameIsPattern: true)
                .FirstOrDefault(command => !string.IsNullOrEmpty(command.ModuleName) && command.ModuleName != ModuleName);
            if (other is null)
            {
                return null;
            }

            session.Said = true;
            return JobToolsAnswers(other);
        }

        private static bool IsAwsTools(string? assemblyName) => AwsToolsAssemblies.Contains(assemblyName, StringComparer.Ordinal);

        private static void Arrived(string? assemblyName)
        {
            if (IsAwsTools(assemblyName))
            {
                Volatile.Write(ref awsToolsLoaded, 1);
                Listen();
            }
        }

        /// <summary>Installs this session's lookup handler, on the pipeline thread of the session that imports a module, if the session holds this copy.</summary>
        private static void Listen()
        {
            if (Runspace.DefaultRunspace is Runspace runspace && Sessions.TryGetValue(runspace, out var session) && session.Imported)
            {
                session.Listen();
            }
        }

        private static string JobToolsAnswers(CommandInfo other) =>
            $"{CommandName} runs JobTools' {CommandName} here: {other.ModuleName}, imported earlier, also exports {other.Name}, and command names ignore case, so the module imported last answers to both spellings. " +
            $"With -JobId, JobTools' {CommandName} describes jobs (DescribeJob) as {other.ModuleName}'s does, but writes the job itself (JobTools.IoTJobDetail: read $job.Status, not $response.Job.Status). " +
            $"To choose whatever the import order, name the module: JobTools\\{CommandName} or {other.ModuleName}\\{other.Name}. This is said once per session.";

        private static string OtherAnswers(CommandInfo other) =>
            $"{CommandName} runs {other.ModuleName}'s {other.Name} here, not JobTools' {CommandName}: {other.ModuleName} was imported after JobTools, and command names ignore case, so the module imported last answers to both spellings. " +
            $"For JobTools' listing (-Status, -First, -NextToken...) and its -JobId, call JobTools\\{CommandName}; {other.ModuleName}\\{other.Name} names the other whatever the import order. This is said once per session.";

        /// <summary>One session's part: whether it holds this copy, whether the message was said, and the lookup handler with the engine it writes to.</summary>
        private sealed class Session
        {
            private EngineIntrinsics? engine;

            public bool Imported { get; set; }

            public bool Said { get; set; }

            public void Listen()
            {
                if (engine != null)
                {
                    return;
                }

                try
                {
                    // The engine's intrinsics, from inside the import under way; nothing cheaper reaches them here.
                    engine = (EngineIntrinsics)ScriptBlock.Create("$ExecutionContext").Invoke()[0].BaseObject;
                }
                catch (Exception ex) when (ex is PSInvalidOperationException or RuntimeException or InvalidOperationException)
                {
                    // Not on a pipeline thread (an assembly loaded by a background thread): the next import will try again.
                    return;
                }

                engine.InvokeCommand.PostCommandLookupAction += OnLookup;
            }

            public void StopListening()
            {
                if (engine != null)
                {
                    engine.InvokeCommand.PostCommandLookupAction -= OnLookup;
                    engine = null;
                }
            }

            /// <summary>Another module's command answers to Get-IoTJob: say so once, as a warning on the host, unless warnings are off.</summary>
            private void OnLookup(object? sender, CommandLookupEventArgs lookup)
            {
                var command = lookup.Command;
                if (Said || engine is null || command is null || string.IsNullOrEmpty(command.ModuleName) || command.ModuleName == ModuleName
                    || !string.Equals(lookup.CommandName, CommandName, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                Said = true;
                if (engine.SessionState.PSVariable.GetValue("WarningPreference") is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore))
                {
                    engine.Host.UI?.WriteWarningLine(OtherAnswers(command));
                }
            }
        }
    }
}
