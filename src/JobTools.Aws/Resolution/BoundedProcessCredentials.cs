using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using JobTools.Services;

namespace JobTools.Aws.Resolution
{
    /// <summary>
    /// A profile's credential_process, run as AWSSDK.Core runs it (through the shell) but bounded: a process
    /// that has not answered within the call's timeout, or whose call was stopped, is killed with its children,
    /// and the call fails naming the profile. AWSSDK.Core's own version waits for the process forever.
    /// </summary>
    internal sealed class BoundedProcessCredentials : RefreshingAWSCredentials
    {
        private readonly string command;
        private readonly string profileName;
        private readonly TimeSpan timeout;
        private readonly CancellationTokenSource stopped = new CancellationTokenSource();

        public BoundedProcessCredentials(string command, string profileName, TimeSpan timeout)
        {
            this.command = command.Trim();
            this.profileName = profileName;
            this.timeout = timeout;
            PreemptExpiryTime = TimeSpan.FromMinutes(15);
        }

        /// <summary>Kills a process still running: the call is over.</summary>
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                stopped.Cancel();
                stopped.Dispose();
            }

            base.Dispose(disposing);
        }

        protected override CredentialsRefreshState GenerateNewCredentials() =>
            GenerateNewCredentialsAsync().GetAwaiter().GetResult();

        protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
        {
            bool windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
            var start = new ProcessStartInfo
            {
                FileName = windows ? "cmd.exe" : "sh",
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            start.ArgumentList.Add(windows ? "/c" : "-c");
            start.ArgumentList.Add(command);
            using var process = Process.Start(start) ?? throw Failed("could not be started");
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(stopped.Token);
            bound.CancelAfter(timeout);
            var output = process.StandardOutput.ReadToEndAsync(bound.Token);
            var errors = process.StandardError.ReadToEndAsync(bound.Token);
            try
            {
                await process.WaitForExitAsync(bound.Token).ConfigureAwait(false);
                await Task.WhenAll(output, errors).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw Failed(stopped.IsCancellationRequested
                    ? "was stopped before it answered"
                    : $"did not answer within {timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s (-TimeoutSec) and was ended");
            }

            if (process.ExitCode != 0)
            {
                throw Failed($"exited with code {process.ExitCode}");
            }

            return Parse(output.Result);
        }

        private CredentialsRefreshState Parse(string json)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (!root.TryGetProperty("Version", out var version) || version.GetInt32() != 1)
                {
                    throw Failed("printed no \"Version\": 1");
                }

                string? accessKey = root.TryGetProperty("AccessKeyId", out var a) ? a.GetString() : null;
                string? secretKey = root.TryGetProperty("SecretAccessKey", out var s) ? s.GetString() : null;
                string? token = root.TryGetProperty("SessionToken", out var t) ? t.GetString() : null;
                if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
                {
                    throw Failed("printed no AccessKeyId and SecretAccessKey");
                }

                var expiration = root.TryGetProperty("Expiration", out var e) && e.ValueKind == JsonValueKind.String
                    ? e.GetDateTime().ToUniversalTime()
                    : DateTime.MaxValue;
                var keys = string.IsNullOrEmpty(token) ? new ImmutableCredentials(accessKey, secretKey, null) : new ImmutableCredentials(accessKey, secretKey, token);
                return new CredentialsRefreshState(keys, expiration);
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is FormatException)
            {
                throw Failed("printed something other than the credential JSON");
            }
        }

        private JobToolsServiceException Failed(string what) => new JobToolsServiceException(
            $"The credential_process of profile '{profileName}' {what}. Run it by hand to check it, or use other credentials.",
            AwsErrorKind.Authentication);
    }
}
