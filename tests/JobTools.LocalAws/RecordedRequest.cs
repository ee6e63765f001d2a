using System.Collections.Generic;

namespace JobTools.LocalAws
{
    /// <summary>One request as the endpoint saw it. Authorization and any session token are never recorded.</summary>
    public sealed record RecordedRequest(
        string Service,
        string Operation,
        string Method,
        string PathAndQuery,
        string Body,
        string? AccessKeyId,
        string? SigningRegion,
        int StatusCode,
        IReadOnlyDictionary<string, string> Headers);
}
