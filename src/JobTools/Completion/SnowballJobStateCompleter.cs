using JobTools.Vocabulary;

namespace JobTools.Completion
{
    /// <summary>Completes Snowball job states (-JobState).</summary>
    public sealed class SnowballJobStateCompleter : KnownValueCompleter
    {
        /// <summary>Creates the completer.</summary>
        public SnowballJobStateCompleter()
            : base(KnownValueKind.SnowballJobState)
        {
        }
    }
}
