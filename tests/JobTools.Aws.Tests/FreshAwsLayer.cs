using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using JobTools.Services;

namespace JobTools.Aws.Tests
{
    /// <summary>
    /// A new copy of the AWS layer and AWSSDK.Core in a load context of its own, as the module loads them: its
    /// static state (the SDK's cached configuration, its file paths) starts empty, as in a new session.
    /// </summary>
    internal sealed class FreshAwsLayer : AssemblyLoadContext
    {
        private readonly string directory = AppContext.BaseDirectory;

        public FreshAwsLayer()
            : base("fresh AWS layer " + Guid.NewGuid())
        {
        }

        public IJobServiceFactory Factory =>
            (IJobServiceFactory)Activator.CreateInstance(LoadFromAssemblyPath(Path.Combine(directory, "JobTools.Aws.dll")).GetType("JobTools.Aws.JobServiceFactory", throwOnError: true)!)!;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string? name = assemblyName.Name;
            if (name == typeof(AwsSettings).Assembly.GetName().Name)
            {
                return typeof(AwsSettings).Assembly;
            }

            return name != null && (name == "JobTools.Aws" || name.StartsWith("AWSSDK.", StringComparison.Ordinal))
                ? LoadFromAssemblyPath(Path.Combine(directory, name + ".dll"))
                : null;
        }
    }
}
