namespace JobTools
{
    /// <summary>
    /// Where an object a JobTools cmdlet wrote came from: the region its request was signed for and the profile
    /// named for it. A call over several regions or profiles can then be grouped and filtered by source
    /// (Group-Object Region).
    /// </summary>
    public abstract class ListedObject
    {
        /// <summary>The region the object was listed in: the one its request was signed for.</summary>
        public string? Region { get; private set; }

        /// <summary>The profile whose credentials listed the object, when one was named (-ProfileName or $StoredAWSCredentials); null otherwise.</summary>
        public string? ProfileName { get; private set; }

        /// <summary>Records the source; called once, on the pipeline thread, before the object is written.</summary>
        internal void Stamp(string? region, string? profileName)
        {
            Region = region;
            ProfileName = profileName;
        }
    }
}
