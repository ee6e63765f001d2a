namespace JobTools.LocalAws
{
    /// <summary>The outcome of checking a request's SigV4 signature: passed, or the error code and message to refuse it with.</summary>
    internal sealed record SignatureCheck(bool Valid, string? ErrorCode, string? Message)
    {
        public static readonly SignatureCheck Passed = new(true, null, null);

        /// <summary>The refusal of an access key the service does not know, and of any request for a region the account has not enabled.</summary>
        public static readonly SignatureCheck UnrecognizedClient = Fail("UnrecognizedClientException", "The security token included in the request is invalid.");

        public static SignatureCheck Fail(string code, string message) => new(false, code, message);
    }
}
