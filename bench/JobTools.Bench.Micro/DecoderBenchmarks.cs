using System;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using JobTools.Aws.IoT;
using JobTools.Aws.Snowball;
using JobTools.Services;

namespace JobTools.Bench.Micro
{
    /// <summary>
    /// Decoding one full page straight into output objects, against the floor of merely tokenising the same
    /// bytes with Utf8JsonReader (the ratio is what the decoder adds).
    /// </summary>
    [MemoryDiagnoser]
    public class DecoderBenchmarks
    {
        private byte[] iotPage = Array.Empty<byte>();
        private byte[] snowballPage = Array.Empty<byte>();

        [GlobalSetup]
        public void Setup()
        {
            var iot = new StringBuilder("{\"jobs\":[");
            for (int i = 0; i < 250; i++)
            {
                iot.Append(i == 0 ? "" : ",").AppendFormat(CultureInfo.InvariantCulture,
                    "{{\"jobArn\":\"arn:aws:iot:us-east-1:123456789012:job/job-{0:D6}\",\"jobId\":\"job-{0:D6}\",\"thingGroupId\":\"4f1c2a9e-0b7d-4c52-9a61-1e2f3a4b5c6d\",\"targetSelection\":\"CONTINUOUS\",\"status\":\"IN_PROGRESS\",\"createdAt\":1740787200.{1:D3},\"lastUpdatedAt\":1740790000.5,\"isConcurrent\":true}}", i, i % 1000);
            }

            iotPage = Encoding.UTF8.GetBytes(iot.Append("],\"nextToken\":\"abcdef\"}").ToString());
            snowballPage = SamplePages.Snowball(100);
        }

        [Benchmark(Baseline = true)]
        public int TokeniseIoTPage()
        {
            var reader = new System.Text.Json.Utf8JsonReader(iotPage);
            int tokens = 0;
            while (reader.Read())
            {
                tokens++;
            }

            return tokens;
        }

        [Benchmark]
        public int DecodeIoTPage() => new ListJobs(new IoTJobQuery(null, null, null, null, null)).Decode(iotPage).Items.Count;

        [Benchmark]
        public int DecodeSnowballPage() => new ListClusterJobs(SamplePages.ClusterId).Decode(snowballPage).Items.Count;
    }
}
