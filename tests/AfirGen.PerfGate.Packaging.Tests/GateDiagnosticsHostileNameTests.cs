using AfirGen.PerfGate.Comparison;
using AfirGen.PerfGate.Config;
using AfirGen.PerfGate.Model;
using AfirGen.PerfGate.MSBuild;
using AfirGen.PerfGate.Tests.Reports;

namespace AfirGen.PerfGate.Packaging.Tests;

/// <summary>The build's `error PERFnnnn` lines with hostile names, and in every culture.</summary>
public sealed class GateDiagnosticsHostileNameTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    private static SuiteComparison Suite()
    {
        var ids = HostileIds.All;
        var baseline = ids.Select((id, i) => BenchProject.Micro(id, 100, i, 64)).ToArray();
        var current = ids.Select((id, i) => (i % 3) switch
        {
            0 => BenchProject.Micro(id, 150, 1000 + i, 64),
            1 => BenchProject.Micro(id, 100, 1000 + i, 96),
            _ => new BenchmarkResult { Id = id, Status = BenchmarkStatus.Failed, Error = id + "\n   at " + id },
        }).ToArray();
        return SuiteComparer.Compare(new ResultSet { Benchmarks = baseline }, new ResultSet { Benchmarks = current }, PerfGateConfig.Default, Now);
    }

    [Fact]
    public void EveryDiagnosticIsOneInertLineWithACut()
    {
        var diagnostics = GateDiagnostics.For(Suite(), "/r/current.json", "/r/baseline.json", failOnRegression: true, locator: null);

        Assert.True(diagnostics.Count >= HostileIds.All.Count);
        foreach (var d in diagnostics)
        {
            Assert.DoesNotContain('\n', d.Message);
            // As MSBuild prints it: the file and code come first, so no name starts the line.
            HostileNameChecks.AssertInert($"{d.File}({d.Line},{d.Column}): {(d.IsError ? "error" : "warning")} {d.Code}: {d.Message}");
            // MSBuild prints "file(line,col): error CODE: message"; a name must not make the message look like a second diagnostic.
            Assert.False(d.Message.StartsWith("error", StringComparison.OrdinalIgnoreCase), d.Message);
            Assert.True(d.Message.Length < 1_500, $"{d.Message.Length} characters");
        }
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("ru-RU")]
    [InlineData("tr-TR")]
    public void DiagnosticsAreTheSameInEveryCulture(string culture)
    {
        var suite = Suite();
        string Lines() => string.Join("\n", GateDiagnostics.For(suite, "/r/current.json", "/r/baseline.json", true, null).Select(d => $"{d.Code} {d.IsError} {d.File} {d.Message}"))
            + "\n" + GateDiagnostics.Summary(suite);
        var invariant = Lines();

        var saved = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal(invariant, Lines());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
