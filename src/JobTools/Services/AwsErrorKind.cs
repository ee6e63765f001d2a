namespace JobTools.Services
{
    /// <summary>What went wrong, coarse enough to choose an ErrorCategory.</summary>
    internal enum AwsErrorKind
    {
        Other,
        NotFound,
        InvalidArgument,
        Throttled,
        PermissionDenied,
        Authentication,
        Connection,
        Timeout,
        ServiceUnavailable,
        MalformedResponse,
        Configuration,
    }
}
