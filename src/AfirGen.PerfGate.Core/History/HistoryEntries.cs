using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.History;

/// <summary>Makes the entry a run adds to the history.</summary>
public static class HistoryEntries
{
    /// <summary>The entry for <paramref name="results"/>: commit and branch from the arguments, else from the results.</summary>
    public static HistoryEntry Create(ResultSet results, string? commit, string? branch, byte[]? configuration)
    {
        ArgumentNullException.ThrowIfNull(results);
        commit ??= results.Source?.Commit;
        branch ??= results.Source?.Branch;
        var stamp = results.CreatedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var safeCommit = new string((commit ?? "nocommit").Where(char.IsAsciiLetterOrDigit).Take(12).ToArray());
        return new HistoryEntry
        {
            // Time first so that names sort by time; a random tail so that two jobs of one commit and second never collide.
            Id = $"{stamp}-{(safeCommit.Length == 0 ? "nocommit" : safeCommit)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}",
            CreatedAt = results.CreatedAt,
            Commit = commit,
            Branch = branch,
            Environment = results.Environment,
            Configuration = configuration is null ? null : Convert.ToHexStringLower(SHA256.HashData(configuration))[..16],
            Incomplete = results.Incomplete,
            Points = HistoryPoints.From(results),
        };
    }

    /// <summary>The run's full results as gzip-compressed results.json, kept beside the entry so that any point can be recomputed.</summary>
    public static byte[] Compress(ResultSet results)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            ResultsJson.Write(results, gzip);
        }

        return buffer.ToArray();
    }
}
