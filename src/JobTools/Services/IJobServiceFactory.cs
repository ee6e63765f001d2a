namespace JobTools.Services
{
    /// <summary>Implemented in JobTools.Aws, which is loaded into the module's own load context.</summary>
    internal interface IJobServiceFactory
    {
        IJobService Create(AwsSettings settings, IRetryObserver? retryObserver);
    }
}
