using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using JobTools.Commands;
using JobTools.Loading;
using JobTools.Services;

namespace JobTools.Completion
{
    /// <summary>
    /// Completes a parameter with values listed live from AWS (cluster IDs, thing group names), asked for with the
    /// region, profile, endpoint and credentials typed on the line, resolved otherwise as a real call resolves them.
    /// Values already given for the parameter are not offered again. It never hurts the prompt: it answers within <see cref="Budget"/> (from the cache, or with nothing while a
    /// slow request goes on in the background), never throws, never writes an error, and records what it did in
    /// $JobToolsCompletionDiagnostics instead.
    /// </summary>
    internal sealed class LiveCompleter : IArgumentCompleter
    {
        /// <summary>How long a Tab waits for the service; with the engine's own work, Tab answers within about 2 s.</summary>
        public static readonly TimeSpan Budget = TimeSpan.FromSeconds(1.5);

        /// <summary>Per attempt, in the background: a slow service still fills the cache for the next Tab.</summary>
        private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

        private static readonly Regex Signature = new Regex("Signature=[0-9a-fA-F]+", RegexOptions.CultureInvariant);

        private readonly LiveSource source;
        private readonly CompletionCache cache;

        public LiveCompleter(LiveSource source, CompletionCache cache)
        {
            this.source = source;
            this.cache = cache;
        }

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters)
        {
            var clock = Stopwatch.StartNew();
            string typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var results = new List<CompletionResult>();
            PSVariableIntrinsics? variables = null;
            Report report;
            try
            {
                variables = LineParameters.SessionVariables();
                report = Complete(typed, parameterName, commandAst, fakeBoundParameters, variables, clock, results);
            }
            catch (Exception ex)
            {
                results.Clear();
                report = new Report("Failed", "(not resolved)", ex.Message);
            }

            try
            {
                if (variables != null)
                {
                    CompletionDiagnostics.Record(variables, new CompletionDiagnostic(
                        DateTime.UtcNow, commandName, parameterName, typed, report.Outcome, results.Count, clock.Elapsed, report.Source, report.Message));
                }
            }
            catch (Exception)
            {
                // The diagnostics are a courtesy: nothing may reach the prompt.
            }

            return results;
        }

        private Report Complete(string typed, string parameterName, CommandAst? commandAst, IDictionary? fakeBoundParameters, PSVariableIntrinsics variables, Stopwatch clock, List<CompletionResult> results)
        {
            if (!source.TryServerFilter(typed, out string? filter, out string? reason))
            {
                return new Report("Skipped", "(nothing asked)", reason);
            }

            var parameters = LineParameters.Read(fakeBoundParameters, commandAst, variables);
            if (parameters.EndpointUrl != null && !Uri.TryCreate(parameters.EndpointUrl, UriKind.Absolute, out _))
            {
                return new Report("Skipped", "(nothing asked)", $"-EndpointUrl '{parameters.EndpointUrl}' is not an absolute URI.");
            }

            var settings = ListingSettings.From(source.Service, parameters, variables);
            settings.MaxRetries = 1;
            settings.Timeout = AttemptTimeout;
            string settingsKey = SettingsKey(settings);
            string Key(string? prefix) => $"{source.Name}\n{prefix}\n{settingsKey}";
            var answer = cache.Get(
                Key(filter),
                BroaderFilters(filter).Select(Key),
                cancellationToken => FetchAsync(settings, filter, cancellationToken),
                Budget - clock.Elapsed);

            var given = KnownValueCompleter.GivenValues(commandAst, parameterName);
            given.Remove(typed);
            foreach (var candidate in answer.Candidates?.Items ?? Array.Empty<CompletionCandidate>())
            {
                if (source.Matches(candidate, typed) && !given.Contains(candidate.Value))
                {
                    results.Add(new CompletionResult(KnownValueCompleter.Quote(candidate.Value), candidate.Value, CompletionResultType.ParameterValue, candidate.ToolTip));
                }
            }

            string? message = answer.Outcome switch
            {
                CacheOutcome.Pending => $"No answer within {Budget.TotalSeconds:0.#} s: the request goes on in the background, and the next Tab uses its answer.",
                CacheOutcome.Refreshing when answer.Error != null => $"Values from {answer.Age.TotalSeconds:F0} s ago; the last refresh failed: {answer.Error}",
                CacheOutcome.Failed when answer.Age > TimeSpan.Zero => $"{answer.Error} (failed {answer.Age.TotalSeconds:F0} s ago; asked again after {CompletionCache.FailureFor.TotalSeconds:F0} s)",
                CacheOutcome.Failed => answer.Error,
                _ when answer.Candidates is { Complete: false } => $"Only the first pages were read: type more of the value to narrow it.",
                _ => null,
            };
            return new Report(answer.Outcome.ToString(), answer.Source ?? Describe(settings), message is null ? null : Redact(message, settings));
        }

