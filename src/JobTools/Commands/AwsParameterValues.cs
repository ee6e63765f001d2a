namespace JobTools.Commands
{
    /// <summary>
    /// The common AWS parameters as given: bound on a running cmdlet, or typed on a command line that is being
    /// completed. Null means not given. Credential is a PSCredential or an AWS credentials object (see
    /// JobTools.Coexistence.AwsCredentialObject).
    /// </summary>
    internal sealed record AwsParameterValues(
        string? Region,
        string? ProfileName,
        string? ProfileLocation,
        string? AccessKey,
        string? SecretKey,
        string? SessionToken,
        object? Credential,
        string? EndpointUrl)
    {
        /// <summary>A running cmdlet's parameters for one of its sources: one of its regions and one of its profiles.</summary>
        public static AwsParameterValues Of(JobListingCmdlet cmdlet, string? region, string? profileName) => new AwsParameterValues(
            region,
            profileName,
            cmdlet.ProfileLocation,
            cmdlet.AccessKey,
            cmdlet.SecretKey,
            cmdlet.SessionToken,
            cmdlet.Credential,
            cmdlet.EndpointUrl);
    }
}
