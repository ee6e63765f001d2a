using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace JobTools.LocalAws.Tests
{
    /// <summary>The AWS CLI (botocore) pages through ListClusters and ListThingGroups on the local endpoint and gets exactly its data.</summary>
    public sealed class DiscoveryInteropTests
    {
        [SkippableFact]
        public async Task AwsCliListsEveryClusterExactlyOverSeveralPages()
        {
            SkipWithoutCli();
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            endpoint.Snowball.AddGeneratedClusters(25);
            var clusters = endpoint.Snowball.Clusters;

            var (exit, output, error) = AwsCli.Run($"snowball list-clusters --endpoint-url {endpoint.BaseUri} --region us-east-1 --page-size 7 --output json");

            Assert.True(exit == 0, error);
            var entries = JsonDocument.Parse(output).RootElement.GetProperty("ClusterListEntries").EnumerateArray().ToList();
            Assert.Equal(clusters.Select(c => c.ClusterId), entries.Select(e => e.GetProperty("ClusterId").GetString()));
            Assert.Equal(clusters.Select(c => c.ClusterState), entries.Select(e => e.GetProperty("ClusterState").GetString()));
            Assert.Equal(clusters.Select(c => c.Description), entries.Select(e => e.TryGetProperty("Description", out var d) ? d.GetString() : null));
            Assert.Equal(
                clusters.Select(c => (c.CreationDate.ToUnixTimeMilliseconds() / 1000m).ToString("0.000", CultureInfo.InvariantCulture)),
                entries.Select(e => e.GetProperty("CreationDate").GetDecimal().ToString("0.000", CultureInfo.InvariantCulture)));
            Assert.Contains(clusters, c => c.Description is null);
            Assert.Equal(4, endpoint.Requests.Count("ListClusters"));
            Assert.All(endpoint.Requests.All, r =>
            {
                Assert.Equal(200, r.StatusCode);
                Assert.Equal("AWSIESnowballJobManagementService.ListClusters", r.Headers["X-Amz-Target"]);
                Assert.Equal(LocalAwsOptions.DefaultAccessKeyId, r.AccessKeyId);
            });
        }

        [SkippableFact]
        public async Task AwsCliListsTheThingGroupsOfAPrefixExactly()
        {
            SkipWithoutCli();
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            endpoint.IoT.AddGenerated(50);
            endpoint.IoT.AddGeneratedThingGroups(700);
            var groups = endpoint.IoT.ThingGroups;

            var fleet = AwsCli.Run($"iot list-thing-groups --name-prefix-filter fleet- --endpoint-url {endpoint.BaseUri} --region eu-west-1 --page-size 40 --output json");
            var lab = AwsCli.Run($"iot list-thing-groups --name-prefix-filter lab: --endpoint-url {endpoint.BaseUri} --region eu-west-1 --output json");
            var all = AwsCli.Run($"iot list-thing-groups --endpoint-url {endpoint.BaseUri} --region eu-west-1 --output json");

            Assert.True(fleet.ExitCode == 0, fleet.Error);
            var expected = groups.Where(g => g.GroupName.StartsWith("fleet-", System.StringComparison.Ordinal)).ToList();
            Assert.Equal(142, expected.Count);
            Assert.Equal(expected.Select(g => g.GroupName), Members(fleet.Output, "groupName"));
            Assert.Equal(expected.Select(g => g.GroupArn), Members(fleet.Output, "groupArn"));
            Assert.True(lab.ExitCode == 0, lab.Error);
            Assert.Equal(groups.Where(g => g.GroupName.StartsWith("lab:", System.StringComparison.Ordinal)).Select(g => g.GroupName), Members(lab.Output, "groupName"));
            Assert.Contains("lab:sensors", Members(lab.Output, "groupName"));
            Assert.True(all.ExitCode == 0, all.Error);
            Assert.Equal(groups.Select(g => g.GroupName), Members(all.Output, "groupName"));

            var requests = endpoint.Requests.All;
            Assert.Equal(4 + 1 + 3, requests.Count(r => r.Operation == "ListThingGroups"));
            Assert.Contains(requests, r => r.PathAndQuery.Contains("namePrefixFilter=lab%3A", System.StringComparison.Ordinal));
            Assert.All(requests, r =>
            {
                Assert.Equal(200, r.StatusCode);
                Assert.Equal("eu-west-1", r.SigningRegion);
            });
        }

        private static void SkipWithoutCli()
        {
            string? reason = AwsCli.Unavailable();
            Skip.If(reason != null, reason);
        }

        private static string?[] Members(string json, string member) =>
            JsonDocument.Parse(json).RootElement.GetProperty("thingGroups").EnumerateArray().Select(e => e.GetProperty(member).GetString()).ToArray();
    }
}
