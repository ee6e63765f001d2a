using System.Globalization;
using System.Text;

namespace JobTools.Bench.Micro
{
    /// <summary>Response bodies shaped as the services send them, shared by the micro-benchmarks.</summary>
    internal static class SamplePages
    {
        public const string ClusterId = "CID123e4567-e89b-12d3-a456-426655440000";

        /// <summary>A ListClusterJobs page of <paramref name="jobs"/> entries, with a next token.</summary>
        public static byte[] Snowball(int jobs)
        {
            var page = new StringBuilder("{\"JobListEntries\":[");
            for (int i = 0; i < jobs; i++)
            {
                page.Append(i == 0 ? "" : ",").AppendFormat(CultureInfo.InvariantCulture,
                    "{{\"JobId\":\"JID123e4567-e89b-12d3-a456-{0:D12}\",\"JobState\":\"New\",\"IsMaster\":false,\"JobType\":\"LOCAL_USE\",\"SnowballType\":\"EDGE\",\"CreationDate\":1480475524.335,\"Description\":\"MyClustrer-node-{0:D3}\"}}", i);
            }

            return Encoding.UTF8.GetBytes(page.Append("],\"NextToken\":\"abcdef\"}").ToString());
        }
    }
}
