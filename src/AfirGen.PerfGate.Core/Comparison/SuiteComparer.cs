using System.Globalization;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Statistics;
using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Comparison;

/// <summary>
/// Makes the gate's verdict: every benchmark against its baseline with a test whose false alarms are
/// controlled across the whole suite (Bonferroni over every statistical comparison made), and against its SLA thresholds.
/// </summary>
public static class SuiteComparer
{
    /// <summary>Compares <paramref name="current"/> with <paramref name="baseline"/> (or checks SLAs only when it is null).</summary>
    public static SuiteComparison Compare(ResultSet? baseline, ResultSet current, PerfGateConfig config, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(config);
        var settings = config.Comparison;
        var warnings = new List<GateWarning>();
        AddWarnings(baseline, current, warnings);

        // A skipped scenario's baseline results are not "missing": the warning above says why they were not measured.
        var baseById = baseline?.Benchmarks.Where(b => !current.Skipped.Any(s => s.Covers(b.Id))).ToDictionary(b => b.Id, StringComparer.Ordinal) ?? [];
        var ids = current.Benchmarks.Select(b => b.Id).Concat(baseById.Keys).Distinct(StringComparer.Ordinal).ToArray();
        var curById = current.Benchmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);

        // First pass: gather the evidence, so that the number of comparisons is known before any interval is drawn.
        // Benchmarks are independent, so both passes spread over the cores: a 10,000-benchmark suite stays interactive.
        // The api scenarios load the target: on another setup (in memory against MySQL) their change is not the code's.
        var setupDiffers = SystemSetup.Differences(baseline?.Setup, current.Setup);
        if (setupDiffers.Count > 0)
        {
            warnings.Add(new GateWarning(WarningKind.SetupDiffers, null,
                $"setup differs: {string.Join("; ", setupDiffers)}; the api results are not compared with the baseline"));
        }

        // A machine much faster or slower than the baseline's (the same CPU name on another host ran three times
        // slower here) moves every time alike: that is not the code's change, and no time verdict is drawn from it.
        string? otherMachine = null;
        if (MachineSpeed.Ratio(baseline?.ReferenceNanoseconds, current.ReferenceNanoseconds) is { } speed && MachineSpeed.Differs(speed))
        {
            var how = speed < 1 ? $"{1 / speed:0.0}× faster" : $"{speed:0.0}× slower";
            otherMachine = string.Create(CultureInfo.InvariantCulture, $"this machine ran perfgate's reference kernel {how} than the baseline's machine");
            warnings.Add(new GateWarning(WarningKind.MachineSpeedDiffers, null,
                string.Create(CultureInfo.InvariantCulture, $"machine speed differs: {otherMachine} ({baseline!.ReferenceNanoseconds / 1e6:0.00} ms, here {current.ReferenceNanoseconds / 1e6:0.00} ms); times are not compared with the baseline, allocations are")));
        }

        var suiteNoise = SuiteLaunchNoise.Of(baseById, curById);
        var pending = new Pending[ids.Length];
        Parallel.For(0, ids.Length, i =>
        {
            var id = ids[i];
            baseById.TryGetValue(id, out var b);
            curById.TryGetValue(id, out var c);
            var (regression, sla) = config.For(id);
            var evidence = b is not null && c is not null && b.Status == BenchmarkStatus.Succeeded && c.Status == BenchmarkStatus.Succeeded
                ? Evidence(b, c, settings, suiteNoise.Without(id))
                : [];
            var notComparable = otherMachine is not null ? (otherMachine, "save a baseline on this machine, or decide with perfgate ab (both builds on one machine)")
                : setupDiffers.Count > 0 && (c ?? b)!.Category == Category.Api ? ("the baseline measured another setup of the target", "save a baseline with this setup, or run with the services the baseline had")
                : ((string Note, string Hint)?)null;
            pending[i] = new Pending(id, b, c, regression, sla, evidence, notComparable);
        });

        var tests = Math.Max(1, pending.Sum(p => p.Evidence.Count));
        var perTestAlpha = settings.Alpha / tests;
        var benchmarks = new BenchmarkComparison[pending.Length];
        Parallel.For(0, pending.Length, i => benchmarks[i] = Decide(pending[i], settings, perTestAlpha, tests));

        // Ids are unique and IdOrder falls back to ordinal, so this order is total: the same suite always reads the same way.
        Array.Sort(benchmarks, (x, y) => x.Category != y.Category ? ((int)x.Category).CompareTo((int)y.Category) : IdOrder.Instance.Compare(x.Id, y.Id));

