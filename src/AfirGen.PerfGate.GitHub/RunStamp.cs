using System.Globalization;
using System.Text.RegularExpressions;

namespace AfirGen.PerfGate.GitHub;

/// <summary>
/// Which run a comment reports: the head commit, the workflow run (its id orders runs: a later run has a larger id) and
/// its attempt. Written into the comment as a hidden line, so that an older run finishing last never overwrites a newer one.
/// </summary>
/// <param name="HeadSha">The commit measured (the pull request's head, not the merge commit).</param>
/// <param name="RunId">The workflow run's id; 0 when unknown.</param>
/// <param name="RunNumber">The run's number as GitHub shows it (#57); 0 when unknown.</param>
/// <param name="RunAttempt">The attempt of that run (re-runs count up); 1 when unknown.</param>
public sealed partial record RunStamp(string HeadSha, long RunId, long RunNumber, int RunAttempt)
{
    /// <summary>The first seven characters of the head commit, as GitHub abbreviates it.</summary>
    public string ShortSha => HeadSha.Length > 7 ? HeadSha[..7] : HeadSha;

    /// <summary>The hidden line that carries the stamp in a comment body.</summary>
    public string ToHiddenLine() => string.Create(CultureInfo.InvariantCulture,
        $"<!-- perfgate:run sha={HeadSha} run-id={RunId} run-number={RunNumber} attempt={RunAttempt} -->");

    /// <summary>What a reader sees: the commit and the run.</summary>
    public string Describe() => (ShortSha.Length > 0 ? "`" + ShortSha + "`" : "this commit")
        + (RunNumber > 0 ? string.Create(CultureInfo.InvariantCulture, $" · run #{RunNumber}") + (RunAttempt > 1 ? string.Create(CultureInfo.InvariantCulture, $" (attempt {RunAttempt})") : "") : "");

    /// <summary>
    /// The stamp of a comment body: its second line, right under the marker (report text further down, which may quote
    /// benchmark names, is never read as one); null when it has none (a comment made before stamps).
    /// </summary>
    public static RunStamp? Find(string? body)
    {
        var lines = (body ?? "").Split('\n', 3);
        var m = lines.Length >= 2 ? Hidden().Match(lines[1].TrimEnd('\r')) : Match.Empty;
        return m.Success
            ? new RunStamp(m.Groups[1].Value, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>A commit id as GitHub gives it: 40 (SHA-1) or 64 (SHA-256) hex digits.</summary>
    public static bool IsSha(string? value) => value is { Length: 40 or 64 } && value.All(char.IsAsciiHexDigit);

    /// <summary>Orders by run id, then attempt: the later run, or the later attempt of one run, is the newer; none is the oldest.</summary>
    public static IComparer<RunStamp?> Order { get; } = Comparer<RunStamp?>.Create((a, b) =>
        a is null ? (b is null ? 0 : -1)
        : b is null ? 1
        : a.RunId != b.RunId ? a.RunId.CompareTo(b.RunId)
        : a.RunAttempt.CompareTo(b.RunAttempt));

    /// <summary>Whether this stamp is of a later run, or a later attempt of the same run, than <paramref name="other"/>.</summary>
    public bool IsNewerThan(RunStamp? other) => Order.Compare(this, other) > 0;

    [GeneratedRegex(@"^<!-- perfgate:run sha=([0-9a-f]{0,64}) run-id=([0-9]{1,18}) run-number=([0-9]{1,18}) attempt=([0-9]{1,9}) -->$", RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();
}
