using System;
using System.Text.Json;
using Amazon.Runtime;
using JobTools.Aws.Runtime;

namespace JobTools.Aws.IoT
{
    /// <summary>Decodes a ListJobs page straight into output objects.</summary>
    internal sealed class ListJobsUnmarshaller : PageUnmarshaller
    {
        public static readonly ListJobsUnmarshaller Instance = new ListJobsUnmarshaller();

        internal static ListJobsResponse DecodePage(byte[] body)
        {
            var (jobs, nextToken) = AwsJson.ReadPage(body, "ListJobs", "jobs", "nextToken", ReadJob);
            return new ListJobsResponse { Jobs = jobs, NextToken = nextToken };
        }

        protected override AmazonWebServiceResponse Decode(byte[] body) => DecodePage(body);

        private static IoTJob ReadJob(ref Utf8JsonReader reader)
        {
            string? jobArn = null, jobId = null, thingGroupId = null, targetSelection = null, status = null;
            DateTime? createdAt = null, lastUpdatedAt = null, completedAt = null;
            bool? isConcurrent = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "jobArn": jobArn = AwsJson.ReadString(ref reader); break;
                    case "jobId": jobId = AwsJson.ReadString(ref reader); break;
                    case "thingGroupId": thingGroupId = AwsJson.ReadString(ref reader); break;
                    case "targetSelection": targetSelection = AwsJson.ReadString(ref reader); break;
                    case "status": status = AwsJson.ReadString(ref reader); break;
                    case "createdAt": createdAt = AwsJson.ReadTimestamp(ref reader); break;
                    case "lastUpdatedAt": lastUpdatedAt = AwsJson.ReadTimestamp(ref reader); break;
                    case "completedAt": completedAt = AwsJson.ReadTimestamp(ref reader); break;
                    case "isConcurrent": isConcurrent = AwsJson.ReadBoolean(ref reader); break;
                    default: reader.Skip(); break;
                }
            }

            return new IoTJob(jobArn, jobId, thingGroupId, targetSelection, status, createdAt, lastUpdatedAt, completedAt, isConcurrent);
        }
    }
}
