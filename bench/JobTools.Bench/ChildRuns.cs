using System;
using System.Collections;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using JobTools.Hosting;

namespace JobTools.Bench
{
    /// <summary>Work done in a fresh process, so that start-up and memory are measured alone.</summary>
    internal static class ChildRuns
    {
        public static Hashtable Aws(Uri endpoint) => new()
        {
            ["EndpointUrl"] = endpoint.ToString(),
            ["Region"] = "us-east-1",
            ["AccessKey"] = "AKIDBENCH",
            ["SecretKey"] = "bench-secret",
        };

        /// <summary>List every IoT job through a counter, sampling the heap after each collection; prints peak working set and heap.</summary>
        public static int Memory(Uri endpoint, int expected)
        {
            using var session = PowerShellSession.Create();
            long peakHeap = 0;
            using var stop = new CancellationTokenSource();
            var sampler = new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    // The heap as the last collection left it: what the listing keeps alive, not garbage awaiting a GC.
                    peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                    Thread.Sleep(5);
                }
            }) { IsBackground = true };
            sampler.Start();
            var result = session.Run("$n = 0; Get-IoTJob @aws | ForEach-Object { $n++ }; $n", new() { ["aws"] = Aws(endpoint) });
            stop.Cancel();
            sampler.Join();
            long count = Convert.ToInt64(result.Output.Last().BaseObject, System.Globalization.CultureInfo.InvariantCulture);
            using var process = Process.GetCurrentProcess();
            Console.WriteLine($"jobs={count} peak-working-set={process.PeakWorkingSet64} peak-managed-heap={peakHeap} collections={GC.CollectionCount(0)}");
            return count == expected ? 0 : 1;
        }
    }
}
