using System.Globalization;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.Reports;

namespace AfirGen.PerfGate.Cli.Commands.Run;

/// <summary>The one progress line printed as each level finishes.</summary>
internal static class LevelLine
{
    public static string Format(BenchmarkResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Category == Category.Micro)
        {
            // A micro-benchmark is not a load level: it has a time per operation, not requests and percentiles of them.
            var summary = Statistics.Summaries.Of(r);
            var time = summary is null ? "no measurements" : "median " + DisplayFormat.Time(summary.Median) + " per operation";
            var launches = string.Create(CultureInfo.InvariantCulture, $"{r.Launches.Count} launch{(r.Launches.Count == 1 ? "" : "es")}");
            var memory = r.Memory is { } m ? ", allocated " + DisplayFormat.Bytes(m.AllocatedBytesPerOperation) + "/op" : "";
            var micro = $"  {PlainText.Clean(r.Id)}: {time}, {launches}{memory}";
            return r.Status == BenchmarkStatus.Failed ? $"{micro}  FAILED: {PlainText.Clean(r.Error, 500)}" : micro;
        }

        var s = r.Scenario;
        var l = r.Latency;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  {PlainText.Clean(r.Id)}: {s?.Requests ?? 0} requests, {s?.Throughput ?? 0:0.#}/s, p50 {(l is null ? "-" : DisplayFormat.Time(l.P50))}, p95 {(l is null ? "-" : DisplayFormat.Time(l.P95))}, p99 {(l is null ? "-" : DisplayFormat.Time(l.P99))}");
        if (s is { ErrorCount: > 0 })
        {
            line += $", errors {string.Join(" ", s.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key}={e.Value}")))}";
        }

        if (s?.HitRate is { } hit)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", hit rate {hit:P1}");
        }

        if (s?.System is { } sys)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", cpu machine {sys.MachineCpu:P0} generator {sys.GeneratorCpu:P0}");
        }

        return r.Status == BenchmarkStatus.Failed ? $"{line}  FAILED: {PlainText.Clean(r.Error, 500)}" : line;
    }
}
