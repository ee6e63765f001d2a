namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Lets the compiler emit init-only setters (records) for netstandard2.0, which lacks this marker type;
    /// newer frameworks define it themselves.
    /// </summary>
    internal static class IsExternalInit
    {
    }
}
