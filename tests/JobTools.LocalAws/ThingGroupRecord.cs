namespace JobTools.LocalAws
{
    public sealed record ThingGroupRecord(string GroupName, string GroupArn);
}
