using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.Console
{
    /// <summary>
    /// The format views, rendered by the real formatter through Out-String at the widths people use: 80 (a small
    /// console, and any redirected output), 120 and 200. Each shows whole the columns that fit, and nothing cut.
    /// </summary>
    public sealed class FormatTests
    {
        private const string SnowballDefault80 = "JobId,JobState,Created (UTC)";
        private const string SnowballDefault120 = "JobId,JobState,Created (UTC),JobType,IsMaster,Description";
        private const string IoTDefault80 = "JobId,Status,Created (UTC)";
        private const string IoTDefault120 = "JobId,Status,Created (UTC),Completed (UTC),TargetSelection";

        private const string SnowballClusters80 = "ClusterId,JobId";
        private const string SnowballClusters120 = "ClusterId,JobId,JobState,Created (UTC)";
        private const string SnowballClusters200 = "ClusterId,JobId,JobState,Created (UTC),JobType,IsMaster,Description";

        /// <summary>The view's own table, and one written after an auto-sized table in the same output (the engine then sizes it from the data).</summary>
        public static TheoryData<string, int, string> SnowballCases => Cases(
            "Get-SnowballClusterJob $clusters[1]", (80, SnowballDefault80), (120, SnowballDefault120), (200, SnowballDefault120));

        /// <summary>Several clusters are listed at once and their jobs interleave: the table starts with ClusterId.</summary>
        public static TheoryData<string, int, string> SnowballClustersCases => Cases(
            "$clusters | Get-SnowballClusterJob", (80, SnowballClusters80), (120, SnowballClusters120), (200, SnowballClusters200));

        public static TheoryData<string, int, string> IoTCases => Cases(
            "Get-IoTJob", (80, IoTDefault80), (120, IoTDefault120), (200, IoTDefault120));

        [Theory]
        [MemberData(nameof(SnowballCases))]
        public async Task SnowballTableShowsWholeColumnsInOneTable(string script, int width, string columns)
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            var (other, expected) = AddClusterOfEveryState(local.Endpoint);

            var table = Render(local, script, width, SnowballStore.SeedClusterId, other);

            AssertWhole(table, columns, expected.Where(row => row["ClusterId"] == other).ToList());
        }

        [Theory]
        [MemberData(nameof(SnowballClustersCases))]
        public async Task SnowballTableOfSeveralClustersShowsTheClusterOfEachJob(string script, int width, string columns)
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            var (other, expected) = AddClusterOfEveryState(local.Endpoint);
            string third = SnowballStore.NewClusterId(41);
            var rows = expected.Concat(local.Endpoint.Snowball.AddGeneratedCluster(third, 250).Select(job => Row(third, job))).ToList();

            var table = Render(local, script, width, "ClusterId", new[] { SnowballStore.SeedClusterId, other, third });

            AssertWholeInAnyOrder(table, columns, rows);
        }

        [Theory]
        [InlineData(80, "Source,JobId,Status")]
        [InlineData(120, "Source,JobId,Status,Created (UTC),Completed (UTC)")]
        public async Task IoTTableOfSeveralRegionsShowsTheSourceOfEachJob(int width, string columns)
        {
            await using var local = await EndpointSession.StartAsync();
            var expected = AddJobsOfEveryStatus(local.Endpoint);
            var rows = new[] { "us-east-1", "eu-west-1" }
                .SelectMany(region => expected.Select(row => new Dictionary<string, string>(row) { ["Source"] = region }))
                .ToList();

            var table = Render(local, "Get-IoTJob @aws -Region us-east-1,eu-west-1", width, "Source", Array.Empty<string>());

            Assert.Equal(rows.Count, table.Rows.Count);
            Assert.Equal(columns.Split(','), table.Headers);
            Assert.Equal(
                rows.Select(row => Key(row, table.Headers)).OrderBy(k => k, StringComparer.Ordinal),
                table.Rows.Select(row => Key(row, table.Headers)).OrderBy(k => k, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(IoTCases))]
        public async Task IoTTableShowsWholeColumns(string script, int width, string columns)
        {
            await using var local = await EndpointSession.StartAsync();
            var expected = AddJobsOfEveryStatus(local.Endpoint);

            var table = Render(local, script, width);

            AssertWhole(table, columns, expected);
        }

        [Theory]
        [InlineData(80, SnowballDefault80)]
        [InlineData(120, "JobId,JobState,Created (UTC),ClusterId")]
        [InlineData(200, "JobId,JobState,Created (UTC),ClusterId,JobType,SnowballType,IsMaster,Description")]
        public async Task SnowballWideViewShowsTheClusterAndEveryPropertyAt200(int width, string columns)
        {
            await using var local = await EndpointSession.StartAsync(new LocalAwsOptions { SeedSampleData = true });
            var (other, expected) = AddClusterOfEveryState(local.Endpoint);

            var table = Render(local, "$clusters | Get-SnowballClusterJob @aws | Format-Table -View Wide", width, SnowballStore.SeedClusterId, other);

            AssertWholeInAnyOrder(table, columns, expected);
        }

        [Theory]
        [InlineData(80, IoTDefault80)]
        [InlineData(120, IoTDefault120)]
        [InlineData(200, IoTDefault120 + ",ThingGroupId,LastUpdated (UTC),IsConcurrent")]
        public async Task IoTWideViewShowsEveryPropertyButTheArnAt200(int width, string columns)
        {
            await using var local = await EndpointSession.StartAsync();
            var expected = AddJobsOfEveryStatus(local.Endpoint);

            var table = Render(local, "Get-IoTJob @aws | Format-Table -View Wide", width);

            AssertWhole(table, columns, expected);
        }

        private static TheoryData<string, int, string> Cases(string command, params (int Width, string Columns)[] widths)
        {
            var data = new TheoryData<string, int, string>();
            foreach (var (width, columns) in widths)
            {
                data.Add($"{command} @aws", width, columns);
                data.Add($"& {{ Get-Date | Format-Table; {command} @aws | Format-Table }}", width, columns);
            }

            return data;
        }

        /// <summary>Renders the script's output at a width and returns its one job table, after checking that no line is wider.</summary>
        private static RenderedTable Render(EndpointSession local, string script, int width, params string[] clusters) =>
            Render(local, script, width, "JobId", clusters);

        /// <summary>As above, for a table whose first column is <paramref name="firstHeader"/>.</summary>
        private static RenderedTable Render(EndpointSession local, string script, int width, string firstHeader, string[] clusters)
        {
            var result = local.Run($"{script} | Out-String -Width {width}", new() { ["clusters"] = clusters });

            Assert.Empty(result.Errors);
            string text = result.Output.Single().ToString();
            Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= width, $"line longer than {width}: {line}"));
            return Assert.Single(RenderedTable.ParseAll(text, firstHeader));
        }

        /// <summary>One header line with exactly these columns, and every row's cells whole, in the order the jobs were listed.</summary>
        private static void AssertWhole(RenderedTable table, string columns, IReadOnlyList<IReadOnlyDictionary<string, string>> expected)
        {
            Assert.Single(table.HeaderLines);
            Assert.Equal(columns.Split(','), table.Headers);
            Assert.Equal(expected.Count, table.Rows.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                foreach (string header in table.Headers)
                {
                    Assert.Equal(expected[i][header], table.Rows[i][header]);
                }
            }
        }

        /// <summary>As <see cref="AssertWhole"/>, the rows matched by JobId: jobs of several sources interleave.</summary>
        private static void AssertWholeInAnyOrder(RenderedTable table, string columns, IReadOnlyList<IReadOnlyDictionary<string, string>> expected)
        {
            Assert.Single(table.HeaderLines);
            Assert.Equal(columns.Split(','), table.Headers);
            Assert.Equal(
                expected.Select(row => Key(row, table.Headers)).OrderBy(k => k, StringComparer.Ordinal),
                table.Rows.Select(row => Key(row, table.Headers)).OrderBy(k => k, StringComparer.Ordinal));
        }

        private static string Key(IReadOnlyDictionary<string, string> row, IEnumerable<string> headers) =>
            string.Join(" | ", headers.Select(header => row[header]));

        /// <summary>A second cluster with a job in every state (the longest is WithAWSSortingFacility); the seed's rows come first.</summary>
        private static (string ClusterId, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows) AddClusterOfEveryState(LocalAwsEndpoint endpoint)
        {
            string other = SnowballStore.NewClusterId(40);
            var jobs = endpoint.Snowball.AddGeneratedCluster(other, 13).Select((job, i) => job with { Description = $"node-{i:D2}" }).ToList();
            endpoint.Snowball.AddCluster(other, jobs);
            var rows = endpoint.Snowball.Jobs(SnowballStore.SeedClusterId).Select(job => Row(SnowballStore.SeedClusterId, job))
                .Concat(jobs.Select(job => Row(other, job)))
                .ToList();
            Assert.Contains(rows, row => row["JobState"] == "WithAWSSortingFacility");
            return (other, rows);
        }

        /// <summary>Jobs of every status (the longest is DELETION_IN_PROGRESS), and one whose id is a UUID as Greengrass deployments make them.</summary>
        private static IReadOnlyList<IReadOnlyDictionary<string, string>> AddJobsOfEveryStatus(LocalAwsEndpoint endpoint)
        {
            endpoint.IoT.AddGenerated(5);
            var created = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
            endpoint.IoT.Add(new[]
            {
                new IoTJobRecord(
                    "arn:aws:iot:us-east-1:123456789012:job/0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165-70867728950e",
                    "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", "fleet-west", "SNAPSHOT", "DELETION_IN_PROGRESS",
                    created, created.AddHours(1), created.AddHours(2), false, null),
            });
            return endpoint.IoT.Jobs.Select(Row).ToList();
        }

        private static IReadOnlyDictionary<string, string> Row(string clusterId, SnowballJobRecord job) => new Dictionary<string, string>
        {
            ["JobId"] = job.JobId,
            ["JobState"] = job.JobState,
            ["Created (UTC)"] = Minute(job.CreationDate),
            ["ClusterId"] = clusterId,
            ["JobType"] = job.JobType,
            ["SnowballType"] = job.SnowballType,
            ["IsMaster"] = job.IsMaster.ToString(),
            ["Description"] = job.Description ?? string.Empty,
        };

        private static IReadOnlyDictionary<string, string> Row(IoTJobRecord job) => new Dictionary<string, string>
        {
            ["JobId"] = job.JobId,
            ["Status"] = job.Status,
            ["Created (UTC)"] = Minute(job.CreatedAt),
            ["Completed (UTC)"] = Minute(job.CompletedAt),
            ["TargetSelection"] = job.TargetSelection,
            ["ThingGroupId"] = job.ThingGroupId ?? string.Empty,
            ["LastUpdated (UTC)"] = Minute(job.LastUpdatedAt),
            ["IsConcurrent"] = job.IsConcurrent?.ToString() ?? string.Empty,
        };

        private static string Minute(DateTimeOffset? time) =>
            time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
