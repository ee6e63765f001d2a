namespace JobTools.LocalAws
{
    internal readonly record struct FaultDecision(FaultKind Kind, ThrottleStyle? Style)
    {
        public static readonly FaultDecision None = new(FaultKind.None, null);
    }
}
