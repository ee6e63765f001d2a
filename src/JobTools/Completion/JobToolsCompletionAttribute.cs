using System.Management.Automation;
using JobTools.Vocabulary;

namespace JobTools.Completion
{
    /// <summary>
    /// The one completer factory of the module's parameters, as the engine's ArgumentCompleterFactoryAttribute
    /// allows: a service enum's known values (<c>[JobToolsCompletion(KnownValueKind.IoTJobStatus)]</c>), the
    /// regions and profiles the AWS layer reads (<c>[JobToolsCompletion(AwsSettingKind.Region)]</c>), both through
    /// <see cref="KnownValueCompleter"/>; or values listed live from AWS
    /// (<c>[JobToolsCompletion(LiveSourceKind.SnowballClusterId)]</c>), through <see cref="LiveCompleter"/>.
    /// </summary>
    internal sealed class JobToolsCompletionAttribute : ArgumentCompleterFactoryAttribute
    {
        private readonly KnownValueKind? knownValue;
        private readonly AwsSettingKind? awsSetting;
        private readonly LiveSourceKind? liveSource;

        public JobToolsCompletionAttribute(KnownValueKind kind)
        {
            knownValue = kind;
        }

        public JobToolsCompletionAttribute(AwsSettingKind kind)
        {
            awsSetting = kind;
        }

        public JobToolsCompletionAttribute(LiveSourceKind kind)
        {
            liveSource = kind;
        }

        public override IArgumentCompleter Create() =>
            liveSource is LiveSourceKind live ? new LiveCompleter(LiveSource.For(live), CompletionCache.Shared)
            : awsSetting is AwsSettingKind setting ? new KnownValueCompleter(AwsSettingValues.For(setting))
            : new KnownValueCompleter((_, _) => KnownValues.For(knownValue!.Value).Values);
    }
}
