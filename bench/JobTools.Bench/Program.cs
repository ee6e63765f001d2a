using System;
using System.Threading.Tasks;

namespace JobTools.Bench
{
    /// <summary>
    /// The end-to-end comparison, all measured in one run against one local endpoint:
    ///   dotnet run -c Release --project bench/JobTools.Bench
    /// Child modes (started by the comparison itself): coldstart URI N, memory URI N.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            switch (args.Length > 0 ? args[0] : "compare")
            {
                case "coldstart":
                    return ChildRuns.ColdStart(new Uri(args[1]), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
                case "memory":
                    return ChildRuns.Memory(new Uri(args[1]), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
                default:
                    await Comparison.RunAsync();
                    return 0;
            }
        }
    }
}
