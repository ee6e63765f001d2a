namespace JobTools.Services
{
    /// <summary>A region AWSSDK.Core knows: for example eu-west-1, "Europe (Ireland)", in the partition aws.</summary>
    internal sealed record AwsRegion(string Name, string DisplayName, string Partition);
}
