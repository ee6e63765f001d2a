namespace JobTools.Services
{
    /// <summary>A profile of the shared config and credentials files: its name, and what kind of credentials it holds (never a secret).</summary>
    internal sealed record AwsProfile(string Name, string Description);
}
