using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using JobTools.LocalAws;
using JobTools.Tests.Infrastructure;

namespace JobTools.Tests.IoT
{
    /// <summary>Get-IoTJob through the hosted engine against the local endpoint.</summary>
    public sealed class IoTListingTests
    {
        public static IEnumerable<object[]> Filters() => new[]
        {
            new object[] { "-Status in_progress", "status=IN_PROGRESS" },
            new object[] { "-Status SCHEDULED", "status=SCHEDULED" },
            new object[] { "-TargetSelection snapshot", "targetSelection=SNAPSHOT" },
            new object[] { "-ThingGroupName {group}", "thingGroupName={group}" },
            new object[] { "-NamespaceId {ns}", "namespaceId={ns}" },
            new object[] { "-Status IN_PROGRESS -TargetSelection CONTINUOUS -ThingGroupName {group}", "status=IN_PROGRESS&targetSelection=CONTINUOUS&thingGroupName={group}" },
            new object[] { "-Status COMPLETED -TargetSelection SNAPSHOT -NamespaceId {ns}", "namespaceId={ns}&status=COMPLETED&targetSelection=SNAPSHOT" },
        };

        [Theory]
        [MemberData(nameof(Filters))]
        public async Task EachFilterIsSentAsItsQueryParameterAndMatchesTheServerSideResult(string parameters, string expectedQuery)
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(1200);
            string group = all.First(j => j.ThingGroupName != null).ThingGroupName!;
            string ns = all.First(j => j.NamespaceId != null).NamespaceId!;
            parameters = parameters.Replace("{group}", group).Replace("{ns}", ns);
            expectedQuery = expectedQuery.Replace("{group}", group).Replace("{ns}", ns);

            var result = local.Run($"Get-IoTJob {parameters} -MaxResults 100 @aws");

