namespace JobTools.Vocabulary
{
    /// <summary>Names a KnownValueSet from an attribute argument (attributes take only constants).</summary>
    internal enum KnownValueKind
    {
        SnowballJobState,
        SnowballJobType,
        SnowballType,
        IoTJobStatus,
        IoTTargetSelection,
    }
}
