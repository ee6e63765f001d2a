using System;
using System.Threading.Tasks;

namespace JobTools.Bench
{
    /// <summary>
    /// The end-to-end comparison, all measured in one run against one local endpoint:
    ///   dotnet run -c Release --project bench/JobTools.Bench
    /// The cold-process rows alone: ... -- cold. Live completion against its budget, then Tab on -Region and
    /// -ProfileName: ... -- completion. The fan-out over several regions against the AWS CLI, and its memory as
    /// sources grow: ... -- fanout. Child mode (started by the comparison itself): memory URI N.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            switch (args.Length > 0 ? args[0] : "compare")
            {
                case "cold":
                    await Comparison.RunColdAsync();
                    return 0;
                case "completion":
                    await CompletionBudget.RunAsync();
                    SettingCompletionTimes.Run();
                    return 0;
                case "fanout":
                    FanOutBench.Run();
                    return 0;
                case "memory":
                    return ChildRuns.Memory(new Uri(args[1]), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
                default:
                    await Comparison.RunAsync();
                    return 0;
            }
        }
    }
}
