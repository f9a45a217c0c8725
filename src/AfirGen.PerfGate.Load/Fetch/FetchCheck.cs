using AfirGen.PerfGate.Load.Engine;

namespace AfirGen.PerfGate.Load.Fetch;

/// <summary>The check before a run that a fetch source answers: one fetch, and a connect or timeout failure means it is down.</summary>
public static class FetchCheck
{
    /// <summary>Fetches key 1 once.</summary>
    /// <exception cref="TargetUnreachableException">The source could not be reached or did not answer in time.</exception>
    public static async Task RequireAnswerAsync(IFetchSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = await source.FetchAsync(1, cancellationToken).ConfigureAwait(false);
        if (result.Error is ErrorClass.Connect or ErrorClass.Timeout)
        {
            throw new TargetUnreachableException($"target unreachable: {source.Description}: {result.Error.Value.ToString().ToLowerInvariant()}");
        }
    }
}
