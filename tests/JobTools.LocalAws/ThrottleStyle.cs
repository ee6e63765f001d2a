namespace JobTools.LocalAws
{
    /// <summary>How a throttled request is answered, as each service really does it.</summary>
    public enum ThrottleStyle
    {
        /// <summary>Snowball: HTTP 400 with __type ThrottlingException.</summary>
        Snowball400,

        /// <summary>IoT: HTTP 400 with x-amzn-ErrorType ThrottlingException.</summary>
        IoT400,

        /// <summary>IoT: HTTP 429 with x-amzn-ErrorType ThrottlingException.</summary>
        IoT429WithCode,

        /// <summary>HTTP 429 with an empty body and no error type.</summary>
        IoT429NoCode,
    }
}
