using System;
using System.IO;
using JobTools.Services;

namespace JobTools.Aws.Tests
{
    /// <summary>The credential order is written once, in <see cref="CredentialOrder"/>; README follows it.</summary>
    public sealed class CredentialOrderTests
    {
        [Fact]
        public void TheReadmeListsTheCredentialSourcesInTheirOrder()
        {
            string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
            int at = readme.IndexOf("Credentials, first found wins:", StringComparison.Ordinal);
            Assert.True(at >= 0, "README has no 'Credentials, first found wins:' list");
            foreach (string source in CredentialOrder.Sources)
            {
                int next = readme.IndexOf(source, at, StringComparison.Ordinal);
                Assert.True(next > at, $"README does not list '{source}' after the sources before it");
                at = next;
            }
        }

        private static string RepositoryRoot()
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
