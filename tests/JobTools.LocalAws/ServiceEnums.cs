using System.Collections.Generic;

namespace JobTools.LocalAws
{
    /// <summary>The enum values of the current botocore models (snowball 2016-06-30, iot 2015-05-28).</summary>
    internal static class ServiceEnums
    {
        public static readonly IReadOnlyList<string> JobStates = new[]
        {
            "New", "PreparingAppliance", "PreparingShipment", "InTransitToCustomer", "WithCustomer", "InTransitToAWS",
            "WithAWSSortingFacility", "WithAWS", "InProgress", "Complete", "Cancelled", "Listing", "Pending",
        };

        public static readonly IReadOnlyList<string> ClusterStates = new[] { "AwaitingQuorum", "Pending", "InUse", "Complete", "Cancelled" };

        public static readonly IReadOnlyList<string> JobTypes = new[] { "IMPORT", "EXPORT", "LOCAL_USE" };

        public static readonly IReadOnlyList<string> SnowballTypes = new[]
        {
            "STANDARD", "EDGE", "EDGE_C", "EDGE_CG", "EDGE_S", "SNC1_HDD", "SNC1_SSD", "V3_5C", "V3_5S", "RACK_5U_C",
        };

        public static readonly IReadOnlyList<string> IoTJobStatuses = new[] { "IN_PROGRESS", "CANCELED", "COMPLETED", "DELETION_IN_PROGRESS", "SCHEDULED" };

        public static readonly IReadOnlyList<string> TargetSelections = new[] { "CONTINUOUS", "SNAPSHOT" };
    }
}
