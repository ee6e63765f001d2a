using System;
using System.Collections.Generic;
using System.Linq;

namespace JobTools.LocalAws
{
    /// <summary>
    /// The IoT jobs and thing groups the endpoint serves; listing order is insertion order. The thing groups that
    /// generated jobs target exist as thing groups too. The ARNs it makes name <see cref="Region"/> and
    /// <see cref="AccountId"/>. Thread-safe.
    /// </summary>
    public sealed class IoTStore
    {
        public const string DefaultRegion = "us-east-1";
        public const string DefaultAccountId = "123456789012";

        /// <summary>The name prefixes of generated thing groups, in turn: both cases, and each character a name may hold.</summary>
        private static readonly string[] GroupPrefixes = { "fleet-", "lab:", "edge_", "Fleet-", "plant-" };

        private static readonly (string Name, string Id)[] Groups =
        {
            ("fleet-east", "4f1c2a9e-0b7d-4c52-9a61-1e2f3a4b5c6d"),
            ("fleet-west", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"),
            ("lab:sensors", "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a"),
            ("edge_gateways", "11111111-2222-4333-8444-555555555555"),
        };

        private readonly object gate = new();
        private readonly List<IoTJobRecord> jobs = new();
        private readonly List<ThingGroupRecord> thingGroups = new();
        private readonly string jobIdPrefix;

        /// <param name="region">
        /// The region whose own data the store holds: its ARNs name it and its generated job ids start with it.
        /// Null for the endpoint's default store: us-east-1 ARNs and job ids without a region.
        /// </param>
        /// <param name="accountId">The account its ARNs name.</param>
        public IoTStore(string? region = null, string accountId = DefaultAccountId)
        {
            Region = region ?? DefaultRegion;
            AccountId = accountId;
            jobIdPrefix = region is null ? string.Empty : region + "-";
        }

        /// <summary>The region its ARNs name.</summary>
        public string Region { get; }

        /// <summary>The account its ARNs name.</summary>
        public string AccountId { get; }

        /// <summary>A snapshot of the jobs in listing order.</summary>
        public IReadOnlyList<IoTJobRecord> Jobs
        {
            get
            {
                lock (gate)
                {
                    return jobs.ToList();
                }
            }
        }

        /// <summary>A snapshot of the thing groups in listing order.</summary>
        public IReadOnlyList<ThingGroupRecord> ThingGroups
        {
            get
            {
                lock (gate)
                {
                    return thingGroups.ToList();
                }
            }
        }

        /// <summary>Adds thing groups by name (a name already there is left as it is); returns those added.</summary>
        public IReadOnlyList<ThingGroupRecord> AddThingGroups(IEnumerable<string> names)
        {
            var added = new List<ThingGroupRecord>();
            lock (gate)
            {
                foreach (string name in names)
                {
                    if (!thingGroups.Any(g => g.GroupName == name))
                    {
                        var group = new ThingGroupRecord(name, Arn($"thinggroup/{name}"));
                        thingGroups.Add(group);
                        added.Add(group);
                    }
                }
            }

            return added;
        }

        /// <summary>
        /// Adds <paramref name="count"/> thing groups named by the prefixes in turn and a number, for example
        /// fleet-0000, lab:0001, edge_0002, Fleet-0003, plant-0004; returns those added.
        /// </summary>
        public IReadOnlyList<ThingGroupRecord> AddGeneratedThingGroups(int count) =>
            AddThingGroups(Enumerable.Range(0, count).Select(i => $"{GroupPrefixes[i % GroupPrefixes.Length]}{i:D4}"));

        public void Add(IEnumerable<IoTJobRecord> records)
        {
            var added = records.ToList();
            lock (gate)
            {
                jobs.AddRange(added);
            }
        }

        /// <summary>The job with its id, or null.</summary>
        public IoTJobRecord? Find(string jobId)
        {
            lock (gate)
            {
                return jobs.Find(j => j.JobId == jobId);
            }
        }

        /// <summary>
        /// Appends deterministic jobs (the same for the same seed and store size; between regions only ids and ARNs differ):
        /// the first cover every status, the rest are random; four in five are in one of four thing groups, every sixth
        /// is in the "AWS" namespace, every fourth has no isConcurrent, only completed or canceled jobs have completedAt;
        /// timestamps have milliseconds. Each also has what DescribeJob adds (see <see cref="WithDetails"/>).
        /// Ids are job-{seed}-{index:D6} in the default store; in a region's own store they start with the region
        /// (eu-west-1-job-1-000000).
        /// </summary>
        public IReadOnlyList<IoTJobRecord> AddGenerated(int count, int seed = 1)
        {
            var random = new Random(seed);
            var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
            var generated = new List<IoTJobRecord>(count);
            lock (gate)
            {
                int first = jobs.Count;
                for (int i = 0; i < count; i++)
                {
                    var statuses = ServiceEnums.IoTJobStatuses;
                    string status = statuses[i < statuses.Count ? i : random.Next(statuses.Count)];
                    var group = random.Next(5) == 0 ? ((string Name, string Id)?)null : Groups[random.Next(Groups.Length)];
                    var created = start.AddMinutes((first + i) * 3).AddMilliseconds(random.Next(1000));
                    var updated = created.AddSeconds(random.Next(1, 5000)).AddMilliseconds(random.Next(1000));
                    string jobId = $"{jobIdPrefix}job-{seed}-{first + i:D6}";
                    generated.Add(WithDetails(new IoTJobRecord(
                        Arn($"job/{jobId}"),
                        jobId,
                        group?.Id,
                        group?.Name,
                        random.Next(3) == 0 ? "SNAPSHOT" : "CONTINUOUS",
                        status,
                        created,
                        updated,
                        status is "COMPLETED" or "CANCELED" ? updated : null,
                        i % 4 == 1 ? null : random.Next(2) == 0,
                        i % 6 == 2 ? "AWS" : null), seed, first + i));
                }

                jobs.AddRange(generated);
            }

            AddThingGroups(generated.Where(j => j.ThingGroupName != null).Select(j => j.ThingGroupName!).Distinct());
            return generated;
        }

        /// <summary>
        /// What DescribeJob adds, drawn from a generator of the job's own (so the summaries stay those of the seed):
        /// a thing-group or thing target, a description for two in three, a document source for every other job,
        /// a template for every fifth, a comment, reason code and forceCanceled for canceled jobs, and counters
        /// with the targets still processing for jobs in progress.
        /// </summary>
        private IoTJobRecord WithDetails(IoTJobRecord job, int seed, int index)
        {
            var random = new Random((seed * 1_000_003) + index);
            string target = Arn(job.ThingGroupName is string group ? $"thinggroup/{group}" : $"thing/thing-{index:D6}");
            bool canceled = job.Status == "CANCELED";
            return job with
            {
                Description = index % 3 == 2 ? null : $"Firmware {1 + (index % 7)}.{index % 10} rollout",
                Targets = new ValueList<string>(new[] { target }),
                Comment = canceled ? "Canceled by the operator: the firmware failed on the pilot devices." : null,
                ReasonCode = canceled ? "PILOT_FAILED" : null,
                ForceCanceled = canceled ? random.Next(2) == 0 : null,
                JobTemplateArn = index % 5 == 0 ? Arn("jobtemplate/firmware-rollout") : null,
                DocumentSource = index % 2 == 0 ? $"https://s3.amazonaws.com/jobtools-documents/{job.JobId}.json" : null,
                Progress = new IoTJobProgress(
                    random.Next(50),
                    random.Next(50),
                    random.Next(500),
                    random.Next(20),
                    random.Next(5),
                    canceled ? random.Next(1, 30) : 0,
                    random.Next(3),
                    random.Next(10),
                    new ValueList<string>(job.Status == "IN_PROGRESS" ? new[] { target } : Array.Empty<string>())),
            };
        }

        private string Arn(string resource) => $"arn:aws:iot:{Region}:{AccountId}:{resource}";
    }
}
