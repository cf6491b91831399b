using System.Threading;

namespace Engage.Codegen.Runtime;

/// <summary>
/// The cancellation sources that end attempts on their timeout, kept for reuse: an attempt that was not cancelled
/// gives its source back reset, timer stopped, so the next attempt neither allocates a source nor a timer (as
/// ASP.NET Core's Kestrel pools its sources). One spare per pipeline: concurrent attempts beyond it create their
/// own, and only one is kept. Before .NET 6 a source cannot be reset, so each attempt has a new one.
/// </summary>
internal sealed class TimeoutSourcePool
{
    private CancellationTokenSource? _spare;

    /// <summary>A source that is not cancelled and has no timer set.</summary>
    public CancellationTokenSource Rent() => Interlocked.Exchange(ref _spare, null) ?? new CancellationTokenSource();

    /// <summary>
    /// Gives back a source no one will cancel any more (its attempt is over, its links to other tokens removed):
    /// kept when it can be reset, else disposed.
    /// </summary>
    public void Return(CancellationTokenSource source)
    {
#if NET6_0_OR_GREATER
        if (source.TryReset() && Interlocked.CompareExchange(ref _spare, source, null) is null)
        {
            return;
        }
#endif
        source.Dispose();
    }
}
