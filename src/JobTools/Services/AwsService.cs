namespace JobTools.Services
{
    /// <summary>The service a listing talks to.</summary>
    internal enum AwsService
    {
        Snowball,
        IoT,
    }
}
