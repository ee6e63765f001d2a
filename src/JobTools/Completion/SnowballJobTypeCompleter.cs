using JobTools.Vocabulary;

namespace JobTools.Completion
{
    /// <summary>Completes Snowball job types (-JobType).</summary>
    public sealed class SnowballJobTypeCompleter : KnownValueCompleter
    {
        /// <summary>Creates the completer.</summary>
        public SnowballJobTypeCompleter()
            : base(KnownValueKind.SnowballJobType)
        {
        }
    }
}
