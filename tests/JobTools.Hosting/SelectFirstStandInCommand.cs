using System;
using System.Management.Automation;
using System.Reflection;

namespace JobTools.Hosting
{
    /// <summary>
    /// Stops the pipeline upstream after N objects exactly as Select-Object -First does, by throwing the
    /// engine's StopUpstreamCommandsException (internal, so made by reflection): the bare engine package has
    /// no Microsoft.PowerShell.Utility.
    /// </summary>
    [Cmdlet("Select", "FirstStandIn")]
    public sealed class SelectFirstStandInCommand : PSCmdlet
    {
        private static readonly Type StopUpstream =
            typeof(PSCmdlet).Assembly.GetType("System.Management.Automation.StopUpstreamCommandsException", throwOnError: true)!;

        private int seen;

        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        [Parameter(Mandatory = true, Position = 0)]
        public int First { get; set; }

        protected override void ProcessRecord()
        {
            WriteObject(InputObject);
            if (++seen >= First)
            {
                throw (Exception)Activator.CreateInstance(StopUpstream, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, new object[] { this }, null)!;
            }
        }
    }
}
