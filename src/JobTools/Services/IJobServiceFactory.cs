using System.Collections.Generic;

namespace JobTools.Services
{
    /// <summary>Implemented in JobTools.Aws, which is loaded into the module's own load context.</summary>
    internal interface IJobServiceFactory
    {
        IJobService Create(AwsSettings settings, IRetryObserver? retryObserver);

        /// <summary>The regions of AWSSDK.Core's partition data, partition by partition, the standard partition first. No network.</summary>
        IReadOnlyList<AwsRegion> Regions();

        /// <summary>The profiles with credentials in the shared config and credentials files, or in <paramref name="profileLocation"/>. No network.</summary>
        IReadOnlyList<AwsProfile> Profiles(string? profileLocation);
    }
}
