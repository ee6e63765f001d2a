using System;

namespace JobTools.Vocabulary
{
    internal static class KnownValueLookup
    {
        public static KnownValueSet For(KnownValueKind kind) => kind switch
        {
            KnownValueKind.SnowballJobState => KnownValues.SnowballJobState,
            KnownValueKind.SnowballJobType => KnownValues.SnowballJobType,
            KnownValueKind.SnowballType => KnownValues.SnowballType,
            KnownValueKind.IoTJobStatus => KnownValues.IoTJobStatus,
            KnownValueKind.IoTTargetSelection => KnownValues.IoTTargetSelection,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
