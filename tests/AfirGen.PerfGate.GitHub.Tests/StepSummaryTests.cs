using System.Text;

namespace AfirGen.PerfGate.GitHub.Tests;

public sealed class StepSummaryTests
{
    [Fact]
    public void AHugeSuiteStaysUnderTheOneMebibyteCap()
    {
        var suite = Suites.Compare(4000, i => $"🔥Bench.{new string('λ', 150)}.{i}", i => i % 3 == 0 ? 1.3 : 1.0);

        var text = StepSummary.Render(suite, null)!;

        Assert.True(Encoding.UTF8.GetByteCount(text) <= StepSummary.MaxBytes);
        Assert.True(text.Length > CommentBody.GitHubLimit, "the summary has room for more rows than a comment");
    }

    [Fact]
    public void AFullSummaryFileGetsNothingMore()
    {
        Assert.Null(StepSummary.Render(Suites.Compare(2, i => $"B{i}", _ => 1.3), null, existingBytes: StepSummary.MaxBytes - 1_000));
    }
}
