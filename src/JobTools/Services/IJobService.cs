using System;
using System.Threading;
using System.Threading.Tasks;

namespace JobTools.Services
{
    /// <summary>The two AWS operations, behind a boundary that carries no AWSSDK type.</summary>
    internal interface IJobService : IDisposable
    {
        /// <summary>Where requests go and where the credentials and region came from; never a secret.</summary>
        ResolvedConnection Connection { get; }

        Task<JobPage<SnowballClusterJob>> ListClusterJobsAsync(string clusterId, int? maxResults, string? nextToken, CancellationToken cancellationToken);

        Task<JobPage<IoTJob>> ListIoTJobsAsync(IoTJobQuery query, int? maxResults, string? nextToken, CancellationToken cancellationToken);
    }
}
