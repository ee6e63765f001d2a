using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;
using static JobTools.Tests.Snowball.SnowballListingTests;

namespace JobTools.Tests.Snowball
{
    /// <summary>-First, -Skip, -NoAutoIteration, -NextToken and downstream stops, counted at the endpoint.</summary>
    public sealed class SnowballPagingTests
    {
        [Fact]
        public async Task FirstFiveSendsOneRequestForFive()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(20);
            var expected = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 500);

            var result = local.Run($"Get-SnowballClusterJob {cluster} -First 5 @aws");

            Assert.Equal(expected.Take(5).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(5, Bodies(local.Endpoint).Single().GetProperty("MaxResults").GetInt32());
        }

        [Fact]
        public async Task FirstShrinksOnlyTheLastRequest()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(21);
            var expected = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 500);

            var result = local.Run($"Get-SnowballClusterJob {cluster} -First 150 @aws");

            Assert.Equal(expected.Take(150).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(new[] { 100, 50 }, Bodies(local.Endpoint).Select(b => b.GetProperty("MaxResults").GetInt32()));
        }

        [Fact]
        public async Task SkipAndFirstCountFetchedItemsTogether()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(22);
            var expected = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 500);

            var result = local.Run($"Get-SnowballClusterJob {cluster} -Skip 10 -First 5 -MaxResults 8 @aws");

            Assert.Equal(expected.Skip(10).Take(5).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(new[] { 8, 7 }, Bodies(local.Endpoint).Select(b => b.GetProperty("MaxResults").GetInt32()));
        }

        [Fact]
        public async Task SkipAloneListsTheRest()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(23);
            var expected = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 130);

            var result = local.Run($"Get-SnowballClusterJob {cluster} -Skip 120 @aws");

            Assert.Equal(expected.Skip(120).Select(j => j.JobId), result.Strings("JobId"));
            Assert.Equal(2, local.Endpoint.Requests.Count("ListClusterJobs"));
        }

        [Fact]
        public async Task FirstZeroWritesNothingAndSendsNothing()
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });

            var result = local.Run($"Get-SnowballClusterJob {SnowballStore.SeedClusterId} -First 0 @aws");

            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
            Assert.Empty(local.Endpoint.Requests.All);
        }

        [Fact]
        public async Task NoAutoIterationSendsOneRequestAndReportsTheNextToken()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(24);
            var expected = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 250);

            var first = local.Run($"Get-SnowballClusterJob {cluster} -NoAutoIteration -MaxResults 40 @aws -InformationVariable info; $info");

            var jobs = first.Output.Where(o => o.BaseObject is not System.Management.Automation.InformationRecord).ToList();
            Assert.Equal(expected.Take(40).Select(j => j.JobId), jobs.Select(j => j.Value<string>("JobId")));
            Assert.Equal(1, local.Endpoint.Requests.Count("ListClusterJobs"));
            var token = Assert.Single(first.Information).MessageData as string;
            Assert.False(string.IsNullOrEmpty(token));
            Assert.Contains("NextToken", first.Information[0].Tags);

            local.Endpoint.Requests.Clear();
            var rest = local.Run($"Get-SnowballClusterJob {cluster} -NextToken $token @aws", new() { ["token"] = token });

            Assert.Empty(rest.Errors);
            Assert.Equal(expected.Skip(40).Select(j => j.JobId), rest.Strings("JobId"));
            Assert.Equal(3, local.Endpoint.Requests.Count("ListClusterJobs"));
            Assert.Equal(token, Bodies(local.Endpoint).First().GetProperty("NextToken").GetString());
        }

        [Fact]
        public async Task DownstreamStopCancelsTheReadAheadAndSendsNothingMore()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(25);
            var expected = local.Endpoint.Snowball.AddGeneratedCluster(cluster, 1000);
            local.Endpoint.Faults.DelayAll(System.TimeSpan.FromMilliseconds(100));

            var result = local.Run($"Get-SnowballClusterJob {cluster} -MaxResults 10 @aws | Select-Object -First 25");

            Assert.Empty(result.Errors);
            Assert.Equal(expected.Take(25).Select(j => j.JobId), result.Strings("JobId"));

            // Three pages were written. The fourth, read ahead while the third was written, was cancelled: in
            // flight (the local.Endpoint records 499, client closed request) or before it left, depending on timing.
            // Nothing was sent after it.
            var settled = System.DateTime.UtcNow.AddSeconds(5);
            while (local.Endpoint.Requests.All.Count < local.Endpoint.Requests.Arrived && System.DateTime.UtcNow < settled)
            {
                await Task.Delay(20);
            }

            await Task.Delay(300);
            var statuses = local.Endpoint.Requests.All.Select(r => r.StatusCode).ToList();
            Assert.Equal(new[] { 200, 200, 200 }, statuses.Take(3));
            Assert.Equal(new[] { 499 }.Take(statuses.Count - 3), statuses.Skip(3));
        }

        [Fact]
        public async Task TheNextPageIsRequestedWhileThisOneIsWritten()
        {
            await using var local = await EndpointSession.StartAsync();
            string cluster = SnowballStore.NewClusterId(29);
            local.Endpoint.Snowball.AddGeneratedCluster(cluster, 30);
            local.Session.SetVariable("log", local.Endpoint.Requests);

            // At the last job of page 1 the consumer waits (up to 5 s) for page 2's request: it arrives only
            // if the cmdlet sent it before handing over the rest of page 1.
            var result = local.Run(
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
                $n; $seen.AtFirst; $seen.AtLastOfPage1");

            Assert.Empty(result.Errors);
            Assert.Equal(new object[] { 30, 1, 2 }, result.Output.Select(o => o.BaseObject));
            Assert.Equal(3, local.Endpoint.Requests.Count("ListClusterJobs"));
        }

        [Fact]
        public async Task FirstAppliesAcrossPipedClusters()
        {
            await using var local = await EndpointSession.StartAsync();
            string a = SnowballStore.NewClusterId(26), b = SnowballStore.NewClusterId(27), c = SnowballStore.NewClusterId(28);
            local.Endpoint.Snowball.AddGeneratedCluster(a, 3);
            local.Endpoint.Snowball.AddGeneratedCluster(b, 10);
            local.Endpoint.Snowball.AddGeneratedCluster(c, 10);

            var result = local.Run($"'{a}', '{b}', '{c}' | Get-SnowballClusterJob -First 5 @aws");

            // The clusters are listed at once, so the five are the first to arrive: each cluster's in its order.
            Assert.Empty(result.Errors);
            Assert.Equal(5, result.Output.Count);
            var written = result.Strings("ClusterId").Zip(result.Strings("JobId")).GroupBy(j => j.First).ToList();
            Assert.All(written, cluster => Assert.Equal(
                local.Endpoint.Snowball.Jobs(cluster.Key).Take(cluster.Count()).Select(j => j.JobId),
                cluster.Select(j => j.Second)));
            Assert.All(Bodies(local.Endpoint), r => Assert.True(r.GetProperty("MaxResults").GetInt32() <= 5));
            Assert.InRange(local.Endpoint.Requests.Count("ListClusterJobs"), 1, 6);
        }
    }
}
