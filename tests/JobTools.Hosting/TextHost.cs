using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace JobTools.Hosting
{
    /// <summary>A host that renders what the engine writes (Out-Default) as plain text, 120 columns wide.</summary>
    public sealed class TextHost : PSHost
    {
        private readonly Guid id = Guid.NewGuid();

        public TextHost(System.IO.TextWriter? echo = null)
        {
            Interface = new TextHostUserInterface(echo);
        }

        public TextHostUserInterface Interface { get; }

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override Guid InstanceId => id;

        public override string Name => "JobToolsTestHost";

        public override PSHostUserInterface UI => Interface;

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
    }
}
