using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;
using static JobTools.Tests.Snowball.SnowballListingTests;
using static JobTools.Tests.Infrastructure.EndpointArguments;

namespace JobTools.Tests.Snowball
{
    /// <summary>-First, -Skip, -NoAutoIteration, -NextToken and downstream stops, counted at the endpoint.</summary>
    public sealed class SnowballPagingTests
    {
        [Fact]
        public async Task FirstFiveSendsOneRequestForFive()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string cluster = SnowballStore.NewClusterId(20);
            var expected = endpoint.Snowball.AddGeneratedCluster(cluster, 500);
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-SnowballClusterJob {cluster} -First 5 @aws", Vars(endpoint));

            Assert.Equal(expected.Take(5).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(5, Bodies(endpoint).Single().GetProperty("MaxResults").GetInt32());
        }

        [Fact]
        public async Task FirstShrinksOnlyTheLastRequest()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string cluster = SnowballStore.NewClusterId(21);
            var expected = endpoint.Snowball.AddGeneratedCluster(cluster, 500);
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-SnowballClusterJob {cluster} -First 150 @aws", Vars(endpoint));

            Assert.Equal(expected.Take(150).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(new[] { 100, 50 }, Bodies(endpoint).Select(b => b.GetProperty("MaxResults").GetInt32()));
        }

        [Fact]
        public async Task SkipAndFirstCountFetchedItemsTogether()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string cluster = SnowballStore.NewClusterId(22);
            var expected = endpoint.Snowball.AddGeneratedCluster(cluster, 500);
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-SnowballClusterJob {cluster} -Skip 10 -First 5 -MaxResults 8 @aws", Vars(endpoint));

            Assert.Equal(expected.Skip(10).Take(5).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(new[] { 8, 7 }, Bodies(endpoint).Select(b => b.GetProperty("MaxResults").GetInt32()));
        }

        [Fact]
        public async Task SkipAloneListsTheRest()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string cluster = SnowballStore.NewClusterId(23);
            var expected = endpoint.Snowball.AddGeneratedCluster(cluster, 130);
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-SnowballClusterJob {cluster} -Skip 120 @aws", Vars(endpoint));

            Assert.Equal(expected.Skip(120).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(2, endpoint.Requests.Count("ListClusterJobs"));
        }

