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
        public static AwsParameterValues Of(JobListingCmdlet cmdlet) => new AwsParameterValues(
            cmdlet.Region,
            cmdlet.ProfileName,
            cmdlet.ProfileLocation,
            cmdlet.AccessKey,
            cmdlet.SecretKey,
            cmdlet.SessionToken,
            cmdlet.Credential,
            cmdlet.EndpointUrl);
    }
}
