using System.Text.RegularExpressions;

namespace AfirGen.PerfGate;

/// <summary>
/// Takes credentials out of text that came from outside (a driver's error, a skip reason, a URL): a URL's password, a
/// connection string's password, a query parameter named as a credential. Applied where such text enters the results,
/// so that results.json, comparison.json, every report and every log line carry it redacted.
/// </summary>
public static partial class Secrets
{
    private const string Mask = "***";

    /// <summary><paramref name="text"/> with every credential it holds replaced by ***.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Most text holds none: no allocation for it.
        if (text.IndexOf('@', StringComparison.Ordinal) < 0 && text.IndexOf('=', StringComparison.Ordinal) < 0)
        {
            return text;
        }

        return ConnectionPassword().Replace(QuerySecret().Replace(UrlPassword().Replace(text, Mask), Mask), "${key}" + Mask);
    }

    /// <summary>
    /// <paramref name="text"/> redacted, and every occurrence of <paramref name="known"/> (a password the caller holds)
    /// masked too: a driver may quote a value it could not read, and that value may be the password in the wrong place.
    /// </summary>
    public static string Redact(string text, string? known)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Redact(known is { Length: > 0 } ? text.Replace(known, Mask, StringComparison.Ordinal) : text);
    }

    // redis://:PASSWORD@host, mysql://user:PASSWORD@host
    [GeneratedRegex(@"(?<=://[^/\s:@]*:)[^/\s@]+(?=@)")]
    private static partial Regex UrlPassword();

    // ?access_token=…, &api_key=…, &sig=…
    [GeneratedRegex(@"(?<=[?&;](?:[a-z0-9_.-]*[_.-])?(?:token|key|apikey|password|passwd|pwd|secret|sig|signature|auth|code)=)[^&;#\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex QuerySecret();

    // Password=…; Pwd=…; (MySQL), password=… (StackExchange.Redis), a quoted value included.
    [GeneratedRegex(@"(?<key>(?:^|[;,\s])\s*(?:password|pwd|user\s*password)\s*=\s*)(?:""[^""]*""|'[^']*'|[^;,\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();
}
