using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using JobTools.LocalAws;

namespace JobTools.Tests.Infrastructure
{
    /// <summary>
    /// What most cmdlet tests start from: a fresh local endpoint, and an engine session with the module imported
    /// whose scripts get <c>@aws</c> pointing at that endpoint. One per test, so each test counts only its own
    /// requests. The session is created on first use, after the test has filled the endpoint.
    /// </summary>
    internal sealed class EndpointSession : IAsyncDisposable
    {
        private PowerShellSession? session;

        private EndpointSession(LocalAwsEndpoint endpoint)
        {
            Endpoint = endpoint;
        }

        public LocalAwsEndpoint Endpoint { get; }

        public PowerShellSession Session => session ??= PowerShellSession.Create();

        public static async Task<EndpointSession> StartAsync(LocalAwsOptions? options = null) =>
            new(await LocalAwsEndpoint.StartAsync(options));

        /// <summary>Runs a script with <c>$aws</c> (the endpoint's parameters, for splatting) and any other variables.</summary>
        public ScriptResult Run(string script, Dictionary<string, object?>? variables = null)
        {
            var all = EndpointArguments.Vars(Endpoint);
            foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
            {
                all[name] = value;
            }

            return Session.Run(script, all);
        }

        public async ValueTask DisposeAsync()
        {
            session?.Dispose();
            await Endpoint.DisposeAsync();
        }
    }
}
