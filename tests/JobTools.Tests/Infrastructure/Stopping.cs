using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading.Tasks;

namespace JobTools.Tests.Infrastructure
{
    /// <summary>Ctrl+C in a test: stop a running command once its request has reached the server.</summary>
    public static class Stopping
    {
        /// <summary>Waits (up to 10 s) for <paramref name="arrived"/>, a little longer, then stops; returns how long Stop took.</summary>
        public static async Task<TimeSpan> StopOnceArrivedAsync(PowerShell shell, Func<bool> arrived)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!arrived() && shell.InvocationStateInfo.State == PSInvocationState.Running && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            await Task.Delay(300);
            var stopwatch = Stopwatch.StartNew();
            shell.Stop();
            return stopwatch.Elapsed;
        }

        /// <summary>A loopback port nothing listens on: connecting to it is refused.</summary>
        public static int ClosedPort()
        {
            using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }
    }
}
