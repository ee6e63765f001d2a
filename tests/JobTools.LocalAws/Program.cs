using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace JobTools.LocalAws
{
    /// <summary>
    /// Runs the endpoint alone for offline scripts:
    /// dotnet run --project tests/JobTools.LocalAws -- [--port 4567] [--seed-sample-data] [--snowball-jobs N] [--iot-jobs N]
    ///     [--snowball-clusters N] [--thing-groups N] [--latency-ms N] [--parent-pid PID]
    /// --snowball-clusters adds N clusters of three generated jobs each (after the --snowball-jobs cluster);
    /// --thing-groups adds N generated thing groups; --latency-ms delays every answer to a listing.
    /// It stops on Ctrl+C, SIGINT or SIGTERM, and with --parent-pid when that process ends (so that a test run
    /// that dies cannot leave it behind). --port 0 picks a free port; the "listening on" line names it.
    /// </summary>
    public static class Program
    {
        public const int DefaultPort = 4567;

        public static async Task<int> Main(string[] args)
        {
            int port = DefaultPort, snowballJobs = 0, iotJobs = 0, clusters = 0, thingGroups = 0, latency = 0, parent = 0;
            bool seed = false;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--seed-sample-data")
                {
                    seed = true;
                    continue;
                }

                bool valid = args[i] switch
                {
                    "--port" => TryNumber(args, ++i, out port),
                    "--snowball-jobs" => TryNumber(args, ++i, out snowballJobs),
                    "--iot-jobs" => TryNumber(args, ++i, out iotJobs),
                    "--snowball-clusters" => TryNumber(args, ++i, out clusters),
                    "--thing-groups" => TryNumber(args, ++i, out thingGroups),
                    "--latency-ms" => TryNumber(args, ++i, out latency),
                    "--parent-pid" => TryNumber(args, ++i, out parent),
                    _ => false,
                };
                if (!valid)
                {
                    Console.Error.WriteLine("Usage: [--port N] [--seed-sample-data] [--snowball-jobs N] [--iot-jobs N] [--snowball-clusters N] [--thing-groups N] [--latency-ms N] [--parent-pid PID]");
                    return 2;
                }
            }

            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Port = port, SeedSampleData = seed, ControlRoute = true });
            if (snowballJobs > 0)
            {
                endpoint.Snowball.AddGeneratedCluster(SnowballStore.NewClusterId(1), snowballJobs);
                Console.WriteLine($"Generated cluster {SnowballStore.NewClusterId(1)} with {snowballJobs} jobs.");
            }

            if (iotJobs > 0)
            {
                endpoint.IoT.AddGenerated(iotJobs);
                Console.WriteLine($"Generated {iotJobs} IoT jobs.");
            }

            if (clusters > 0)
            {
                endpoint.Snowball.AddGeneratedClusters(clusters, jobsEach: 3, firstNumber: 2);
                Console.WriteLine($"Generated {clusters} clusters, {SnowballStore.NewClusterId(2)} onwards, with 3 jobs each.");
            }

            if (thingGroups > 0)
            {
                endpoint.IoT.AddGeneratedThingGroups(thingGroups);
                Console.WriteLine($"Generated {thingGroups} thing groups.");
            }

            if (latency > 0)
            {
                endpoint.Faults.DelayAll(TimeSpan.FromMilliseconds(latency));
                Console.WriteLine($"Every listing is answered after {latency} ms.");
            }

            Console.WriteLine($"Local AWS endpoint listening on {endpoint.BaseUri}");
            Console.WriteLine($"  access key {LocalAwsOptions.DefaultAccessKeyId}, secret key {LocalAwsOptions.DefaultSecretKey} (test credentials only)");
            Console.WriteLine("Press Ctrl+C to stop.");
            using var stop = new CancellationTokenSource();
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                stop.Cancel();
            }

            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            if (parent > 0)
            {
                _ = StopWhenGoneAsync(parent, stop);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        }

        private static async Task StopWhenGoneAsync(int processId, CancellationTokenSource stop)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(processId);
                await process.WaitForExitAsync(stop.Token);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (OperationCanceledException)
            {
                return;
            }

            stop.Cancel();
        }

        private static bool TryNumber(string[] args, int index, out int value)
        {
            value = 0;
            return index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
    }
}
