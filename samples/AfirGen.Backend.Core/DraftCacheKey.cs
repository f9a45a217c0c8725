using System.Security.Cryptography;
using System.Text;

namespace AfirGen.Backend;

/// <summary>The cache key of a FIR draft: the SHA-256 of the normalised complaint, so equal complaints share one draft.</summary>
public static class DraftCacheKey
{
    /// <summary>The key namespace.</summary>
    public const string Prefix = "afirgen:draft:";

    /// <summary>The key of <paramref name="normalizedText"/>, e.g. "afirgen:draft:3f2a…".</summary>
    public static string For(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText), hash);
        return Prefix + Convert.ToHexStringLower(hash);
    }
}
