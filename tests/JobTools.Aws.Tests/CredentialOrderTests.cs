using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using JobTools.Services;

namespace JobTools.Aws.Tests
{
    /// <summary>
    /// The credential order is written once, in <see cref="CredentialOrder"/>; README, the help's notes and
    /// about_JobTools follow it.
    /// </summary>
    public sealed class CredentialOrderTests
    {
        /// <summary>What a text that restates the order names for each source, in the words help and about_JobTools use.</summary>
        private static readonly Dictionary<string, string> Marks = new()
        {
            ["-AccessKey and -SecretKey (with -SessionToken)"] = "-AccessKey",
            ["-ProfileName (with -ProfileLocation)"] = "-ProfileName",
            ["-Credential"] = "-Credential",
            ["$StoredAWSCredentials"] = "$StoredAWSCredentials",
            ["the AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN environment variables"] = "AWS_ACCESS_KEY_ID",
            ["the AWS_PROFILE profile"] = "AWS_PROFILE",
            ["the default profile"] = "default profile",
            ["web identity, container and instance credentials"] = "web identity",
        };

        [Fact]
        public void TheReadmeListsTheCredentialSourcesInTheirOrder()
        {
            string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
            int at = readme.IndexOf("Credentials, first found wins:", StringComparison.Ordinal);
            Assert.True(at >= 0, "README has no 'Credentials, first found wins:' list");
            AssertInOrder(readme, at, CredentialOrder.Sources, "README");
        }

        [Fact]
        public void TheHelpNotesAndAboutJobToolsNameTheSourcesInTheirOrder()
        {
            Assert.Equal(CredentialOrder.Sources.OrderBy(s => s, StringComparer.Ordinal), Marks.Keys.OrderBy(s => s, StringComparer.Ordinal));
            var marks = CredentialOrder.Sources.Select(source => Marks[source]).ToList();
            string help = File.ReadAllText(Path.Combine(RepositoryRoot(), "en-US", "JobTools.dll-Help.xml"));
            var notes = Regex.Matches(help, "<maml:para>Credentials are taken from the first of these that is given:(.*?)</maml:para>", RegexOptions.Singleline);
            Assert.Equal(2, notes.Count);
            foreach (Match note in notes)
            {
                AssertInOrder(note.Groups[1].Value, 0, marks, "a help note");
            }

            string about = File.ReadAllText(Path.Combine(RepositoryRoot(), "en-US", "about_JobTools.help.txt"));
            int section = about.IndexOf("\nCREDENTIALS\n", StringComparison.Ordinal);
            Assert.True(section >= 0, "about_JobTools has no CREDENTIALS section");
            AssertInOrder(about, section, marks, "about_JobTools");
        }

        private static void AssertInOrder(string text, int at, IEnumerable<string> names, string where)
        {
            foreach (string name in names)
            {
                int next = text.IndexOf(name, at, StringComparison.Ordinal);
                Assert.True(next >= at, $"{where} does not name '{name}' after the sources before it");
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
