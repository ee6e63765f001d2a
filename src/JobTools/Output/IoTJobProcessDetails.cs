using System.Collections.Generic;
using System.Globalization;

namespace JobTools
{
    /// <summary>
    /// How far an IoT job has got, as DescribeJob's jobProcessDetails counts it: the things whose execution is in
    /// each state. PSTypeName: JobTools.IoTJobProcessDetails.
    /// </summary>
    public sealed class IoTJobProcessDetails
    {
        /// <summary>Creates the counters.</summary>
        public IoTJobProcessDetails(
            int? numberOfQueuedThings,
            int? numberOfInProgressThings,
            int? numberOfSucceededThings,
            int? numberOfFailedThings,
            int? numberOfRejectedThings,
            int? numberOfCanceledThings,
            int? numberOfRemovedThings,
            int? numberOfTimedOutThings,
            IReadOnlyList<string> processingTargets)
        {
            NumberOfQueuedThings = numberOfQueuedThings;
            NumberOfInProgressThings = numberOfInProgressThings;
            NumberOfSucceededThings = numberOfSucceededThings;
            NumberOfFailedThings = numberOfFailedThings;
            NumberOfRejectedThings = numberOfRejectedThings;
            NumberOfCanceledThings = numberOfCanceledThings;
            NumberOfRemovedThings = numberOfRemovedThings;
            NumberOfTimedOutThings = numberOfTimedOutThings;
            ProcessingTargets = processingTargets;
        }

        /// <summary>Things whose execution is queued.</summary>
        public int? NumberOfQueuedThings { get; }

        /// <summary>Things whose execution is in progress.</summary>
        public int? NumberOfInProgressThings { get; }

        /// <summary>Things whose execution succeeded.</summary>
        public int? NumberOfSucceededThings { get; }

        /// <summary>Things whose execution failed.</summary>
        public int? NumberOfFailedThings { get; }

        /// <summary>Things that rejected the job.</summary>
        public int? NumberOfRejectedThings { get; }

        /// <summary>Things whose execution was canceled.</summary>
        public int? NumberOfCanceledThings { get; }

        /// <summary>Things no longer targeted (removed from the target group, for example).</summary>
        public int? NumberOfRemovedThings { get; }

        /// <summary>Things whose execution timed out.</summary>
        public int? NumberOfTimedOutThings { get; }

        /// <summary>The targets (thing and thing-group ARNs) the job is still being rolled out to.</summary>
        public IReadOnlyList<string> ProcessingTargets { get; }

        /// <summary>The eight counters in one line, for example "succeeded 171, failed 15, in progress 27, queued 30, rejected 4, canceled 12, removed 2, timed out 1".</summary>
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"succeeded {NumberOfSucceededThings ?? 0}, failed {NumberOfFailedThings ?? 0}, in progress {NumberOfInProgressThings ?? 0}, queued {NumberOfQueuedThings ?? 0}, "
            + $"rejected {NumberOfRejectedThings ?? 0}, canceled {NumberOfCanceledThings ?? 0}, removed {NumberOfRemovedThings ?? 0}, timed out {NumberOfTimedOutThings ?? 0}");
    }
}
