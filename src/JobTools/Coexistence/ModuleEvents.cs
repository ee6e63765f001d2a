using System.Management.Automation;

namespace JobTools.Coexistence
{
    /// <summary>What the engine calls on Import-Module and Remove-Module: the watch for AWS Tools' Get-IOTJob (see <see cref="NameClash"/>).</summary>
    public sealed class ModuleEvents : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <inheritdoc />
        public void OnImport() => NameClash.Watch();

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo) => NameClash.Forget();
    }
}
