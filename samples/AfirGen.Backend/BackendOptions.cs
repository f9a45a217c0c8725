namespace AfirGen.Backend.Web;

/// <summary>The backend's switches, from the command line (--mysql, --redis, --slow-fir-ms, --seed) or AFIRGEN_* environment variables.</summary>
/// <param name="MySql">The MySQL connection string; null keeps FIRs in memory.</param>
/// <param name="Redis">The Redis configuration string; null caches drafts in memory.</param>
/// <param name="SlowFirDelay">A deliberate delay added to GET /fir/{firNumber}, for showing that the gate catches a slow endpoint.</param>
/// <param name="SeedCount">How many FIRs and sessions are seeded at startup.</param>
internal sealed record BackendOptions(string? MySql, string? Redis, TimeSpan SlowFirDelay, int SeedCount)
{
    public static BackendOptions From(IConfiguration configuration) => new(
        Text(configuration, "mysql", "AFIRGEN_MYSQL"),
        Text(configuration, "redis", "AFIRGEN_REDIS"),
        TimeSpan.FromMilliseconds(Number(configuration, "slow-fir-ms", "AFIRGEN_SLOW_FIR_MS", 0)),
        Number(configuration, "seed", "AFIRGEN_SEED", SeedData.DefaultCount));

    private static string? Text(IConfiguration configuration, string key, string variable) =>
        configuration[key] is { Length: > 0 } v ? v
        : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } e ? e
        : null;

    private static int Number(IConfiguration configuration, string key, string variable, int fallback) =>
        Text(configuration, key, variable) is not { } text ? fallback
        : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= 0 ? v
        : throw new InvalidOperationException($"{key} ({variable}) must be a whole number >= 0, not '{text}'");
}
