using System.Globalization;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>A deterministic slice I of N of a suite: each benchmark method goes to the shard its name hashes to, so adding a benchmark never moves the others.</summary>
/// <param name="Index">1-based shard index.</param>
/// <param name="Count">Number of shards.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Parses "I/N"; <paramref name="source"/> names the option in errors.</summary>
    public static Shard Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && i >= 1 && i <= n)
        {
            return new Shard(i, n);
        }

        throw new InputException(source, null, $"'{text}' is not a shard; expected I/N with 1 <= I <= N, e.g. 2/4");
    }

    /// <summary>Whether the benchmark method belongs to this shard.</summary>
    public bool Contains(string method) => (int)(Fnv1a(method) % (ulong)Count) == Index - 1;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    // FNV-1a over UTF-16 code units: stable across processes and runtimes, unlike string.GetHashCode.
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
