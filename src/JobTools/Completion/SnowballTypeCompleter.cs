using JobTools.Vocabulary;

namespace JobTools.Completion
{
    /// <summary>Completes Snowball device types (-SnowballType).</summary>
    public sealed class SnowballTypeCompleter : KnownValueCompleter
    {
        /// <summary>Creates the completer.</summary>
        public SnowballTypeCompleter()
            : base(KnownValueKind.SnowballType)
        {
        }
    }
}
