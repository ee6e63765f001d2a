using System.Collections.Generic;
using System.Linq;

namespace JobTools.Bench
{
    /// <summary>The medians of a baseline and a candidate run in pairs, and the quartiles of their run-by-run ratio.</summary>
    internal readonly record struct Paired(double Baseline, double Candidate, double Ratio, double RatioLow, double RatioHigh)
    {
        /// <summary>The median ratio and, in brackets, its interquartile range.</summary>
        public string RatioText => $"{Ratio:F2} ({RatioLow:F2}–{RatioHigh:F2})";

        /// <summary>From times taken in pairs: <paramref name="baseline"/>[i] and <paramref name="candidate"/>[i] ran one after the other.</summary>
        public static Paired Of(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
        {
            int runs = baseline.Count;
            var ratios = candidate.Zip(baseline, (c, b) => c / b).Order().ToList();
            return new Paired(baseline.Order().ElementAt(runs / 2), candidate.Order().ElementAt(runs / 2), ratios[runs / 2], ratios[runs / 4], ratios[runs * 3 / 4]);
        }
    }
}
