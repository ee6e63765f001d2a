using System;
using JobTools.Services;

namespace JobTools.FanOut
{
    /// <summary>What a source's task tells the pipeline thread, the only one that writes.</summary>
    internal abstract record SourceEvent(SourceRun Run);

    /// <summary>The source is connected (<see cref="SourceRun.Connection"/> is set); its warnings are to be written.</summary>
    internal sealed record SourceConnected(SourceRun Run) : SourceEvent(Run);

    /// <summary>A page of the source arrived; the pipeline thread releases <see cref="SourceRun.PageTaken"/> once it is written.</summary>
    internal sealed record SourcePage<T>(SourceRun Run, JobPage<T> Page) : SourceEvent(Run);

    /// <summary>An attempt of the source's current request failed and is retried.</summary>
    internal sealed record SourceRetry(SourceRun Run, RetryNotice Notice) : SourceEvent(Run);

    /// <summary>The source ended: complete when <paramref name="Failure"/> is null.</summary>
    internal sealed record SourceEnded(SourceRun Run, Exception? Failure) : SourceEvent(Run);
}
