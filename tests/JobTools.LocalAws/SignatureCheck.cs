namespace JobTools.LocalAws
{
    /// <summary>The outcome of checking a request's SigV4 signature.</summary>
    internal sealed record SignatureCheck(bool Valid, string? ErrorCode, string? Message, string? AccessKeyId, string? Region, string? Service)
    {
        public static SignatureCheck Fail(string code, string message, string? accessKeyId = null) => new(false, code, message, accessKeyId, null, null);
    }
}
