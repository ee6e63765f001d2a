using System.Management.Automation;

namespace JobTools.Completion
{
    /// <summary>Names a <see cref="LiveSource"/> from an attribute argument (attributes take only constants).</summary>
    internal enum LiveSourceKind
    {
        SnowballClusterId,
        IoTThingGroupName,
    }

    /// <summary>Completes a parameter with values listed live from AWS: <c>[LiveCompletion(LiveSourceKind.SnowballClusterId)]</c>.</summary>
    internal sealed class LiveCompletionAttribute : ArgumentCompleterFactoryAttribute
    {
        private readonly LiveSourceKind kind;

        public LiveCompletionAttribute(LiveSourceKind kind)
        {
            this.kind = kind;
        }

        public override IArgumentCompleter Create() => new LiveCompleter(LiveSource.For(kind), CompletionCache.Shared);
    }
}
