namespace JobTools.LocalAws
{
    internal enum FaultKind
    {
        None,
        Throttle,
        Unavailable,
        DropConnection,
        MalformedBody,
    }
}