        AddUnusedThresholds(config, current, pending, benchmarks, warnings);
        if (pending.Any(p => p.Evidence.Any(e => e.NoiseAssumed)))
        {
            warnings.Add(new GateWarning(WarningKind.NoiseAssumed, null, string.Create(CultureInfo.InvariantCulture,
                $"launch-to-launch noise was neither measured nor stored for some benchmarks: {settings.LaunchNoise * 100:0.#}% was assumed; run several launches, save the baseline from several launches, or use `perfgate ab` for a sharper verdict")));
        }

        return new SuiteComparison
        {
            CreatedAt = now ?? DateTimeOffset.UtcNow,
            Current = current,
            Baseline = baseline,
            Benchmarks = benchmarks,
            GeometricMean = GeometricMean(benchmarks, settings.Alpha),
            Warnings = warnings,
            Settings = settings,
            Thresholds = config.Resolved,
        };
    }

    private static void AddWarnings(ResultSet? baseline, ResultSet current, List<GateWarning> warnings)
    {
        if (current.Incomplete)
        {
            warnings.Add(new GateWarning(WarningKind.Incomplete, null, "the current results are incomplete: the run was cancelled or cut short"));
        }

        foreach (var skipped in current.Skipped)
        {
            warnings.Add(new GateWarning(WarningKind.Skipped, skipped.Id, $"skipped {skipped.Id}: {skipped.Reason}"));
        }

        if (baseline is null)
        {
            return;
        }

        if (baseline.Incomplete)
        {
            warnings.Add(new GateWarning(WarningKind.BaselineIncomplete, null, "the baseline is incomplete: the run that made it was cancelled or cut short"));
        }

        foreach (var (field, a, b) in baseline.Environment.Differences(current.Environment))
        {
            warnings.Add(new GateWarning(WarningKind.EnvironmentDiffers, field,
                $"environment differs: {field} is '{a}' in the baseline and '{b}' now; the verdicts compare different machines or runtimes"));
        }
    }

    /// <summary>
    /// A threshold the user wrote that checked nothing is a warning, never silence: a glob that selects no benchmark
    /// (a typo such as "MathBnch.*"), or a metric none of the selected benchmarks has (hitrate on micro-benchmarks).
    /// A glob that selects only skipped scenarios is not one; the skip says why. The built-in defaults are not the user's.
    /// </summary>
    private static void AddUnusedThresholds(PerfGateConfig config, ResultSet current, Pending[] pending, BenchmarkComparison[] decided, List<GateWarning> warnings)
    {
        if (config.Overrides.Count == 0)
        {
            return;
        }

        var checks = decided.ToDictionary(b => b.Id, b => b.Checks, StringComparer.Ordinal);
        foreach (var rule in config.Overrides)
        {
            var source = rule.Source is null ? "" : $" ({rule.Source})";
            var selected = pending.Where(p => p.Current is not null && rule.Matches(p.Id)).ToList();
            if (selected.Count == 0)
            {
                if (!current.Skipped.Any(s => rule.Matches(s.Id) || rule.Matches(s.Id + "@")))
                {
                    warnings.Add(new GateWarning(WarningKind.ThresholdUnused, rule.Match,
                        $"thresholds for '{rule.Match}'{source} select no benchmark, so {string.Join(", ", rule.Thresholds.Select(t => t.Text))} checked nothing"));
                }

                continue;
            }

            foreach (var t in rule.Thresholds.Where(t => t.Metric != ThresholdMetric.Regression))
            {
                // Where a later rule replaced it for every benchmark it selects, it is overridden, not unused.
                var effective = selected.Where(p => p.Current!.Status == BenchmarkStatus.Succeeded && p.Sla.Contains(t)).ToList();
                if (effective.Count > 0 && !effective.Any(p => checks[p.Id].Any(c => c.Threshold == t)))
                {
                    warnings.Add(new GateWarning(WarningKind.ThresholdUnused, rule.Match, string.Create(CultureInfo.InvariantCulture,
                        $"{t.Text} for '{rule.Match}'{source} checked nothing: none of the {effective.Count} benchmarks it selects has {t.Metric.ToString().ToLowerInvariant()}")));
                }
            }
        }
    }

    private static List<TimeEvidence> Evidence(BenchmarkResult b, BenchmarkResult c, ComparisonSettings settings, (double Noise, int Degrees)? suitePrior)
    {
        var list = new List<TimeEvidence>();
        if (b.Latency is { } bl && c.Latency is { } cl)
        {
            var noise = TimeEvidence.StoredNoise(b, c);
            var assumed = noise is null;
            var n = noise ?? settings.LaunchNoise;
            // Each side's own spread: the verdict must not depend on which run is called the baseline.
            var (sb, sc) = (Spread(bl), Spread(cl));
            AddIf(list, TimeEvidence.ForScenario(ComparedMetric.Time, bl.Mean, cl.Mean, bl.Count, cl.Count, sb, sc, n, assumed));
            AddIf(list, TimeEvidence.ForScenario(ComparedMetric.P95, bl.P95, cl.P95, bl.Count, cl.Count, 2 * sb, 2 * sc, n, assumed));
            if (b.Scenario is { } bs && c.Scenario is { } cs)
            {
                // Lower is better for every evidence item, so throughput enters as its reciprocal.
                AddIf(list, TimeEvidence.ForScenario(ComparedMetric.Throughput, 1 / bs.Throughput, 1 / cs.Throughput, bl.Count, cl.Count, 0, 0, n, assumed));
            }
        }
        else
        {
            AddIf(list, TimeEvidence.ForMicro(b, c, settings.LaunchNoise, suitePrior));
        }

        return list;
    }

    private static double Spread(LatencySummary latency) => latency.Mean > 0 ? latency.StdDev / latency.Mean : 0;

    private static void AddIf(List<TimeEvidence> list, TimeEvidence? e)
    {
        if (e is not null)
        {
            list.Add(e);
        }
    }

    private static BenchmarkComparison Decide(Pending p, ComparisonSettings settings, double alpha, int tests)
    {
        var any = p.Current ?? p.Baseline!;
        var metrics = new List<MetricComparison>();
        var checks = p.Current is null ? [] : ThresholdEvaluator.Check(p.Current, p.Sla);
        var baseSummary = p.Baseline is null ? null : Summaries.Of(p.Baseline);
        var curSummary = p.Current is null ? null : Summaries.Of(p.Current);

        foreach (var e in p.Evidence)
        {
            var metric = TimeVerdict(e, p.Regression, alpha, tests, settings, baseSummary, curSummary, p.Baseline!, p.Current!);
            metrics.Add(p.NotComparable is { } why
                ? metric with
                {
                    // No change is shown: a hundredfold between an in-memory store and MySQL, or three times between two
                    // hosts, is not the code's.
                    Verdict = Verdict.Inconclusive, Ratio = null, CiLower = null, CiUpper = null, Confidence = null, PValue = null,
                    Note = why.Note,
                    Hint = why.Hint,
                }
                : metric);
        }

        if (p.Baseline?.Memory is { } bm && p.Current?.Memory is { } cm && p.Current.Status == BenchmarkStatus.Succeeded)
        {
            metrics.Add(AllocationVerdict(bm.AllocatedBytesPerOperation, cm.AllocatedBytesPerOperation, settings.AllocationThreshold));
        }

        Verdict verdict;
        string? error = null;
        if (p.Current is null)
        {
            verdict = Verdict.Missing;
        }
        else if (p.Current.Status == BenchmarkStatus.Failed)
        {
            verdict = Verdict.Failed;
            error = p.Current.Error ?? "the benchmark produced no measurements";
        }
        else if (checks.Any(c => !c.Passed))
        {
            verdict = Verdict.SlaViolated;
        }
        else if (p.Baseline is null || p.Baseline.Status == BenchmarkStatus.Failed)
        {
            verdict = Verdict.New;
        }
        else
        {
            verdict = metrics.Count == 0 ? Verdict.Inconclusive : metrics.Max(m => m.Verdict);
        }

        return new BenchmarkComparison
        {
            Id = p.Id,
            Category = any.Category,
            Verdict = verdict,
            Baseline = baseSummary,
            Current = curSummary,
            Metrics = metrics,
            Checks = checks,
            Error = error,
        };
    }

    private static MetricComparison TimeVerdict(TimeEvidence e, double threshold, double alpha, int tests, ComparisonSettings settings,
        MetricSummary? baseSummary, MetricSummary? curSummary, BenchmarkResult b, BenchmarkResult c)
    {
        // A benchmark of a sequential A/B run is tested at its look's share of the alpha (SequentialDesign).
        var look = e.Rounds is { } rounds && settings.RoundsPerLook is { } perLook ? SequentialDesign.Look(rounds, perLook) : (int?)null;
        var share = look is { } k ? SequentialDesign.Share(k) : 1;
        var evaluation = e.Evaluate(alpha * share, trimmed: look is not null);
        var (shift, p) = (evaluation.Shift, evaluation.PValue);
        var ratio = Math.Exp(shift.Estimate);
        var lo = Math.Exp(shift.Lower);
        var hi = Math.Exp(shift.Upper);
        var up = 1 + threshold;
        var down = 1 / up;
        var note = look is { } at ? $"{evaluation.Note}, {SequentialDesign.Describe(at)}" : evaluation.Note;
        Verdict verdict;
        if (e.Metric == ComparedMetric.Time && baseSummary is not null && curSummary is not null
            && Math.Max(baseSummary.Median, curSummary.Median) < settings.TimeFloorNanoseconds)
        {
            verdict = Verdict.Unchanged;
            note = "below the timer's resolution";
        }
        else if (lo > 1 && ratio > up)
        {
            verdict = Verdict.Regressed;
        }
        else if (hi < 1 && ratio < down)
        {
            verdict = Verdict.Improved;
        }
        else if (lo <= 1 && hi >= 1 && (hi > up || lo < down))
        {
            verdict = Verdict.Inconclusive;
        }
        else
        {
            verdict = Verdict.Unchanged;
        }

        // The values shown beside the change agree with it: the base's typical value and that value moved by the estimated
        // shift (a paired or Hodges–Lehmann shift is not the difference of two medians, which can disagree with it by
        // several points on a skewed or drifting sample; for one load run a side it is each run's own statistic).
        var (bv, cv) = (Math.Exp(evaluation.TypicalBase), Math.Exp(evaluation.TypicalCurrent));

        // A shift of less than the time floor an operation (half a nanosecond, two cycles) is what moving code in memory
        // does between two builds: a nanosecond benchmark that never calls the changed code measured 3.74 → 4.18 ns.
        // Real, but not the change's, and too small for any design to tell apart: it is not called a regression.
        // The shift in nanoseconds about the sides' geometric middle, the same whichever side is the base.
        var nanoseconds = baseSummary is not null && curSummary is not null
            ? Math.Sqrt(baseSummary.Median * curSummary.Median) * 2 * Math.Sinh(Math.Abs(shift.Estimate) / 2) : double.PositiveInfinity;
        if (verdict is Verdict.Regressed or Verdict.Improved && e.Metric == ComparedMetric.Time && b.Category == Category.Micro
            && nanoseconds < settings.TimeFloorNanoseconds)
        {
            verdict = Verdict.Unchanged;
            note = string.Create(CultureInfo.InvariantCulture, $"{note}; a shift of {nanoseconds:0.###} ns an operation, within what code placement moves");
        }

        // Throughput was tested as time per request; report it the way users read it, higher is better.
        if (e.Metric == ComparedMetric.Throughput)
        {
            (ratio, lo, hi) = (1 / ratio, 1 / hi, 1 / lo);
            (bv, cv) = (1 / bv, 1 / cv);
        }

        return new MetricComparison
        {
            Metric = e.Metric,
            Verdict = verdict,
            Baseline = bv,
            Current = cv,
            Ratio = ratio,
            CiLower = lo,
            CiUpper = hi,
            Confidence = shift.Confidence,
            PValue = Math.Min(1, p * tests / share),
            BaselineN = evaluation.BaselineN,
            CurrentN = evaluation.CurrentN,
            Unit = evaluation.Unit,
            Note = note,
            Hint = verdict == Verdict.Inconclusive ? DecisionHint.For(evaluation, threshold) : null,
        };
    }

    // Below this many bytes per operation a change is the rounding of the runtime's own allocations; the smallest object is 24.
    private const double AllocationResolutionBytes = 7;

    private static MetricComparison AllocationVerdict(long baseline, long current, double threshold)
    {
        // Allocated bytes per operation are deterministic for a build: no test, any increase past the threshold counts.
        // The same band both ways, as for time: a drop counts as improved only past the threshold's mirror image.
        // Except for the last bytes: BenchmarkDotNet divides what the thread allocated by the operations, and the
        // runtime's own allocations on it now and then add one (6,592 → 6,593 B/op between two runs of one build, seen
        // in the main job). Less than a pointer's width per operation is not one more object per operation.
        var verdict = current > (baseline * (1 + threshold)) + AllocationResolutionBytes ? Verdict.Regressed
            : (current * (1 + threshold)) + AllocationResolutionBytes < baseline ? Verdict.Improved
            : Verdict.Unchanged;
        return new MetricComparison
        {
            Metric = ComparedMetric.Allocated,
            Verdict = verdict,
            Baseline = baseline,
            Current = current,
            Ratio = baseline == 0 ? (current == 0 ? 1 : null) : (double)current / baseline,
            BaselineN = 1,
            CurrentN = 1,
            Note = "deterministic: compared to within 7 bytes per operation",
        };
    }

    private static GeometricMeanSummary? GeometricMean(IReadOnlyList<BenchmarkComparison> benchmarks, double alpha) =>
        GeometricMeanSummary.Of(benchmarks
            .Where(b => b.Verdict is not (Verdict.Failed or Verdict.Missing or Verdict.New))
            .Select(b => b.Time)
            .OfType<MetricComparison>(), alpha);

    private sealed record Pending(string Id, BenchmarkResult? Baseline, BenchmarkResult? Current, double Regression, IReadOnlyList<Threshold> Sla, IReadOnlyList<TimeEvidence> Evidence, (string Note, string Hint)? NotComparable);
}
