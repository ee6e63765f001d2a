using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;

namespace JobTools.Tests.Interop
{
    /// <summary>
    /// moto's server (a third-party AWS emulator on the machine image), on a free loopback port. moto 5.2 pages
    /// IoT ListJobs on a FakeJob attribute 'jobId' that is really 'job_id', so every multi-page listing fails
    /// with HTTP 500; the one key is corrected in its pagination model before the server starts.
    /// </summary>
    public sealed class MotoServer : IDisposable
    {
        // The server exits when its stdin closes, that is when this test process ends, however it ends.
        private const string Launcher =
            "import os, sys, threading; threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start(); " +
            "import moto.iot.utils as u; u.PAGINATION_MODEL['list_jobs']['unique_attribute'] = 'job_id'; " +
            "from moto.server import main; main(['-H', '127.0.0.1', '-p', sys.argv[1]])";

        private readonly Process process;

        private MotoServer(Process process, Uri baseUri)
        {
            this.process = process;
            BaseUri = baseUri;
        }

        public Uri BaseUri { get; }

        /// <summary>Why moto cannot run here, or null when it can.</summary>
        public static string? Unavailable()
        {
            var (exit, _) = Python.Run("-c \"import moto.server, boto3\"");
            return exit == 0 ? null : "python3 with moto and boto3 is not installed on this machine (the image provides them)";
        }

        public static MotoServer Start()
        {
            int port;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var info = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(Launcher);
            info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}/"));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    http.GetAsync(new Uri(server.BaseUri, "moto-api/")).GetAwaiter().GetResult();
                    return server;
                }
                catch (Exception probe) when (probe is HttpRequestException or System.Threading.Tasks.TaskCanceledException)
                {
                    // Not listening yet, or too slow to answer on a loaded machine: ask again until the deadline.
                    Thread.Sleep(200);
                }
            }

            server.Dispose();
            throw new TimeoutException("moto's server did not answer within 30 s.");
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }

            process.Dispose();
        }
    }
}
