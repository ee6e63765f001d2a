using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace JobTools.LocalAws
{
    /// <summary>
    /// Runs the endpoint alone for offline scripts:
    /// dotnet run --project tests/JobTools.LocalAws -- [--port 4567] [--seed-sample-data] [--snowball-jobs N] [--iot-jobs N]
    ///     [--snowball-clusters N] [--thing-groups N] [--regions R,R...] [--refuse-region R,R...] [--latency-ms N] [--parent-pid PID]
    /// --snowball-clusters adds N clusters of three generated jobs each (after the --snowball-jobs cluster);
    /// --thing-groups adds N generated thing groups; --latency-ms delays every answer to a listing.
    /// Without --regions the data go to the default stores, which serve every region. With --regions each of those
    /// regions gets its own stores holding all the data asked for, with ids that tell the region (see
    /// <see cref="LocalAwsEndpoint.InRegion"/>), and any other region gets none. --refuse-region answers requests signed
    /// for those regions 403 UnrecognizedClientException (see <see cref="FaultPlan.RefuseRegion"/>). Both options may
    /// be repeated. GET /_localaws/requests counts the requests answered per operation, ?by=region per region too.
    /// It stops on Ctrl+C, SIGINT or SIGTERM, and with --parent-pid when that process ends (so that a test run
    /// that dies cannot leave it behind). --port 0 picks a free port; the "listening on" line names it.
    /// </summary>
    public static class Program
    {
        public const int DefaultPort = 4567;

        /// <summary>A region name such as eu-west-1 or us-gov-west-1.</summary>
        private static readonly Regex RegionName = new("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant);

        public static async Task<int> Main(string[] args)
        {
            int port = DefaultPort, snowballJobs = 0, iotJobs = 0, clusters = 0, thingGroups = 0, latency = 0, parent = 0;
            bool seed = false;
            var regions = new List<string>();
            var refused = new List<string>();
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
                    "--regions" => TryRegions(args, ++i, regions),
                    "--refuse-region" => TryRegions(args, ++i, refused),
                    _ => false,
                };
                if (!valid)
                {
                    Console.Error.WriteLine("Usage: [--port N] [--seed-sample-data] [--snowball-jobs N] [--iot-jobs N] [--snowball-clusters N] [--thing-groups N] [--regions R,R...] [--refuse-region R,R...] [--latency-ms N] [--parent-pid PID]");
                    return 2;
                }
            }

            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { Port = port, ControlRoute = true });
            var targets = regions.Count == 0
                ? new[] { (Region: (string?)null, endpoint.Snowball, endpoint.IoT) }
                : regions.Distinct().Select(r => (Region: (string?)r, endpoint.InRegion(r).Snowball, endpoint.InRegion(r).IoT)).ToArray();
            foreach (var (region, snowball, iot) in targets)
            {
                void Say(string line) => Console.WriteLine(region is null ? line : $"{region}: {line}");
                if (seed)
                {
                    snowball.AddSeedCluster();
                    Say($"Seed cluster {SnowballStore.SeedClusterIdIn(region)}.");
                }

                if (snowballJobs > 0)
                {
                    snowball.AddGeneratedCluster(SnowballStore.NewClusterId(1, region), snowballJobs);
                    Say($"Generated cluster {SnowballStore.NewClusterId(1, region)} with {snowballJobs} jobs.");
                }

                if (iotJobs > 0)
                {
                    iot.AddGenerated(iotJobs);
                    Say($"Generated {iotJobs} IoT jobs.");
                }

                if (clusters > 0)
                {
                    snowball.AddGeneratedClusters(clusters, jobsEach: 3, firstNumber: 2);
                    Say($"Generated {clusters} clusters, {SnowballStore.NewClusterId(2, region)} onwards, with 3 jobs each.");
                }

                if (thingGroups > 0)
                {
                    iot.AddGeneratedThingGroups(thingGroups);
                    Say($"Generated {thingGroups} thing groups.");
                }
            }

            foreach (string region in refused.Distinct())
            {
                endpoint.Faults.RefuseRegion(region);
                Console.WriteLine($"Requests signed for {region} are refused (UnrecognizedClientException).");
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

        /// <summary>Adds the comma-separated region names at <paramref name="index"/>; false when one is not a region name.</summary>
        private static bool TryRegions(string[] args, int index, List<string> regions)
        {
            if (index >= args.Length)
            {
                return false;
            }

            string[] names = args[index].Split(',');
            regions.AddRange(names);
            return names.All(n => RegionName.IsMatch(n));
        }

        private static bool TryNumber(string[] args, int index, out int value)
        {
            value = 0;
            return index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
    }
}
