using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace JobTools.Hosting
{
    /// <summary>Everything one script run produced, stream by stream.</summary>
    public sealed class ScriptResult
    {
        public ScriptResult(IReadOnlyList<PSObject> output, PSDataStreams streams)
        {
            Output = output;
            Errors = streams.Error.ToList();
            Verbose = streams.Verbose.Select(v => v.Message).ToList();
            Debug = streams.Debug.Select(v => v.Message).ToList();
            Warnings = streams.Warning.Select(v => v.Message).ToList();
            Information = streams.Information.ToList();
            Progress = streams.Progress.ToList();
        }

        public IReadOnlyList<PSObject> Output { get; }

        public IReadOnlyList<ErrorRecord> Errors { get; }

        public IReadOnlyList<string> Verbose { get; }

        public IReadOnlyList<string> Debug { get; }

        public IReadOnlyList<string> Warnings { get; }

        public IReadOnlyList<InformationRecord> Information { get; }

        public IReadOnlyList<ProgressRecord> Progress { get; }

        public IEnumerable<string> Strings(string property) => Output.Select(o => (string)o.Properties[property].Value);

        /// <summary>Every piece of text any stream carried, for secret-leak checks.</summary>
        public string AllText() => string.Join(
            "\n",
            Output.Select(o => o.ToString())
                .Concat(Errors.Select(e => e.ToString() + " " + e.Exception + " " + e.TargetObject + " " + e.ErrorDetails))
                .Concat(Verbose).Concat(Debug).Concat(Warnings)
                .Concat(Information.Select(i => i.MessageData?.ToString() ?? string.Empty)));
    }
}
