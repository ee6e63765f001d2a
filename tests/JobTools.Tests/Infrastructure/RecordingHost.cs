using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace JobTools.Tests.Infrastructure
{
    /// <summary>A host that keeps the warning lines written to it, for what a module writes on the host rather than in a stream.</summary>
    internal sealed class RecordingHost : PSHost
    {
        private readonly RecordingUserInterface ui = new RecordingUserInterface();

        public IReadOnlyList<string> Warnings => ui.Warnings;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override string Name => "RecordingHost";

        public override PSHostUserInterface UI => ui;

        public override Version Version => new Version(1, 0);

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        public override void SetShouldExit(int exitCode)
        {
        }

        private sealed class RecordingUserInterface : PSHostUserInterface
        {
            public List<string> Warnings { get; } = new List<string>();

            public override PSHostRawUserInterface? RawUI => null;

            public override void WriteWarningLine(string message) => Warnings.Add(message);

            public override void Write(string value)
            {
            }

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value)
            {
            }

            public override void WriteLine(string value)
            {
            }

            public override void WriteErrorLine(string value)
            {
            }

            public override void WriteDebugLine(string message)
            {
            }

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
            }

            public override void WriteVerboseLine(string message)
            {
            }

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

            public override string ReadLine() => throw new NotSupportedException();

            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
        }
    }
}
