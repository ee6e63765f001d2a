using System;
using System.Collections.Generic;

namespace JobTools.Filtering
{
    /// <summary>The client-side filters of Get-SnowballClusterJob; a null or empty list lets everything through.</summary>
    internal sealed class SnowballJobFilter
    {
        private readonly HashSet<string>? states;
        private readonly HashSet<string>? types;
        private readonly HashSet<string>? devices;

        public SnowballJobFilter(string[]? states, string[]? types, string[]? devices)
        {
            this.states = Set(states);
            this.types = Set(types);
            this.devices = Set(devices);
        }

        public bool IsActive => states != null || types != null || devices != null;

        public bool Matches(SnowballClusterJob job) =>
            In(states, job.JobState) && In(types, job.JobType) && In(devices, job.SnowballType);

        private static bool In(HashSet<string>? set, string? value) => set is null || (value != null && set.Contains(value));

        private static HashSet<string>? Set(string[]? values) =>
            values is null || values.Length == 0 ? null : new HashSet<string>(values, StringComparer.Ordinal);
    }
}
