using System.Diagnostics;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>
/// scripts/lint-actions.sh on the workflows in lint-fixtures/ (outside the folders its default run globs): each rule
/// fails its bad fixture with one line naming the file, job and step, and the good fixture passes every rule.
/// </summary>
public sealed class LintTests
{
    private const string Fixtures = "tests/AfirGen.PerfGate.GitHub.Tests/lint-fixtures";
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void GoodFixturePassesEveryRule()
    {
        var outcome = Lint("good.yml");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("passed actionlint, action-validator, shellcheck and the project's rules", outcome.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run-expression.yml", "gate/Print the commit", "${{ }} in a run: script; pass the value through env:")]
    [InlineData("run-expression-action/action.yml", "runs/Greet", "${{ }} in a run: script; pass the value through env:")]
    [InlineData("checkout-pull-request-target.yml", "comment/Check out", "actions/checkout under pull_request_target")]
    [InlineData("persist-credentials.yml", "gate/Check out", "actions/checkout without persist-credentials: false")]
    [InlineData("unpinned-tag.yml", "gate/Set up .NET", "actions/setup-dotnet@v6 is not pinned by a full commit SHA")]
    [InlineData("pinned-without-version.yml", "gate/Set up .NET", "is pinned by SHA but no comment after it names the version")]
    [InlineData("run-shellcheck.yml", "gate/Unquoted", "run: line 2: info: Double quote to prevent globbing and word splitting. [SC2086]")]
    public void BadFixtureFailsWithOneLineNamingTheStepAndTheRule(string fixture, string where, string rule)
    {
        var outcome = Lint(fixture);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var line = Assert.Single(outcome.Lines, l => l.Contains(fixture, StringComparison.Ordinal));
        Assert.StartsWith($"{Fixtures}/{fixture}: {where}: ", line, StringComparison.Ordinal);
        Assert.Contains(rule, line, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkflowRunCheckoutOfCodeNamedByAnyExpressionFailsEachStep()
    {
        const string fixture = "checkout-workflow-run-head.yml";

        var outcome = Lint(fixture);

        Assert.True(outcome.ExitCode == 1, outcome.ToString());
        var lines = outcome.Lines.Where(l => l.Contains(fixture, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, lines.Count);
        var at = $"{Fixtures}/{fixture}: comment/";
        Assert.Contains(lines, l => l.StartsWith(at + "Check out the head commit: actions/checkout under workflow_run with ref: ${{ github.event.workflow_run.head_sha }}: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(at + "Check out the head repository: actions/checkout under workflow_run with repository: ${{ github.event.workflow_run.head_repository.full_name }}: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(at + "Check out a ref another step read: actions/checkout under workflow_run with ref: ${{ steps.head.outputs.ref }}: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(at + "Check out with the safeguard off: actions/checkout with allow-unsafe-pr-checkout", StringComparison.Ordinal));
    }

    private sealed record Outcome(int ExitCode, string Output)
    {
        public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    private static Outcome Lint(string fixture)
    {
        var psi = new ProcessStartInfo("bash")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("scripts/lint-actions.sh");
        psi.ArgumentList.Add($"{Fixtures}/{fixture}");
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start bash");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        // Generous: the first run on a fresh machine installs the linters (shellcheck, two npm packages).
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"the lint of {fixture} did not finish");
        }

        return new Outcome(p.ExitCode, stdout.Result + stderr.Result);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "lint-actions.sh")) && File.Exists(Path.Combine(dir.FullName, "AfirGen.PerfGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("scripts/lint-actions.sh not found above the test folder");
    }
}
