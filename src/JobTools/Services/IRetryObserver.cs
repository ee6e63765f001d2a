namespace JobTools.Services
{
    /// <summary>Hears each retry as it is decided. Called on whatever thread runs the request.</summary>
    internal interface IRetryObserver
    {
        void Retrying(RetryNotice notice);
    }
}
