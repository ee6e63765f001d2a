using System.Collections.Generic;
using JobTools.Aws.Resolution;
using JobTools.Services;

namespace JobTools.Aws
{
    /// <summary>The entry point the module finds by name after loading this assembly into its own context.</summary>
    public sealed class JobServiceFactory : IJobServiceFactory
    {
        IJobService IJobServiceFactory.Create(AwsSettings settings, IRetryObserver? retryObserver)
        {
            RuntimeDependencies.Register();
            return new AwsJobService(settings, retryObserver);
        }

        IReadOnlyList<AwsRegion> IJobServiceFactory.Regions() => KnownSettings.Regions();

        IReadOnlyList<AwsProfile> IJobServiceFactory.Profiles(string? profileLocation) => KnownSettings.Profiles(profileLocation);
    }
}
