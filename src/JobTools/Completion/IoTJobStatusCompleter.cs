using JobTools.Vocabulary;

namespace JobTools.Completion
{
    /// <summary>Completes IoT job statuses (-Status).</summary>
    public sealed class IoTJobStatusCompleter : KnownValueCompleter
    {
        /// <summary>Creates the completer.</summary>
        public IoTJobStatusCompleter()
            : base(KnownValueKind.IoTJobStatus)
        {
        }
    }
}