            Assert.Empty(result.Errors);
            var requests = local.Endpoint.Requests.All.Where(r => r.Operation == "ListJobs").ToList();
            Assert.Equal("/jobs?maxResults=100&" + expectedQuery, Canonical(requests[0].PathAndQuery));
            var expected = all.Where(Predicate(expectedQuery)).Select(j => j.JobId).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, result.Strings("JobId"));
            Assert.Equal(Math.Max(1, (expected.Count + 99) / 100), requests.Count);
        }

        [Fact]
        public async Task ThingGroupIdFilterIsSent()
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(300);
            string groupId = all.First(j => j.ThingGroupId != null).ThingGroupId!;

            var result = local.Run($"Get-IoTJob -ThingGroupId {groupId} @aws");

            Assert.Empty(result.Errors);
            Assert.Equal($"/jobs?maxResults=250&thingGroupId={groupId}", Canonical(local.Endpoint.Requests.All.Single().PathAndQuery));
            Assert.Equal(all.Where(j => j.ThingGroupId == groupId).Select(j => j.JobId), result.Strings("JobId"));
        }

        [Fact]
        public async Task PagingOver3000JobsWritesEachOnce()
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(3000);

            var result = local.Run("Get-IoTJob @aws");

            Assert.Empty(result.Errors);
            var ids = result.Strings("JobId").ToList();
            Assert.Equal(3000, ids.Distinct().Count());
            Assert.Equal(all.Select(j => j.JobId), ids);
            Assert.Equal(12, local.Endpoint.Requests.Count("ListJobs"));
        }

        [Fact]
        public async Task OutputCarriesExactUtcTimestampsAndNullableFields()
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(50);

            var result = local.Run("Get-IoTJob @aws");

            Assert.Equal(all.Count, result.Output.Count);
            foreach (var (record, item) in all.Zip(result.Output))
            {
                Assert.Equal("JobTools.IoTJob", item.TypeNames[0]);
                Assert.Equal(record.JobArn, item.Value<string>("JobArn"));
                Assert.Equal(record.ThingGroupId, item.Value<string?>("ThingGroupId"));
                Assert.Equal(record.Status, item.Value<string>("Status"));
                Assert.Equal(record.TargetSelection, item.Value<string>("TargetSelection"));
                Assert.Equal(record.CreatedAt.UtcDateTime, item.Value<DateTime>("CreatedAt"));
                Assert.Equal(DateTimeKind.Utc, item.Value<DateTime>("CreatedAt").Kind);
                Assert.Equal(record.LastUpdatedAt?.UtcDateTime, item.Value<DateTime?>("LastUpdatedAt"));
                Assert.Equal(record.CompletedAt?.UtcDateTime, item.Value<DateTime?>("CompletedAt"));
                Assert.Equal(record.IsConcurrent, item.Value<bool?>("IsConcurrent"));
            }

            Assert.Contains(result.Output, o => o.Value<DateTime?>("CompletedAt") is null);
            Assert.Contains(result.Output, o => o.Value<DateTime?>("CompletedAt") is not null);
        }

        [Fact]
        public async Task FirstAndSkipCountRequests()
        {
            await using var local = await EndpointSession.StartAsync();
            var all = local.Endpoint.IoT.AddGenerated(1000);

            var first = local.Run("Get-IoTJob -First 5 @aws");
            Assert.Equal(all.Take(5).Select(j => j.JobId), first.Strings("JobId"));
            Assert.Equal("/jobs?maxResults=5", Canonical(local.Endpoint.Requests.All.Single().PathAndQuery));

            local.Endpoint.Requests.Clear();
            var skipped = local.Run("Get-IoTJob -Skip 240 -First 20 @aws");
            Assert.Equal(all.Skip(240).Take(20).Select(j => j.JobId), skipped.Strings("JobId"));
            var requests = local.Endpoint.Requests.All;
            Assert.Equal(new[] { "250", "10" }, requests.Select(r => QueryValue(r.PathAndQuery, "maxResults")));
            Assert.Null(QueryValue(requests[0].PathAndQuery, "nextToken"));
            Assert.NotNull(QueryValue(requests[1].PathAndQuery, "nextToken"));
        }

        [Fact]
        public async Task ThingGroupNameAndIdTogetherAreRejected()
        {
            await using var local = await EndpointSession.StartAsync();

            var result = local.Run("Get-IoTJob -ThingGroupName a -ThingGroupId b @aws");

            Assert.Equal("ThingGroupNameAndId,JobTools.Commands.GetIoTJobCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
            Assert.Empty(local.Endpoint.Requests.All);
        }

        [Fact]
        public async Task TokenFromAnotherFilterSetIsAnInvalidArgumentError()
        {
            await using var local = await EndpointSession.StartAsync();
            local.Endpoint.IoT.AddGenerated(600);

            var first = local.Run("Get-IoTJob -NoAutoIteration -InformationVariable next @aws; $next[-1].MessageData");
            string token = (string)first.Output.Last().BaseObject;
            var result = local.Run("Get-IoTJob -Status IN_PROGRESS -NextToken $token @aws", new() { ["token"] = token });

            var error = Assert.Single(result.Errors);
            Assert.Equal("InvalidRequestException,JobTools.Commands.GetIoTJobCommand", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        }


        /// <summary>The path with its query parameters in sorted order, unescaped.</summary>
        internal static string Canonical(string pathAndQuery)
        {
            var parts = pathAndQuery.Split('?', 2);
            if (parts.Length == 1)
            {
                return parts[0];
            }

            var query = parts[1].Split('&').Select(Uri.UnescapeDataString).OrderBy(p => p, StringComparer.Ordinal);
            return parts[0] + "?" + string.Join("&", query);
        }

        internal static string? QueryValue(string pathAndQuery, string name) =>
            pathAndQuery.Split('?', 2).Skip(1).SelectMany(q => q.Split('&'))
                .Select(p => p.Split('=', 2))
                .Where(p => p[0] == name)
                .Select(p => Uri.UnescapeDataString(p[1]))
                .FirstOrDefault();

        private static Func<IoTJobRecord, bool> Predicate(string query)
        {
            var pairs = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
            return job =>
                (!pairs.TryGetValue("status", out var s) || job.Status == s)
                && (!pairs.TryGetValue("targetSelection", out var t) || job.TargetSelection == t)
                && (!pairs.TryGetValue("thingGroupName", out var g) || job.ThingGroupName == g)
                && (!pairs.TryGetValue("namespaceId", out var n) || job.NamespaceId == n);
        }
    }
}
