using System.Globalization;

namespace AfirGen.PerfGate.Comparison;

/// <summary>What would decide an inconclusive metric: more of the same evidence, or the interleaved A/B run.</summary>
internal static class DecisionHint
{
    // Beyond this many units a side, more of the same evidence is not a sensible advice: the A/B run is.
    private const int MaxUnits = 60;

    /// <summary>The hint for an inconclusive evaluation with regression threshold <paramref name="threshold"/>.</summary>
    public static string For(TimeEvidence.Evaluation evaluation, double threshold)
    {
        var s = evaluation.Shift;
        var half = (s.Upper - s.Lower) / 2;
        var band = Math.Log(1 + threshold);
        // The interval decides once it either clears zero (a change) or fits inside the threshold band (no change).
        var needed = Math.Max(Math.Abs(s.Estimate), band - Math.Abs(s.Estimate));
        var factor = needed > 0 && half > 0 ? Math.Pow(half / needed, 2) : double.PositiveInfinity;
        string More(string unit, int now)
        {
            var want = factor * now;
            return double.IsFinite(want) && want <= MaxUnits
                ? string.Create(CultureInfo.InvariantCulture, $"needs about {Math.Max(now + 1, (int)Math.Ceiling(want))} {unit} a side")
                : "";
        }

        return evaluation.Unit switch
        {
            EvidenceUnit.Round => Join(More("rounds", evaluation.BaselineN), "run it on a quieter machine"),
            EvidenceUnit.Launch => Join(More("launches", Math.Min(evaluation.BaselineN, evaluation.CurrentN)), "decide it with `perfgate ab`"),
            EvidenceUnit.Iteration => Join(evaluation.Launches is { } l ? More("launches", Math.Min(l.Base, l.Current)) : "", "decide it with `perfgate ab`"),
            _ => "run-to-run noise of a stored baseline hides it; decide it with `perfgate ab` (both builds loaded on this machine)",
        };
    }

    private static string Join(string more, string otherwise) => more.Length == 0 ? otherwise : more + ", or " + otherwise;
}
