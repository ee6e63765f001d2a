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
    /// A local AWS endpoint on 127.0.0.1 speaking Snowball ListClusterJobs and ListClusters (awsJson1_1) and IoT
    /// ListJobs, ListThingGroups and DescribeJob (rest-json) with SigV4 checking, opaque tokens, the services' error shapes and
    /// switchable faults. Requests are served from the stores of the region they are signed for (see <see cref="InRegion"/>).
    /// </summary>
    public sealed class LocalAwsEndpoint : IAsyncDisposable
    {
        private const string SnowballTargetPrefix = "AWSIESnowballJobManagementService.";
        private static readonly TimeSpan DropGracePeriod = TimeSpan.FromMilliseconds(50);

        private readonly WebApplication app;
        private readonly SigV4Verifier verifier;
        private readonly bool verifySignatures;
        private readonly bool controlRoute;
        private readonly StsHandler stsHandler;
        private readonly PageTokens tokens = new();
        private readonly RegionStores defaults = new(region: null);
        private readonly ConcurrentDictionary<string, RegionStores> regions = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<int, string?> tokensByPage = new();
        private readonly CancellationTokenSource stopping = new();
        private int dataRequests;
        private int pages;

        private LocalAwsEndpoint(WebApplication app, LocalAwsOptions options)
        {
            this.app = app;
            var credentials = new ConcurrentDictionary<string, string>(options.Credentials);
            verifier = new SigV4Verifier(credentials);
            stsHandler = new StsHandler(credentials);
            verifySignatures = options.VerifySignatures;
            controlRoute = options.ControlRoute;
        }

        public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

        /// <summary>The default Snowball store: it serves every region that has no stores of its own (see <see cref="InRegion"/>).</summary>
        public SnowballStore Snowball => defaults.Snowball;

        /// <summary>The default IoT store: it serves every region that has no stores of its own (see <see cref="InRegion"/>).</summary>
        public IoTStore IoT => defaults.IoT;

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
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch
            {
                await endpoint.DisposeAsync();
                throw;
            }

            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            endpoint.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
            return endpoint;
        }

        /// <summary>
        /// The stores of <paramref name="region"/>'s own, made empty on first use (the same ones on every call, from any
        /// thread): from then on they, not the default ones, serve the requests signed for that region.
        /// </summary>
        public RegionStores InRegion(string region) => regions.GetOrAdd(region, r => new RegionStores(r));

        public async ValueTask DisposeAsync()
        {
            stopping.Cancel();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
            stopping.Dispose();
        }

        private async Task HandleAsync(HttpContext context)
        {
            if (controlRoute && context.Request.Method == "GET" && context.Request.Path == "/_localaws/requests")
            {
                object counts = context.Request.Query["by"] == "region" ? Requests.CountsByRegion() : Requests.Counts();
                await context.Response.WriteAsJsonAsync(counts, context.RequestAborted);
                return;
            }

            Requests.Arrive();
            Requests.Enter();
            try
            {
                await HandleArrivedAsync(context);
            }
            finally
            {
                Requests.Leave();
            }
        }

        private async Task HandleArrivedAsync(HttpContext context)
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            byte[] bytes = body.ToArray();
            string target = context.Request.Headers["X-Amz-Target"].FirstOrDefault() ?? string.Empty;
            (string service, string operation) =
                target.Length > 0 ? ("snowball", SnowballOperation(target))
                : StsHandler.IsStsRequest(context.Request, bytes) ? ("sts", StsHandler.Operation(bytes))
                : ("iot", IoTOperation(context.Request));
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();

            var (accessKeyId, region) = CredentialScope(context.Request);
            SignatureCheck? signature =
                service != "sts" && Faults.Refuses(region) ? SignatureCheck.UnrecognizedClient
                : verifySignatures ? verifier.Check(context.Request, bytes, service)
                : null;
            try
            {
                await RespondAsync(context, service, operation, bytes, region, signature);
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
                    accessKeyId,
                    region,
                    context.Response.StatusCode,
                    headers));
            }
        }

        private async Task RespondAsync(HttpContext context, string service, string operation, byte[] body, string? region, SignatureCheck? signature)
        {
            if (signature is { Valid: false })
            {
                await AwsResponses.Error(context, service, 403, signature.ErrorCode!, signature.Message!);
                return;
            }

            if (service == "sts")
            {
                await stsHandler.Respond(context, body);
                return;
            }

            if (operation is not ("ListClusterJobs" or "ListClusters" or "ListJobs" or "ListThingGroups" or "DescribeJob"))
            {
                await AwsResponses.Error(context, service, service == "snowball" ? 400 : 404, "UnknownOperationException", $"Operation {operation} is not served by this endpoint.");
                return;
            }

            int number = Interlocked.Increment(ref dataRequests);
            if (!await DelayAsync(context))
            {
                return;
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

            Func<string?, string?> tokenFilter = fault.Kind == FaultKind.None ? NextTokenFor : issued => issued;
            var stores = region != null && regions.TryGetValue(region, out var own) ? own : defaults;
            var snowball = new SnowballHandler(stores.Snowball, tokens, region);
            var iot = new IoTHandler(stores.IoT, tokens, region);
            byte[]? page = operation switch
            {
                "ListClusterJobs" => await snowball.ListClusterJobs(context, body, tokenFilter),
                "ListClusters" => await snowball.ListClusters(context, body, tokenFilter),
                "ListThingGroups" => await iot.ListThingGroups(context, tokenFilter),
                "DescribeJob" => await iot.DescribeJob(context),
                _ => await iot.ListJobs(context, tokenFilter),
            };
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

                    // Kestrel aborts with RST, which can make the client drop bytes it has not read yet: give it a moment to read them.
                    await Task.Delay(DropGracePeriod);
                    context.Abort();
                    return;
                case FaultKind.MalformedBody:
                    await AwsResponses.Json(context, 200, contentType, page[..(page.Length / 2)]);
                    return;
                default:
                    await AwsResponses.Json(context, 200, contentType, Faults.Rewritten(page));
                    return;
            }
        }

        /// <summary>
        /// Waits out <see cref="FaultPlan.DelayAll"/>; false when the client went away or the endpoint is stopping meanwhile.
        /// Such a request is recorded with status 499 (client closed request) and its connection is closed.
        /// </summary>
        private async Task<bool> DelayAsync(HttpContext context)
        {
            var delay = Faults.Delay;
            if (delay <= TimeSpan.Zero)
            {
                return true;
            }

            using var abandoned = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
            try
            {
                await Task.Delay(delay, abandoned.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                context.Response.StatusCode = 499;
                context.Abort();
                return false;
            }
        }

        /// <summary>Numbers the pages answered without a fault, records each one's token and applies RepeatTokenOn.</summary>
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
            _ => AwsResponses.BareTooManyRequests(context),
        };

        /// <summary>The Snowball operation an X-Amz-Target names, or the whole target for one not served.</summary>
        private static string SnowballOperation(string target) =>
            target.StartsWith(SnowballTargetPrefix, StringComparison.Ordinal) && target[SnowballTargetPrefix.Length..] is "ListClusterJobs" or "ListClusters"
                ? target[SnowballTargetPrefix.Length..]
                : target;

        /// <summary>The IoT operation a request's method and path name, or "METHOD /path" for one not served.</summary>
        private static string IoTOperation(HttpRequest request) => (request.Method, request.Path.Value) switch
        {
            ("GET", "/jobs") => "ListJobs",
            ("GET", "/thing-groups") => "ListThingGroups",
            ("GET", string path) when IoTHandler.IsOneJob(path) => "DescribeJob",
            _ => request.Method + " " + request.Path,
        };

        /// <summary>The access key id and region of the Authorization header's credential scope, whether or not the signature is checked.</summary>
        private static (string? AccessKeyId, string? Region) CredentialScope(HttpRequest request)
        {
            string header = request.Headers.Authorization.FirstOrDefault() ?? string.Empty;
            int start = header.IndexOf("Credential=", StringComparison.Ordinal);
            if (start < 0)
            {
                return (null, null);
            }

            start += "Credential=".Length;
            int end = header.IndexOf(',', start);
            string[] scope = header[start..(end < 0 ? header.Length : end)].Split('/');
            return (scope[0], scope.Length > 2 ? scope[2] : null);
        }
    }
}
