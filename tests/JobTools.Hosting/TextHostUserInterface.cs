using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace JobTools.Hosting
{
    /// <summary>Keeps rendered text (ANSI escapes removed) and progress records, and echoes the text to a writer if given one.</summary>
    public sealed class TextHostUserInterface : PSHostUserInterface
    {
        private static readonly Regex Ansi = new Regex(@"\x1b\[[0-9;?]*[ -/]*[@-~]");
        private readonly StringBuilder text = new StringBuilder();
        private readonly object gate = new object();
        private readonly TextWriter? echo;

        public TextHostUserInterface(TextWriter? echo = null)
        {
            this.echo = echo;
        }

        public ConcurrentQueue<ProgressRecord> Progress { get; } = new ConcurrentQueue<ProgressRecord>();

        public override PSHostRawUserInterface RawUI { get; } = new FixedRawUserInterface();

        public override bool SupportsVirtualTerminal => false;

        public string Text
        {
            get
            {
                lock (gate)
                {
                    return text.ToString();
                }
            }
        }

        public override void Write(string value) => Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

        public override void WriteLine(string value) => Append(value + "\n");

        public override void WriteErrorLine(string value) => Append(value + "\n");

        public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

        public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

        public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

        public override void WriteProgress(long sourceId, ProgressRecord record) => Progress.Enqueue(record);

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("The test host cannot prompt.");

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
            throw new NotSupportedException("The test host cannot prompt.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("The test host cannot prompt.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("The test host cannot prompt.");

        public override string ReadLine() => throw new NotSupportedException("The test host cannot read input.");

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("The test host cannot read input.");

        private void Append(string value)
        {
            lock (gate)
            {
                string plain = Ansi.Replace(value, string.Empty);
                text.Append(plain);
                echo?.Write(plain);
            }
        }
    }
}