        [Fact]
        public async Task FirstZeroWritesNothingAndSendsNothing()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} -First 0 @aws", Vars(endpoint));

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Empty(endpoint.Requests.All);
        }

        [Fact]
        public async Task NoAutoIterationSendsOneRequestAndReportsTheNextToken()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string cluster = SnowballStore.NewClusterId(24);
            var expected = endpoint.Snowball.AddGeneratedCluster(cluster, 250);
            using var session = PowerShellSession.Create();

            var first = session.Run($"Get-SnowballClusterJob {cluster} -NoAutoIteration -MaxResults 40 @aws -InformationVariable info; $info", Vars(endpoint));

            var jobs = first.Output.Where(o => o.BaseObject is not System.Management.Automation.InformationRecord).ToList();
            Assert.Equal(expected.Take(40).Select(j => j.JobId), jobs.Select(j => j.Value<string>("JobId")));
            Assert.Equal(1, endpoint.Requests.Count("ListClusterJobs"));
            var token = Assert.Single(first.Information).MessageData as string;
            Assert.False(string.IsNullOrEmpty(token));
            Assert.Contains("NextToken", first.Information[0].Tags);

            endpoint.Requests.Clear();
            var rest = session.Run($"Get-SnowballClusterJob {cluster} -NextToken $token @aws", new() { ["token"] = token, ["aws"] = EndpointArguments.For(endpoint) });

            Assert.Empty(rest.Errors);
            Assert.Equal(expected.Skip(40).Select(j => j.JobId), rest.Strings("JobId"));
            Assert.Equal(3, endpoint.Requests.Count("ListClusterJobs"));
            Assert.Equal(token, Bodies(endpoint).First().GetProperty("NextToken").GetString());
        }

        [Fact]
        public async Task DownstreamStopCancelsTheReadAheadAndSendsNothingMore()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string cluster = SnowballStore.NewClusterId(25);
            var expected = endpoint.Snowball.AddGeneratedCluster(cluster, 1000);
            endpoint.Faults.DelayAll(System.TimeSpan.FromMilliseconds(100));
            using var session = PowerShellSession.Create();

            var result = session.Run($"Get-SnowballClusterJob {cluster} -MaxResults 10 @aws | Select-Object -First 25", Vars(endpoint));

            Assert.Empty(result.Errors);
            Assert.Equal(expected.Take(25).Select(j => j.JobId), result.Strings("JobId"));

            // Three pages were written. The fourth, read ahead while the third was written, was cancelled: in
            // flight (the endpoint records 499, client closed request) or before it left, depending on timing.
            // Nothing was sent after it.
            var settled = System.DateTime.UtcNow.AddSeconds(5);
            while (endpoint.Requests.All.Count < endpoint.Requests.Arrived && System.DateTime.UtcNow < settled)
            {
                await Task.Delay(20);
            }

            await Task.Delay(300);
            var statuses = endpoint.Requests.All.Select(r => r.StatusCode).ToList();
            Assert.Equal(new[] { 200, 200, 200 }, statuses.Take(3));
            Assert.Equal(new[] { 499 }.Take(statuses.Count - 3), statuses.Skip(3));
        }

        [Fact]
        public async Task TheNextPageIsRequestedWhileThisOneIsWritten()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string cluster = SnowballStore.NewClusterId(29);
            endpoint.Snowball.AddGeneratedCluster(cluster, 30);
            using var session = PowerShellSession.Create();
            session.SetVariable("log", endpoint.Requests);

            // At the last job of page 1 the consumer waits (up to 5 s) for page 2's request: it arrives only
            // if the cmdlet sent it before handing over the rest of page 1.
            var result = session.Run(
                $@"$seen = @{{}}; $n = 0
                Get-SnowballClusterJob {cluster} -MaxResults 10 @aws | ForEach-Object {{
                    $n++
                    if ($n -eq 1) {{ $seen.AtFirst = $log.Arrived }}
                    if ($n -eq 10) {{
                        $deadline = [DateTime]::UtcNow.AddSeconds(5)
                        while ($log.Arrived -lt 2 -and [DateTime]::UtcNow -lt $deadline) {{ [System.Threading.Thread]::Sleep(10) }}
                        $seen.AtLastOfPage1 = $log.Arrived
                    }}
                }}
                $n; $seen.AtFirst; $seen.AtLastOfPage1",
                Vars(endpoint));

            Assert.Empty(result.Errors);
            Assert.Equal(new object[] { 30, 1, 2 }, result.Output.Select(o => o.BaseObject));
            Assert.Equal(3, endpoint.Requests.Count("ListClusterJobs"));
        }

        [Fact]
        public async Task FirstAppliesAcrossPipedClusters()
        {
            await using var endpoint = await LocalAwsEndpoint.StartAsync();
            string a = SnowballStore.NewClusterId(26), b = SnowballStore.NewClusterId(27), c = SnowballStore.NewClusterId(28);
            var jobsA = endpoint.Snowball.AddGeneratedCluster(a, 3);
            var jobsB = endpoint.Snowball.AddGeneratedCluster(b, 10);
            endpoint.Snowball.AddGeneratedCluster(c, 10);
            using var session = PowerShellSession.Create();

            var result = session.Run($"'{a}', '{b}', '{c}' | Get-SnowballClusterJob -First 5 @aws", Vars(endpoint));

            Assert.Equal(jobsA.Select(j => j.JobId).Concat(jobsB.Take(2).Select(j => j.JobId)), result.Strings("JobId"));
            Assert.Equal(new[] { 5, 2 }, Bodies(endpoint).Select(r => r.GetProperty("MaxResults").GetInt32()));
        }
    }
}
