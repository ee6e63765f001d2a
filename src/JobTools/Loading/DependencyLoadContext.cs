using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace JobTools.Loading
{
    /// <summary>
    /// Holds JobTools.Aws and the AWSSDK assemblies from Dependencies/, so that another module's AWSSDK.Core
    /// in the same session can neither replace ours nor be replaced by it.
    /// </summary>
    internal sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string directory;

        public DependencyLoadContext(string directory)
        {
            this.directory = directory;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string? name = assemblyName.Name;
            if (name == typeof(DependencyLoadContext).Assembly.GetName().Name)
            {
                // The contracts and output types must be the very ones the cmdlets use.
                return typeof(DependencyLoadContext).Assembly;
            }

            if (name is null || !(name.StartsWith("AWSSDK.", StringComparison.Ordinal) || name == AwsLayer.AssemblyName))
            {
                return null;
            }

            string path = Path.Combine(directory, name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
