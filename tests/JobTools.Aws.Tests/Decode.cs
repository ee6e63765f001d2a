using System.Text;
using JobTools.Aws.IoT;
using JobTools.Aws.Runtime;
using JobTools.Aws.Snowball;
using JobTools.Services;

namespace JobTools.Aws.Tests
{
    /// <summary>Decodes a page body as each operation does once the SDK hands it the response.</summary>
    internal static class Decode
    {
        public const string ClusterId = "CID123e4567-e89b-12d3-a456-426655440000";

        public static Page<IoTJob> IoTPage(string body) =>
            new ListJobs(new IoTJobQuery(null, null, null, null, null)).Decode(Encoding.UTF8.GetBytes(body));

        public static Described<IoTJobDetail> IoTJobDescription(string body) =>
            new DescribeJob("j1", beforeSubstitution: false).Decode(Encoding.UTF8.GetBytes(body));

        public static Page<SnowballClusterJob> SnowballPage(string body) =>
            new ListClusterJobs(ClusterId).Decode(Encoding.UTF8.GetBytes(body));
    }
}
