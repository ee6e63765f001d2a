using System;

namespace JobTools.Vocabulary
{
    /// <summary>Names a <see cref="KnownValueSet"/> from an attribute argument (attributes take only constants).</summary>
    internal enum KnownValueKind
    {
        SnowballJobState,
        SnowballJobType,
        SnowballType,
        IoTJobStatus,
        IoTTargetSelection,
        SnowballClusterState,
    }

    /// <summary>The service enums this module filters and completes on (botocore's current models).</summary>
    internal static class KnownValues
    {
        public static readonly KnownValueSet SnowballJobState = new KnownValueSet(
            "Snowball job state",
            new KnownValue("New", "The job was just created; the device is not yet being prepared."),
            new KnownValue("PreparingAppliance", "AWS is preparing the device for the job."),
            new KnownValue("PreparingShipment", "AWS is preparing to ship the device."),
            new KnownValue("InTransitToCustomer", "The device is in transit to you."),
            new KnownValue("WithCustomer", "The device has been delivered to you."),
            new KnownValue("InTransitToAWS", "The device is in transit back to AWS."),
            new KnownValue("WithAWSSortingFacility", "The device is at an AWS sorting facility on its way back."),
            new KnownValue("WithAWS", "AWS has received the device and is processing it."),
            new KnownValue("InProgress", "Data is being transferred to or from Amazon S3."),
            new KnownValue("Complete", "The job is complete."),
            new KnownValue("Cancelled", "The job was cancelled."),
            new KnownValue("Listing", "The objects of an export job are being listed."),
            new KnownValue("Pending", "The job is waiting (for example for its cluster or an approval)."));

        public static readonly KnownValueSet SnowballJobType = new KnownValueSet(
            "Snowball job type",
            new KnownValue("IMPORT", "Data is copied onto the device and imported into Amazon S3."),
            new KnownValue("EXPORT", "Data is exported from Amazon S3 onto the device."),
            new KnownValue("LOCAL_USE", "The device is used for local compute and storage; no transfer to or from S3."));

        public static readonly KnownValueSet SnowballType = new KnownValueSet(
            "Snowball device type",
            new KnownValue("STANDARD", "The original Snowball device (50 or 80 TB)."),
            new KnownValue("EDGE", "Snowball Edge Storage Optimized (the original EDGE)."),
            new KnownValue("EDGE_C", "Snowball Edge Compute Optimized."),
            new KnownValue("EDGE_CG", "Snowball Edge Compute Optimized with GPU."),
            new KnownValue("EDGE_S", "Snowball Edge Storage Optimized (210 TB, S variant)."),
            new KnownValue("SNC1_HDD", "Snowcone with hard disk storage."),
            new KnownValue("SNC1_SSD", "Snowcone with solid-state storage."),
            new KnownValue("V3_5C", "Snowball Edge Compute Optimized, version 3 (5C)."),
            new KnownValue("V3_5S", "Snowball Edge Storage Optimized, version 3 (5S)."),
            new KnownValue("RACK_5U_C", "A rack-mountable 5U compute device."));

        public static readonly KnownValueSet IoTJobStatus = new KnownValueSet(
            "IoT job status",
            new KnownValue("IN_PROGRESS", "The job is running: its executions are being rolled out or are under way."),
            new KnownValue("CANCELED", "The job was canceled."),
            new KnownValue("COMPLETED", "All of the job's executions reached a terminal state (snapshot jobs only)."),
            new KnownValue("DELETION_IN_PROGRESS", "The job is being deleted."),
            new KnownValue("SCHEDULED", "The job is scheduled to start later (job scheduling)."));

        public static readonly KnownValueSet IoTTargetSelection = new KnownValueSet(
            "IoT target selection",
            new KnownValue("CONTINUOUS", "The job keeps running on things added to the target groups later."),
            new KnownValue("SNAPSHOT", "The job completes once it has run on the things targeted when it was created."));

        public static readonly KnownValueSet SnowballClusterState = new KnownValueSet(
            "Snowball cluster state",
            new KnownValue("AwaitingQuorum", "The cluster was created; it waits for enough of its node jobs to be ready."),
            new KnownValue("Pending", "The cluster's devices are being prepared or shipped."),
            new KnownValue("InUse", "The cluster's devices are with you and in use."),
            new KnownValue("Complete", "The cluster's devices are back with AWS and its jobs are complete."),
            new KnownValue("Cancelled", "The cluster was cancelled."));

        public static KnownValueSet For(KnownValueKind kind) => kind switch
        {
            KnownValueKind.SnowballJobState => SnowballJobState,
            KnownValueKind.SnowballJobType => SnowballJobType,
            KnownValueKind.SnowballType => SnowballType,
            KnownValueKind.IoTJobStatus => IoTJobStatus,
            KnownValueKind.IoTTargetSelection => IoTTargetSelection,
            KnownValueKind.SnowballClusterState => SnowballClusterState,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
