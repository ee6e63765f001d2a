namespace JobTools.Bench
{
    /// <summary>The medians of a baseline and a candidate run in pairs, and the quartiles of their run-by-run ratio.</summary>
    internal readonly record struct Paired(double Baseline, double Candidate, double Ratio, double RatioLow, double RatioHigh)
    {
        /// <summary>The median ratio and, in brackets, its interquartile range.</summary>
        public string RatioText => $"{Ratio:F2} ({RatioLow:F2}–{RatioHigh:F2})";
    }
}
