namespace JobTools.Services
{
    /// <summary>The server-side filters of IoT ListJobs; null means not sent.</summary>
    internal sealed record IoTJobQuery(string? Status, string? TargetSelection, string? ThingGroupName, string? ThingGroupId, string? NamespaceId);
}
