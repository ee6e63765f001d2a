using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace JobTools.Tests.Hostile
{
    /// <summary>
    /// A misbehaving HTTP/1.1 server on loopback, driven by a script per request: it may stall, drip, redirect,
    /// echo or drop. It records every request it read. Disposing it closes every connection.
    /// </summary>
    public sealed class ScriptedServer : IAsyncDisposable
    {
        private readonly TcpListener listener;
        private readonly Func<ScriptedExchange, Task> script;
        private readonly CancellationTokenSource stopping = new();
        private readonly ConcurrentQueue<ScriptedRequest> received = new();
        private readonly ConcurrentBag<TcpClient> clients = new();
        private readonly Task accepting;
        private int connections;

        private ScriptedServer(Func<ScriptedExchange, Task> script)
        {
            this.script = script;
            listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
            accepting = AcceptAsync();
        }

        public Uri BaseUri { get; }

        public int Connections => Volatile.Read(ref connections);

        public IReadOnlyList<ScriptedRequest> Received => received.ToArray();

        public static ScriptedServer Start(Func<ScriptedExchange, Task> script) => new(script);

        public async ValueTask DisposeAsync()
        {
            stopping.Cancel();
            listener.Stop();
            foreach (var client in clients)
            {
                client.Dispose();
            }

            try
            {
                await accepting.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The listener was stopped under the pending accept.
            }

            stopping.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!stopping.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
                // Head and body leave as separate writes: without this, each small response waits for a delayed ACK.
                client.NoDelay = true;
                Interlocked.Increment(ref connections);
                clients.Add(client);
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            try
            {
                var stream = client.GetStream();
                while (!stopping.IsCancellationRequested && await ReadRequestAsync(stream).ConfigureAwait(false) is ScriptedRequest request)
                {
                    received.Enqueue(request);
                    var exchange = new ScriptedExchange(request, received.Count, stream, stopping.Token);
                    await script(exchange).ConfigureAwait(false);
                    if (exchange.Closed)
                    {
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException || ex is OperationCanceledException)
            {
                // The client went away, or the server is stopping.
            }
            finally
            {
                client.Dispose();
            }
        }

        private async Task<ScriptedRequest?> ReadRequestAsync(NetworkStream stream)
        {
            var head = new List<byte>();
            var one = new byte[1];
            while (!EndsWithBlankLine(head))
            {
                if (await stream.ReadAsync(one, stopping.Token).ConfigureAwait(false) == 0)
                {
                    return null;
                }

                head.Add(one[0]);
            }

            string[] lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            string[] requestLine = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string line in lines.Skip(1))
            {
                int colon = line.IndexOf(':');
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }

            var body = new byte[headers.TryGetValue("Content-Length", out string? length) ? int.Parse(length) : 0];
            await stream.ReadExactlyAsync(body, stopping.Token).ConfigureAwait(false);
            return new ScriptedRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
        }

        private static bool EndsWithBlankLine(List<byte> head) =>
            head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
    }

    /// <summary>One request as the scripted server read it.</summary>
    public sealed record ScriptedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>What a script can do with one request: answer it (whole, in pieces, slowly) or drop the connection.</summary>
    public sealed class ScriptedExchange
    {
        private readonly NetworkStream stream;

        public ScriptedExchange(ScriptedRequest request, int number, NetworkStream stream, CancellationToken stopping)
        {
            Request = request;
            Number = number;
            this.stream = stream;
            Stopping = stopping;
        }

        public ScriptedRequest Request { get; }

        /// <summary>1 for the first request the server read, across connections.</summary>
        public int Number { get; }

        public CancellationToken Stopping { get; }

        public bool Closed { get; private set; }

        /// <summary>The status line and headers, with Content-Length; the body is for the script to send.</summary>
        public Task HeadAsync(int status, long contentLength, params (string Name, string Value)[] headers)
        {
            var head = new StringBuilder($"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Length: {contentLength}\r\nContent-Type: application/json\r\n");
            foreach (var (name, value) in headers)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            return SendAsync(head.Append("\r\n").ToString());
        }

        /// <summary>A whole response.</summary>
        public async Task RespondAsync(int status, string body, params (string Name, string Value)[] headers)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            await HeadAsync(status, bytes.Length, headers).ConfigureAwait(false);
            await stream.WriteAsync(bytes, Stopping).ConfigureAwait(false);
        }

        public async Task SendAsync(string text)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), Stopping).ConfigureAwait(false);
            await stream.FlushAsync(Stopping).ConfigureAwait(false);
        }

        /// <summary>Waits until the server is disposed (a stall that never ends on its own).</summary>
        public async Task StallAsync()
        {
            try
            {
                await Task.Delay(Timeout.Infinite, Stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Closed = true;
            }
        }

        /// <summary>Closes the connection without a (complete) response.</summary>
        public void Drop()
        {
            Closed = true;
            stream.Socket.LingerState = new LingerOption(true, 0);
            stream.Socket.Close();
        }
    }
}
