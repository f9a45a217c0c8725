namespace AfirGen.PerfGate.Load.Engine;

/// <summary>A scenario's target (an HTTP endpoint, a query, a cache operation): checked and prepared once, then loaded level by level.</summary>
public interface ILoadTarget : IAsyncDisposable
{
    /// <summary>What is loaded, for messages, e.g. "GET http://127.0.0.1:8080/fir/{id}".</summary>
    string Description { get; }

    /// <summary>Checks that the target answers and prepares it (setup SQL, data, plan checks); returns warnings.</summary>
    /// <exception cref="TargetUnreachableException">The target does not answer.</exception>
    /// <exception cref="ScenarioFailedException">The target answers but the scenario cannot run as configured.</exception>
    Task<IReadOnlyList<string>> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Sets the target up for one level with <paramref name="workers"/> concurrent workers.</summary>
    Task<ILoadSession> OpenAsync(int workers, CancellationToken cancellationToken);
}
