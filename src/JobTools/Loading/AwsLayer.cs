using System;
using System.Collections.Generic;
using System.IO;
using JobTools.Services;

namespace JobTools.Loading
{
    /// <summary>
    /// Loads the AWS layer on first use (never at import: the first call, or the first Tab on -Region or -ProfileName),
    /// into its own load context.
    /// </summary>
    internal static class AwsLayer
    {
        public const string AssemblyName = "JobTools.Aws";
        private const string FactoryTypeName = "JobTools.Aws.JobServiceFactory";

        private static readonly Lazy<IJobServiceFactory> Factory = new Lazy<IJobServiceFactory>(Load);

        public static IJobService Connect(AwsSettings settings, IRetryObserver? retryObserver) => Factory.Value.Create(settings, retryObserver);

        /// <inheritdoc cref="IJobServiceFactory.Regions"/>
        public static IReadOnlyList<AwsRegion> Regions() => Factory.Value.Regions();

        /// <inheritdoc cref="IJobServiceFactory.Profiles"/>
        public static IReadOnlyList<AwsProfile> Profiles(string? profileLocation) => Factory.Value.Profiles(profileLocation);

        private static IJobServiceFactory Load()
        {
            string moduleDirectory = Path.GetDirectoryName(typeof(AwsLayer).Assembly.Location) ?? ".";
            string directory = Path.Combine(moduleDirectory, "Dependencies");
            string path = Path.Combine(directory, AssemblyName + ".dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The JobTools module is incomplete: '{path}' is missing. Reinstall the module (Install-PSResource JobTools -Reinstall) or rebuild it with 'dotnet build -c Release'.",
                    path);
            }

            var context = new DependencyLoadContext(directory);
            var assembly = context.LoadFromAssemblyPath(path);
            var type = assembly.GetType(FactoryTypeName, throwOnError: true)!;
            return (IJobServiceFactory)Activator.CreateInstance(type)!;
        }
    }
}
