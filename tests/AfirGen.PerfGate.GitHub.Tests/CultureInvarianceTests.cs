using System.Globalization;
using System.Text.RegularExpressions;
using AfirGen.PerfGate.Cli.Tests;
using AfirGen.PerfGate.Tests.Tooling;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>What PerfGate writes for GitHub and the files the tool writes are the same whatever the culture, in process and in a real process per locale.</summary>
public sealed partial class CultureInvarianceTests
{
    public static readonly TheoryData<string> Cultures = new() { "en-US", "de-DE", "ru-RU", "tr-TR" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void CommentSummaryAnnotationsAndOutputsAreTheSameInEveryCulture(string culture)
    {
        Assert.Equal(Render(CultureInfo.InvariantCulture), Render(CultureInfo.GetCultureInfo(culture)));
    }

    [Theory]
    [InlineData("en_US.UTF-8")]
    [InlineData("de_DE.UTF-8")]
    [InlineData("ru_RU.UTF-8")]
    [InlineData("tr_TR.UTF-8")]
    public void TheToolWritesTheSameFilesUnderEveryLocale(string locale)
    {
        using var dir = new TempDir();
        var baseline = Results.Write(dir.File("baseline.json"), Results.Micro("Sample.Bench.Index", 1, 1234.5), Results.Micro("Sample.Bench.LIST_I", 2, 0.75));
        var current = Results.Write(dir.File("current.json"), Results.Micro("Sample.Bench.Index", 3, 1500.25), Results.Micro("Sample.Bench.LIST_I", 4, 0.7));

        string[] Run(string? lang, string outDir)
        {
            var env = new Dictionary<string, string> { ["LANG"] = lang ?? "C", ["LC_ALL"] = lang ?? "C", ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = lang is null ? "1" : "0" };
            var outcome = PerfGateProcess.Run(dir.Path, env, "compare", baseline, current, "--out", outDir);
            Assert.True(outcome.ExitCode is 0 or 1, outcome.ToString());
            return Directory.GetFiles(outDir).Order(StringComparer.Ordinal)
                .Select(f => Path.GetFileName(f) + "\n" + Timestamp().Replace(File.ReadAllText(f), "T")).Append(Timestamp().Replace(outcome.Stdout, "T")).ToArray();
        }

        var invariant = Run(null, dir.File("invariant"));
        var local = Run(locale, dir.File("local"));

        Assert.Equal(invariant.Length, local.Length);
        for (var i = 0; i < invariant.Length; i++)
        {
            Assert.Equal(invariant[i], local[i]);
        }
    }

    private static string Render(CultureInfo culture)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var suite = Suites.Compare(12, i => $"Bench.Index{i}", i => 0.6 + (i * 0.1));
            var outputs = StepOutputs.Format([KeyValuePair.Create("verdict", "regressed"), KeyValuePair.Create("change", "+12.5%")]);
            return string.Join("\n---\n",
                CommentBody.Render(suite, "perf", new Uri("https://github.com/o/r/actions/runs/1")),
                StepSummary.Render(suite, null),
                string.Join("\n", Annotations.For(suite, "perfgate.json")),
                Delimiter().Replace(outputs, "D"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Timestamp();

    [GeneratedRegex("ghadelimiter_[0-9A-F]+")]
    private static partial Regex Delimiter();
}
