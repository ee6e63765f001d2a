using JobTools.Vocabulary;

namespace JobTools.Completion
{
    /// <summary>Completes IoT target selections (-TargetSelection).</summary>
    public sealed class IoTTargetSelectionCompleter : KnownValueCompleter
    {
        /// <summary>Creates the completer.</summary>
        public IoTTargetSelectionCompleter()
            : base(KnownValueKind.IoTTargetSelection)
        {
        }
    }
}
