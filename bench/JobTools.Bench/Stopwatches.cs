using System;
using System.Diagnostics;
using System.Linq;

namespace JobTools.Bench
{
    internal static class Stopwatches
    {
        /// <summary>The median wall time of <paramref name="runs"/> runs, after one warm-up run.</summary>
        public static double MedianMs(int runs, Action action, bool warmUp = true)
        {
            if (warmUp)
            {
                action();
            }

            var times = Enumerable.Range(0, runs).Select(_ =>
            {
                var stopwatch = Stopwatch.StartNew();
                action();
                return stopwatch.Elapsed.TotalMilliseconds;
            }).OrderBy(t => t).ToList();
            return times[times.Count / 2];
        }
    }
}
