using BenchmarkDotNet.Running;

namespace JobTools.Bench.Micro
{
    public static class Program
    {
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
