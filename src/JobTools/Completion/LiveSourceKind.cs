namespace JobTools.Completion
{
    /// <summary>Names a <see cref="LiveSource"/> from an attribute argument (attributes take only constants).</summary>
    internal enum LiveSourceKind
    {
        SnowballClusterId,
        IoTThingGroupName,
    }
}
