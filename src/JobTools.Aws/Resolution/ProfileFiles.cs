using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Amazon;
using Amazon.Runtime.CredentialManagement;
using JobTools.Services;

namespace JobTools.Aws.Resolution
{
    /// <summary>
    /// The shared config and credentials files (or the -ProfileLocation file) of one call, read through one
    /// profile store chain. A file that cannot be parsed is described by line number and what is wrong, never by
    /// its content (a broken line is often a secret): <see cref="Problem"/> holds that description, lookups the
    /// call can do without just come back empty, and <see cref="Require"/> turns it into the call's error.
    /// </summary>
    internal sealed class ProfileFiles
    {
        private static readonly Regex LineNumber = new Regex(@"^Line (?<line>\d+)\b", RegexOptions.CultureInvariant);
        private readonly CredentialProfileStoreChain chain;
        private readonly Dictionary<string, CredentialProfile?> found = new Dictionary<string, CredentialProfile?>(StringComparer.Ordinal);
        private readonly string? location;

        public ProfileFiles(string? location)
        {
            this.location = string.IsNullOrEmpty(location) ? null : location;
            chain = new CredentialProfileStoreChain(this.location);
        }

        /// <summary>Where profiles are read from, for messages.</summary>
        public string Description => location is null ? "the shared credentials and config files" : $"'{location}'";

        /// <summary>Why the files could not be read, once a lookup failed; never their content.</summary>
        public string? Problem { get; private set; }

        /// <summary>The profile, or null when it is absent or the files cannot be read (see <see cref="Problem"/>).</summary>
        public CredentialProfile? Find(string name)
        {
            if (found.TryGetValue(name, out var known))
            {
                return known;
            }

            CredentialProfile? profile = null;
            if (Problem is null)
            {
                try
                {
                    profile = chain.TryGetProfile(name, out var read) ? read : null;
                }
                catch (Exception ex) when (ex is InvalidDataException || ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
                {
                    Problem = Describe(ex);
                }
            }

            found[name] = profile;
            return profile;
        }

        /// <summary>Fails the call when the files it needs for <paramref name="purpose"/> could not be read.</summary>
        public void Require(string purpose)
        {
            if (Problem != null)
            {
                throw new JobToolsServiceException($"{Problem} It is needed for {purpose}.", AwsErrorKind.Configuration);
            }
        }

        private string Describe(Exception exception)
        {
            string file = WhichFile(exception.Message);
            var line = LineNumber.Match(exception.Message);
            if (exception is InvalidDataException && line.Success)
            {
                return $"Line {line.Groups["line"].Value} of {file} is not a [section] header, a 'name = value' setting or a comment; fix or remove that line (it is not shown here, as it may hold a secret).";
            }

            return exception is UnauthorizedAccessException
                ? $"{file} could not be read: access is denied."
                : $"{file} could not be read ({exception.GetType().Name}); check that it is an AWS config or credentials file.";
        }

        /// <summary>Names the file the SDK's message is about, from the paths this call reads, without quoting the message.</summary>
        private string WhichFile(string message)
        {
            var candidates = new List<string?> { location, SharedCredentialsFile.DefaultFilePath, SharedCredentialsFile.DefaultConfigFilePath, AWSConfigs.AWSProfilesLocation };
            if (location != null)
            {
                candidates.Add(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(location)) ?? ".", "config"));
            }

            foreach (string? candidate in candidates)
            {
                if (!string.IsNullOrEmpty(candidate) && message.IndexOf(" " + candidate + " ", StringComparison.Ordinal) >= 0)
                {
                    return $"the file '{candidate}'";
                }
            }

            return Description;
        }
    }
}
