using System;
using System.Threading;
using System.Threading.Tasks;

namespace JobTools.Services
{
    /// <summary>The AWS operations the module calls, behind a boundary that carries no AWSSDK type.</summary>
    internal interface IJobService : IDisposable
    {
        /// <summary>Where requests go and where the credentials and region came from; never a secret.</summary>
        ResolvedConnection Connection { get; }

        Task<JobPage<SnowballClusterJob>> ListClusterJobsAsync(string clusterId, int? maxResults, string? nextToken, CancellationToken cancellationToken);

        Task<JobPage<IoTJob>> ListIoTJobsAsync(IoTJobQuery query, int? maxResults, string? nextToken, CancellationToken cancellationToken);

        Task<JobPage<SnowballCluster>> ListClustersAsync(int? maxResults, string? nextToken, CancellationToken cancellationToken);

        /// <summary>The thing groups whose names start with <paramref name="namePrefix"/> (all of them when it is null).</summary>
        Task<JobPage<IoTThingGroup>> ListThingGroupsAsync(string? namePrefix, int? maxResults, string? nextToken, CancellationToken cancellationToken);

        /// <summary>IoT DescribeJob, as a last page of one item; an unknown job is a NotFound failure.</summary>
        Task<JobPage<IoTJobDetail>> DescribeIoTJobAsync(string jobId, bool beforeSubstitution, CancellationToken cancellationToken);
    }
}
