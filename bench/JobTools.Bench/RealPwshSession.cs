using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace JobTools.Bench
{
    /// <summary>
    /// One warm real pwsh driven line by line: its script reads a request from standard input and writes one line
    /// back, or a line starting "error: " when the request failed. Disposing ends it (closing its input, then
    /// killing it if it does not end at once), so that it cannot outlive the bench.
    /// </summary>
    internal sealed class RealPwshSession : IDisposable
    {
        private const string ErrorPrefix = "error: ";
        private readonly Process process;
        private readonly Task<string> errors;

        internal RealPwshSession(Process process)
        {
            this.process = process;
            errors = process.StandardError.ReadToEndAsync();
        }

        /// <summary>Sends one request and returns the line that answers it; throws if pwsh reports an error or ends.</summary>
        public string Ask(string request)
        {
            process.StandardInput.WriteLine(request);
            process.StandardInput.Flush();
            string? answer = process.StandardOutput.ReadLine();
            if (answer is null || answer.StartsWith(ErrorPrefix, StringComparison.Ordinal))
            {
                string more = answer is null && process.WaitForExit(5000) ? errors.Result : string.Empty;
                throw new InvalidOperationException($"pwsh failed on '{request}': {answer ?? "it ended"} {more}");
            }

            return answer;
        }

        public void Dispose()
        {
            try
            {
                try
                {
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // It has ended already.
                }

                if (!process.WaitForExit(5000))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                }
            }
            finally
            {
                process.Dispose();
            }
        }
    }
}
