using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobTools.LocalAws
{
    /// <summary>
    /// A local AWS endpoint on 127.0.0.1 speaking Snowball ListClusterJobs (awsJson1_1) and IoT ListJobs
    /// (rest-json) with SigV4 checking, opaque tokens, the services' error shapes and switchable faults.
    /// </summary>
    public sealed class LocalAwsEndpoint : IAsyncDisposable
    {
        private const string SnowballTarget = "AWSIESnowballJobManagementService.ListClusterJobs";

        private readonly WebApplication app;
        private readonly SigV4Verifier verifier;
        private readonly bool verifySignatures;
        private readonly SnowballHandler snowballHandler;
        private readonly IoTHandler iotHandler;
        private readonly ConcurrentDictionary<int, string?> tokensByPage = new();
        private int dataRequests;
        private int pages;

        private LocalAwsEndpoint(WebApplication app, LocalAwsOptions options)
        {
            this.app = app;
            verifier = new SigV4Verifier(options.Credentials);
            verifySignatures = options.VerifySignatures;
            var tokens = new PageTokens();
            snowballHandler = new SnowballHandler(Snowball, tokens);
            iotHandler = new IoTHandler(IoT, tokens);
        }

        public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

        public SnowballStore Snowball { get; } = new();

        public IoTStore IoT { get; } = new();

        public FaultPlan Faults { get; } = new();

        public RequestLog Requests { get; } = new();

        public static async Task<LocalAwsEndpoint> StartAsync(LocalAwsOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new LocalAwsOptions();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
            var app = builder.Build();
            var endpoint = new LocalAwsEndpoint(app, options);
            if (options.SeedSampleData)
            {
                endpoint.Snowball.AddSeedCluster();
            }

            app.Run(endpoint.HandleAsync);
            await app.StartAsync(cancellationToken);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            endpoint.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
            return endpoint;
        }

        public async ValueTask DisposeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            Requests.Arrive();
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            byte[] bytes = body.ToArray();
            string target = context.Request.Headers["X-Amz-Target"].FirstOrDefault() ?? string.Empty;
            (string service, string operation) = target.Length > 0
                ? ("snowball", target == SnowballTarget ? "ListClusterJobs" : target)
                : ("iot", context.Request.Method == "GET" && context.Request.Path == "/jobs" ? "ListJobs" : context.Request.Method + " " + context.Request.Path);
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();

            SignatureCheck? signature = verifySignatures ? verifier.Check(context.Request, bytes) : null;
            try
            {
                await RespondAsync(context, service, operation, bytes, signature);
            }
            finally
            {
                var headers = context.Request.Headers
                    .Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(
                        h => h.Key,
                        h => h.Key.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase) ? "<present>" : h.Value.ToString(),
                        StringComparer.OrdinalIgnoreCase);
                Requests.Add(new RecordedRequest(
                    service,
                    operation,
                    context.Request.Method,
                    context.Request.Path + context.Request.QueryString,
                    Encoding.UTF8.GetString(bytes),
                    signature?.AccessKeyId ?? Credential(context.Request),
                    signature?.Region,
                    context.Response.StatusCode,
                    headers));
            }
        }

        private async Task RespondAsync(HttpContext context, string service, string operation, byte[] body, SignatureCheck? signature)
        {
            if (signature is { Valid: false })
            {
                await AwsResponses.Error(context, service, 403, signature.ErrorCode!, signature.Message!);
                return;
            }

            if (operation != "ListClusterJobs" && operation != "ListJobs")
            {
                await AwsResponses.Error(context, service, service == "snowball" ? 400 : 404, "UnknownOperationException", $"Operation {operation} is not served by this endpoint.");
                return;
            }

            int number = Interlocked.Increment(ref dataRequests);
            var delay = Faults.Delay;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            var fault = Faults.Decide(number, service == "snowball" ? ThrottleStyle.Snowball400 : ThrottleStyle.IoT400);
            switch (fault.Kind)
            {
                case FaultKind.Throttle:
                    await Throttle(context, fault.Style!.Value);
                    return;
                case FaultKind.Unavailable:
                    await AwsResponses.Error(context, service, 503, "ServiceUnavailableException", "Service is unavailable. Try again later.");
                    return;
            }

            byte[]? page = service == "snowball"
                ? await snowballHandler.ListClusterJobs(context, body, NextTokenFor)
                : await iotHandler.ListJobs(context, NextTokenFor);
            if (page is null)
            {
                return;
            }

            string contentType = service == "snowball" ? AwsResponses.SnowballContentType : AwsResponses.IoTContentType;
            switch (fault.Kind)
            {
                case FaultKind.DropConnection:
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = contentType;
                    context.Response.ContentLength = page.Length;
                    await context.Response.Body.WriteAsync(page.AsMemory(0, page.Length / 2));
                    await context.Response.Body.FlushAsync();
                    context.Abort();
                    return;
                case FaultKind.MalformedBody:
                    await AwsResponses.Json(context, 200, contentType, page[..(page.Length / 2)]);
                    return;
                default:
                    await AwsResponses.Json(context, 200, contentType, page);
                    return;
            }
        }

        /// <summary>Records the token of each successful page and applies RepeatTokenOn.</summary>
        private string? NextTokenFor(string? issued)
        {
            int page = Interlocked.Increment(ref pages);
            string? token = Faults.RepeatedTokenSource(page) is int source && tokensByPage.TryGetValue(source, out var earlier) ? earlier : issued;
            tokensByPage[page] = token;
            return token;
        }

        private static Task Throttle(HttpContext context, ThrottleStyle style) => style switch
        {
            ThrottleStyle.Snowball400 => AwsResponses.SnowballError(context, 400, "ThrottlingException", "Rate exceeded"),
            ThrottleStyle.IoT400 => AwsResponses.IoTError(context, 400, "ThrottlingException", "Rate exceeded"),
            ThrottleStyle.IoT429WithCode => AwsResponses.IoTError(context, 429, "ThrottlingException", "Rate exceeded"),
            _ => AwsResponses.IoTError(context, 429, null, string.Empty),
        };

        private static string? Credential(HttpRequest request)
        {
            string? header = request.Headers.Authorization.FirstOrDefault();
            int start = header?.IndexOf("Credential=", StringComparison.Ordinal) ?? -1;
            if (header is null || start < 0)
            {
                return null;
            }

            start += "Credential=".Length;
            int end = header.IndexOf('/', start);
            return end > start ? header[start..end] : null;
        }
    }
}
