using System;
using System.Text.Json;
using Amazon.Runtime;
using JobTools.Aws.Runtime;

namespace JobTools.Aws.Snowball
{
    /// <summary>Decodes a ListClusterJobs page straight into output objects.</summary>
    internal sealed class ListClusterJobsUnmarshaller : PageUnmarshaller
    {
        private readonly string clusterId;

        public ListClusterJobsUnmarshaller(string clusterId)
        {
            this.clusterId = clusterId;
        }

        internal static ListClusterJobsResponse DecodePage(byte[] body, string clusterId)
        {
            var (jobs, nextToken) = AwsJson.ReadPage(body, "ListClusterJobs", "JobListEntries", "NextToken", (ref Utf8JsonReader reader) => ReadEntry(ref reader, clusterId));
            return new ListClusterJobsResponse { Jobs = jobs, NextToken = nextToken };
        }

        protected override AmazonWebServiceResponse Decode(byte[] body) => DecodePage(body, clusterId);

        private static SnowballClusterJob ReadEntry(ref Utf8JsonReader reader, string clusterId)
        {
            string? jobId = null, jobState = null, jobType = null, snowballType = null, description = null;
            bool isMaster = false;
            DateTime? creationDate = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "JobId": jobId = AwsJson.ReadString(ref reader); break;
                    case "JobState": jobState = AwsJson.ReadString(ref reader); break;
                    case "IsMaster": isMaster = AwsJson.ReadBoolean(ref reader) ?? false; break;
                    case "JobType": jobType = AwsJson.ReadString(ref reader); break;
                    case "SnowballType": snowballType = AwsJson.ReadString(ref reader); break;
                    case "CreationDate": creationDate = AwsJson.ReadTimestamp(ref reader); break;
                    case "Description": description = AwsJson.ReadString(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new SnowballClusterJob(clusterId, jobId, jobState, isMaster, jobType, snowballType, creationDate, description);
        }
    }
}
