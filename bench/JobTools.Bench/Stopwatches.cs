using System;
using System.Collections.Generic;
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

        /// <summary>
        /// Two actions run alternately (after thirty warm-ups each, for JIT tiering), so that drift and the
        /// machine's slow spells hit both alike: the median of each, and the quartiles of the run-by-run ratio
        /// candidate / baseline, which is steadier than a ratio of medians on a noisy machine.
        /// </summary>
        public static Paired Interleaved(int runs, Action baseline, Action candidate)
        {
            for (int i = 0; i < 30; i++)
            {
                baseline();
                candidate();
            }

            var first = new List<double>();
            var second = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                first.Add(Time(baseline));
                second.Add(Time(candidate));
            }

            return Paired.Of(first, second);
        }

        private static double Time(Action action)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            return stopwatch.Elapsed.TotalMilliseconds;
        }
    }
}
