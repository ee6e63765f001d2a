using System.Threading;
using JobTools.Paging;
using JobTools.Services;

namespace JobTools.FanOut
{
    /// <summary>
    /// One source of a fan-out as it runs: its connection once made, where its pager is (the resume point of a
    /// failure), and what the pipeline thread wrote of it. The pipeline thread hands each page back through
    /// <see cref="PageTaken"/> before the source may queue its next one.
    /// </summary>
    internal sealed class SourceRun
    {
        public SourceRun(ListingSource source)
        {
            Source = source;
        }

        public ListingSource Source { get; }

        /// <summary>Set by the source's task once it is connected, before its first page is queued.</summary>
        public ResolvedConnection? Connection { get; set; }

        /// <summary>The source's pager position: the token in flight and the pages fetched.</summary>
        public PagerPosition Position { get; set; } = new PagerPosition();

        /// <summary>Pages the pipeline thread wrote, and the objects among them it wrote (after filters and -Skip).</summary>
        public int PagesWritten { get; set; }

        public ulong Written { get; set; }

        /// <summary>Released by the pipeline thread once it has written a page of this source.</summary>
        public SemaphoreSlim PageTaken { get; } = new SemaphoreSlim(0);
    }
}
