using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace JobTools.Tests.Console
{
    /// <summary>
    /// A table as the formatter wrote it: the header lines above its dash line, the columns the dash runs start, and
    /// the rows below it. A cell cut by the formatter ends in "…"; a header that wrapped has more than one line.
    /// </summary>
    internal sealed class RenderedTable
    {
        private static readonly Regex DashLine = new(@"^-+( +-+)*\s*$", RegexOptions.Compiled);

        private RenderedTable(IReadOnlyList<string> headerLines, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
        {
            HeaderLines = headerLines;
            Headers = headers;
            Rows = rows;
        }

        public IReadOnlyList<string> HeaderLines { get; }

        public IReadOnlyList<string> Headers { get; }

        /// <summary>Each row's cells by header, trimmed.</summary>
        public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

        /// <summary>Every table in the text whose first header is <paramref name="firstHeader"/>.</summary>
        public static IReadOnlyList<RenderedTable> ParseAll(string text, string firstHeader)
        {
            var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
            var tables = new List<RenderedTable>();
            for (int dash = 1; dash < lines.Length; dash++)
            {
                if (!DashLine.IsMatch(lines[dash]))
                {
                    continue;
                }

                int top = dash;
                while (top > 0 && lines[top - 1].Trim().Length > 0)
                {
                    top--;
                }

                var headerLines = lines[top..dash];
                if (!headerLines[0].StartsWith(firstHeader, StringComparison.Ordinal))
                {
                    continue;
                }

                var starts = Regex.Matches(lines[dash], "-+").Select(m => m.Index).ToList();
                var headers = starts.Select((_, i) => Cell(headerLines[0], starts, i)).ToList();
                var rows = new List<IReadOnlyDictionary<string, string>>();
                for (int row = dash + 1; row < lines.Length && lines[row].Trim().Length > 0; row++)
                {
                    rows.Add(headers.Select((header, i) => (header, cell: Cell(lines[row], starts, i))).ToDictionary(p => p.header, p => p.cell));
                }

                tables.Add(new RenderedTable(headerLines, headers, rows));
            }

            return tables;
        }

        private static string Cell(string line, IReadOnlyList<int> starts, int column)
        {
            int start = starts[column];
            if (start >= line.Length)
            {
                return string.Empty;
            }

            int end = column + 1 < starts.Count ? Math.Min(starts[column + 1], line.Length) : line.Length;
            return line[start..end].Trim();
        }
    }
}
