using System;
using System.IO;
using System.Text.RegularExpressions;

namespace JobTools.Hosting
{
    /// <summary>Finds the repository and the built module the tests import.</summary>
    public static class Repository
    {
        public static string Root { get; } = FindRoot();

        public static string ModuleVersion { get; } =
            Regex.Match(File.ReadAllText(Path.Combine(Root, "JobTools.psd1")), @"ModuleVersion\s*=\s*'([0-9.]+)'").Groups[1].Value;

        public static string ModuleDirectory => Path.Combine(Root, "out", "JobTools", ModuleVersion);

        public static string ModuleManifest => Path.Combine(ModuleDirectory, "JobTools.psd1");

        private static string FindRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "JobTools.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("JobTools.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