        /// <summary>Runs on the thread pool (see <see cref="CompletionCache"/>): loading the AWS layer is part of the wait.</summary>
        private async Task<FetchResult> FetchAsync(AwsSettings settings, string? filter, CancellationToken cancellationToken)
        {
            using var service = AwsLayer.Connect(settings, retryObserver: null);
            try
            {
                var candidates = await source.FetchAsync(service, filter, cancellationToken).ConfigureAwait(false);
                return new FetchResult(candidates, null, Describe(service.Connection));
            }
            catch (JobToolsServiceException ex)
            {
                return new FetchResult(null, ex.Message, Describe(service.Connection));
            }
        }

        /// <summary>The shorter prefixes whose complete listing holds every value this one can match, longest first.</summary>
        private static IEnumerable<string?> BroaderFilters(string? filter)
        {
            if (filter is null)
            {
                yield break;
            }

            for (int length = filter.Length - 1; length > 0; length--)
            {
                yield return filter.Substring(0, length);
            }

            yield return null;
        }

        /// <summary>
        /// What decides the answer: the settings, and the environment the SDK reads when they leave something
        /// open. Secrets enter only as a fingerprint, so a corrected secret key is not answered from the cache.
        /// </summary>
        private string SettingsKey(AwsSettings settings)
        {
            static string? Env(string name) => Environment.GetEnvironmentVariable(name);
            return string.Join("\n", new[]
            {
                settings.EndpointUrl?.ToString(), settings.Region, settings.ProfileName, settings.ProfileLocation,
                settings.AccessKey, Fingerprint(settings.SecretKey, settings.SessionToken),
                Env("AWS_PROFILE"), Env("AWS_DEFAULT_PROFILE"), Env("AWS_REGION"), Env("AWS_DEFAULT_REGION"),
                Env("AWS_ENDPOINT_URL"), Env("AWS_ENDPOINT_URL_" + source.Service.ToString().ToUpperInvariant()),
                Env("AWS_ACCESS_KEY_ID"), Fingerprint(Env("AWS_SECRET_ACCESS_KEY"), Env("AWS_SESSION_TOKEN")),
                Env("AWS_CONFIG_FILE"), Env("AWS_SHARED_CREDENTIALS_FILE"),
            }.Select(part => part ?? string.Empty));
        }

        private static string Fingerprint(string? secret, string? token) =>
            secret is null && token is null ? string.Empty : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret + "\n" + token)), 0, 8);

        private static string Describe(AwsSettings settings)
        {
            string endpoint = settings.EndpointUrl is Uri url ? $"{url} (-EndpointUrl)" : "the region's endpoint";
            string region = settings.Region is string name ? $"{name} from {settings.RegionSource}" : "from the environment or profile";
            string credentials = settings.AccessKey != null ? settings.KeySource
                : settings.ProfileName != null ? $"profile '{settings.ProfileName}' ({settings.ProfileSource})"
                : "the default chain (environment, profile, container or instance)";
            return $"endpoint {endpoint}; region {region}; credentials: {credentials}";
        }

        private static string Describe(ResolvedConnection connection) =>
            $"endpoint {connection.Endpoint}; region {connection.SigningRegion} from {connection.RegionSource}; credentials: {connection.CredentialSource}"
            + string.Concat(connection.Warnings.Select(warning => "; warning: " + warning));

        /// <summary>
        /// Whatever a server or the SDK said (a server may quote the request back), the secrets this completion
        /// was given and any request signature never reach the diagnostics.
        /// </summary>
        private static string Redact(string message, AwsSettings settings)
        {
            foreach (string? secret in new[] { settings.SecretKey, settings.SessionToken })
            {
                if (!string.IsNullOrEmpty(secret))
                {
                    message = message.Replace(secret, "***", StringComparison.Ordinal);
                }
            }

            return Signature.Replace(message, "Signature=***");
        }

        private sealed record Report(string Outcome, string Source, string? Message);
    }
}
