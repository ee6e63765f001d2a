namespace JobTools.Services
{
    /// <summary>One thing group as ListThingGroups names it: what -ThingGroupName completion offers.</summary>
    internal sealed record IoTThingGroup(string? GroupName, string? GroupArn)
    {
        /// <inheritdoc />
        public override string ToString() => GroupName ?? string.Empty;
    }
}
