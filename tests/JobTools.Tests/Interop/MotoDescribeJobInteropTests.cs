using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;

namespace JobTools.Tests.Interop
{
    /// <summary>Get-IoTJob -JobId against moto's IoT DescribeJob, compared member by member with boto3's describe_job.</summary>
    public sealed class MotoDescribeJobInteropTests
    {
        private const string Boto3Script = @"
import boto3, json, sys
c = boto3.client('iot', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='testing', aws_secret_access_key='testing')
for i in range(6):
    kwargs = dict(jobId='moto-describe-%d' % i, targets=['arn:aws:iot:us-east-1:123456789012:thing/t%d' % i, 'arn:aws:iot:us-east-1:123456789012:thinggroup/g%d' % i],
                  targetSelection='CONTINUOUS' if i % 2 else 'SNAPSHOT')
    if i % 3 == 0:
        kwargs['documentSource'] = 'https://s3.amazonaws.com/moto-docs/%d.json' % i
    else:
        kwargs['document'] = '{}'
    if i != 4:
        kwargs['description'] = 'moto job %d' % i
    c.create_job(**kwargs)
out = []
for i in range(6):
    r = c.describe_job(jobId='moto-describe-%d' % i)
    j = r['job']
    d = j.get('jobProcessDetails', {})
    out.append({'documentSource': r.get('documentSource'), 'jobId': j['jobId'], 'jobArn': j.get('jobArn'), 'status': j.get('status'),
                'targetSelection': j.get('targetSelection'), 'description': j.get('description'), 'targets': j.get('targets', []),
                'forceCanceled': j.get('forceCanceled'), 'createdAtMs': round(j['createdAt'].timestamp() * 1000),
                'lastUpdatedAtMs': round(j['lastUpdatedAt'].timestamp() * 1000) if 'lastUpdatedAt' in j else None,
                'queued': d.get('numberOfQueuedThings'), 'succeeded': d.get('numberOfSucceededThings'), 'processing': d.get('processingTargets', [])})
print(json.dumps(out))
";

        [SkippableFact]
        public void EachJobMatchesBoto3sDescribeJobAndAnUnknownIdIsObjectNotFound()
        {
            string? reason = MotoServer.Unavailable();
            Skip.If(reason != null, reason);
            using var moto = MotoServer.Start();
            var described = Python.RunScript(Boto3Script, moto.BaseUri.ToString());
            Assert.True(described.ExitCode == 0, described.Output);
            var expected = JsonDocument.Parse(described.Output).RootElement.EnumerateArray().ToList();
            Assert.Equal(6, expected.Count);

            using var session = PowerShellSession.Create();
            var result = session.Run(
                $"'moto-describe-0', 'moto-no-such-job', 'moto-describe-1', 'moto-describe-2', 'moto-describe-3', 'moto-describe-4', 'moto-describe-5' | Get-IoTJob -EndpointUrl '{moto.BaseUri}' -Region us-east-1 -AccessKey testing -SecretKey testing");

            var error = Assert.Single(result.Errors);
            Assert.Equal("ResourceNotFoundException,JobTools.Commands.GetIoTJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("moto-no-such-job", error.TargetObject);
            Assert.Equal(expected.Count, result.Output.Count);
            foreach (var (want, got) in expected.Zip(result.Output))
            {
                Assert.Equal(want.GetProperty("jobId").GetString(), got.Value<string>("JobId"));
                Assert.Equal(want.GetProperty("jobArn").GetString(), got.Value<string>("JobArn"));
                Assert.Equal(want.GetProperty("status").GetString(), got.Value<string>("Status"));
                Assert.Equal(Text(want, "targetSelection"), got.Value<string?>("TargetSelection"));
                Assert.Equal(Text(want, "description"), got.Value<string?>("Description"));
                Assert.Equal(Text(want, "documentSource"), got.Value<string?>("DocumentSource"));
                Assert.Equal(Strings(want, "targets"), got.Value<IReadOnlyList<string>>("Targets"));
                Assert.Equal(want.GetProperty("forceCanceled").GetBoolean(), got.Value<bool?>("ForceCanceled"));
                Assert.Equal(want.GetProperty("createdAtMs").GetInt64(), new DateTimeOffset(got.Value<DateTime>("CreatedAt")).ToUnixTimeMilliseconds());
                Assert.Equal(want.GetProperty("lastUpdatedAtMs").GetInt64(), new DateTimeOffset(got.Value<DateTime>("LastUpdatedAt")).ToUnixTimeMilliseconds());
                var details = PSObject.AsPSObject(got.Properties["JobProcessDetails"].Value);
                Assert.Equal(want.GetProperty("queued").GetInt32(), details.Value<int?>("NumberOfQueuedThings"));
                Assert.Equal(want.GetProperty("succeeded").GetInt32(), details.Value<int?>("NumberOfSucceededThings"));
                Assert.Equal(Strings(want, "processing"), details.Value<IReadOnlyList<string>>("ProcessingTargets"));
            }
        }

        private static string? Text(JsonElement element, string name) =>
            element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetString();

        private static List<string> Strings(JsonElement element, string name) =>
            element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
