namespace JobTools.Services
{
    /// <summary>The server-side filters of IoT ListJobs; null means not sent.</summary>
    internal sealed class IoTJobQuery
    {
        public IoTJobQuery(string? status, string? targetSelection, string? thingGroupName, string? thingGroupId, string? namespaceId)
        {
            Status = status;
            TargetSelection = targetSelection;
            ThingGroupName = thingGroupName;
            ThingGroupId = thingGroupId;
            NamespaceId = namespaceId;
        }

        public string? Status { get; }

        public string? TargetSelection { get; }

        public string? ThingGroupName { get; }

        public string? ThingGroupId { get; }

        public string? NamespaceId { get; }
    }
}
