using System;
using System.Linq;
using System.Text.Json;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Interop
{
    /// <summary>Get-IoTJob against moto's IoT, compared job by job with boto3's paginator.</summary>
    public sealed class MotoIoTInteropTests
    {
        private const string Boto3Script = @"
import boto3, json, sys
c = boto3.client('iot', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='testing', aws_secret_access_key='testing')
if sys.argv[2] == 'create':
    for i in range(int(sys.argv[3])):
        c.create_job(jobId='moto-job-%04d' % i, targets=['arn:aws:iot:us-east-1:123456789012:thing/t%d' % i], document='{}',
                     targetSelection='CONTINUOUS' if i % 3 == 0 else 'SNAPSHOT')
else:
    out = []
    for page in c.get_paginator('list_jobs').paginate(PaginationConfig={'PageSize': 100}):
        for j in page['jobs']:
            out.append({'jobId': j['jobId'], 'jobArn': j.get('jobArn'), 'status': j.get('status'), 'targetSelection': j.get('targetSelection'),
                        'createdAtMs': round(j['createdAt'].timestamp() * 1000) if 'createdAt' in j else None})
    print(json.dumps(out))
";

        [SkippableFact]
        public void ListingMatchesBoto3PaginatorJobByJob()
        {
            string? reason = MotoServer.Unavailable();
            Skip.If(reason != null, reason);
            using var moto = MotoServer.Start();
            var created = Python.RunScript(Boto3Script, $"{moto.BaseUri} create 260");
            Assert.True(created.ExitCode == 0, created.Output);
            var listed = Python.RunScript(Boto3Script, $"{moto.BaseUri} list");
            Assert.True(listed.ExitCode == 0, listed.Output);
            var expected = JsonDocument.Parse(listed.Output).RootElement.EnumerateArray().ToList();
            Assert.Equal(260, expected.Count);

            using var session = PowerShellSession.Create();
            var result = session.Run(
                $"Get-IoTJob -EndpointUrl '{moto.BaseUri}' -Region us-east-1 -AccessKey testing -SecretKey testing -MaxResults 100");

            Assert.Empty(result.Errors);
            Assert.Equal(expected.Count, result.Output.Count);
            foreach (var (want, got) in expected.Zip(result.Output))
            {
                Assert.Equal(want.GetProperty("jobId").GetString(), got.Value<string>("JobId"));
                Assert.Equal(want.GetProperty("jobArn").GetString(), got.Value<string>("JobArn"));
                Assert.Equal(want.GetProperty("status").GetString(), got.Value<string>("Status"));
                Assert.Equal(Nullable(want, "targetSelection"), got.Value<string?>("TargetSelection"));
                long createdMs = want.GetProperty("createdAtMs").GetInt64();
                var createdAt = got.Value<DateTime>("CreatedAt");
                Assert.Equal(DateTimeKind.Utc, createdAt.Kind);
                Assert.Equal(createdMs, new DateTimeOffset(createdAt).ToUnixTimeMilliseconds());
            }
        }

        private static string? Nullable(JsonElement element, string name) =>
            element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();
    }
}
