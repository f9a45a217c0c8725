using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>
/// Runs the one job of a workflow file step by step, as the runner would on this machine: <c>run:</c> steps in bash with
/// their env, a step's <c>if:</c> (success by default), and the actions a PerfGate workflow uses. PerfGate itself runs
/// through <see cref="CompositeAction"/> with this build's tool; checkout and setup-dotnet are the test's own setup;
/// upload-artifact and download-artifact copy folders through <see cref="Artifacts"/>. Anything else fails the test,
/// so a workflow that grows a step this does not know is not silently half run.
/// </summary>
internal sealed partial class WorkflowRun
{
    private readonly YamlMappingNode job;

    public WorkflowRun(string workflowFile)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(workflowFile))
        {
            yaml.Load(reader);
        }

        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        job = (YamlMappingNode)jobs.Children.Single().Value;
    }

    /// <summary>Where uploaded artifacts are kept, a folder per name, for the next workflow to download.</summary>
    public required string Artifacts { get; init; }

    public sealed record Outcome(bool JobRan, bool Succeeded, string Log, IReadOnlyList<string> StepsRun)
    {
        public override string ToString() => $"job ran: {JobRan}, succeeded: {Succeeded}; steps: {string.Join(", ", StepsRun)}\n{Log}";
    }

    /// <summary>
    /// Runs the job for the event in <paramref name="eventFile"/> in <paramref name="workspace"/>; <paramref name="toolCommand"/>
    /// is given to the PerfGate action as its tool.
    /// </summary>
    public Outcome Run(string eventFile, IDictionary<string, string> environment, string workspace, string token, string toolCommand)
    {
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["github.token"] = token,
            ["github.repository"] = environment["GITHUB_REPOSITORY"],
            ["github.event_name"] = environment["GITHUB_EVENT_NAME"],
            ["github.ref"] = environment.TryGetValue("GITHUB_REF", out var r) ? r : "",
        };
        using (var document = JsonDocument.Parse(File.ReadAllText(eventFile)))
        {
            Flatten(document.RootElement, "github.event", context);
        }

        var log = new System.Text.StringBuilder();
        var ran = new List<string>();
        if (job.Children.TryGetValue("if", out var jobIf) && !Condition(Scalar(jobIf), context, failed: false))
        {
            return new Outcome(false, true, "", ran);
        }

        var failed = false;
        var temp = Directory.CreateTempSubdirectory("perfgate-workflow-");
        try
        {
            foreach (var step in ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
            {
                var condition = step.Children.TryGetValue("if", out var stepIf) ? Scalar(stepIf) : "success()";
                if (!Condition(condition, context, failed))
                {
                    continue;
                }

                var with = step.Children.TryGetValue("with", out var w)
                    ? ((YamlMappingNode)w).Children.ToDictionary(k => Scalar(k.Key), v => Evaluate(Scalar(v.Value), context))
                    : [];
                var id = step.Children.TryGetValue("id", out var i) ? Scalar(i) : null;
                bool ok;
                if (step.Children.TryGetValue("uses", out var uses))
                {
                    var action = Scalar(uses);
                    ran.Add(action[..action.IndexOf('@', StringComparison.Ordinal)]);
                    ok = Uses(action, with, id, context, environment, workspace, toolCommand, log);
                }
                else
                {
                    var name = step.Children.TryGetValue("name", out var n) ? Scalar(n) : "run";
                    ran.Add(name);
                    var outputFile = Path.Combine(temp.FullName, $"output-{ran.Count}");
                    File.WriteAllText(outputFile, "");
                    var script = Path.Combine(temp.FullName, $"step-{ran.Count}.sh");
                    File.WriteAllText(script, Scalar(step["run"]));
                    var env = new Dictionary<string, string>(environment) { ["GITHUB_OUTPUT"] = outputFile };
                    if (step.Children.TryGetValue("env", out var e))
                    {
                        foreach (var (k, v) in ((YamlMappingNode)e).Children)
                        {
                            env[Scalar(k)] = Evaluate(Scalar(v), context);
                        }
                    }

                    ok = CompositeAction.Bash(script, env, workspace, log) == 0;
                    if (id is not null)
                    {
                        foreach (var (k, v) in OutputFileParser.Parse(File.ReadAllText(outputFile)))
                        {
                            context[$"steps.{id}.outputs.{k}"] = v;
                        }
                    }
                }

                failed |= !ok;
            }

            return new Outcome(true, !failed, log.ToString(), ran);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private bool Uses(string action, Dictionary<string, string> with, string? id, Dictionary<string, string> context, IDictionary<string, string> environment,
        string workspace, string toolCommand, System.Text.StringBuilder log)
    {
        var name = action[..action.IndexOf('@', StringComparison.Ordinal)];
        switch (name)
        {
            case "actions/checkout":
            case "actions/setup-dotnet":
                // The test has put the repository's code in the workspace and dotnet on the PATH already.
                return true;
            case "actions/upload-artifact":
                CopyDirectory(Path.Combine(workspace, with["path"]), Path.Combine(Artifacts, with["name"]));
                return true;
            case "actions/download-artifact":
                CopyDirectory(Path.Combine(Artifacts, with["name"]), Path.Combine(workspace, with["path"]));
                return true;
            case "afirgen/perfgate":
                var perfgate = new CompositeAction(Path.Combine(RepositoryRoot(), "action.yml"));
                var inputs = new Dictionary<string, string>(with) { ["tool-command"] = toolCommand };
                var github = new Dictionary<string, string>
                {
                    ["token"] = context["github.token"],
                    ["repository"] = context["github.repository"],
                    ["event_name"] = context["github.event_name"],
                };
                var outcome = perfgate.Run(inputs, github, new Dictionary<string, string>(environment), workspace);
                log.Append(outcome.Log);
                if (id is not null)
                {
                    foreach (var (k, v) in outcome.Outputs)
                    {
                        context[$"steps.{id}.outputs.{k}"] = v;
                    }
                }

                return outcome.ExitCode == 0;
            default:
                throw new InvalidOperationException($"the workflow uses {action}, which this runner does not know");
        }
    }

    /// <summary>
    /// A condition as the example workflows write them: terms joined by &amp;&amp;, each a status function
    /// (success(), failure(), always(), !cancelled()) or a context value compared with == or != to a quoted string.
    /// </summary>
    private static bool Condition(string text, Dictionary<string, string> context, bool failed)
    {
        var expression = text.Trim();
        if (expression.StartsWith("${{", StringComparison.Ordinal) && expression.EndsWith("}}", StringComparison.Ordinal))
        {
            expression = expression[3..^2].Trim();
        }

        var result = true;
        var status = false;
        foreach (var term in expression.Split("&&", StringSplitOptions.TrimEntries))
        {
            var comparison = Comparison().Match(term);
            switch (term)
            {
                case "success()":
                    status = true;
                    result &= !failed;
                    break;
                case "failure()":
                    status = true;
                    result &= failed;
                    break;
                case "always()":
                case "!cancelled()":
                    status = true;
                    break;
                default:
                    if (!comparison.Success)
                    {
                        throw new InvalidOperationException($"unsupported condition: {term}");
                    }

                    var value = context.GetValueOrDefault(comparison.Groups[1].Value, "");
                    var equal = string.Equals(value, comparison.Groups[3].Value, StringComparison.OrdinalIgnoreCase);
                    result &= comparison.Groups[2].Value == "==" ? equal : !equal;
                    break;
            }
        }

        // Without a status function a condition holds only while the job is succeeding, as on GitHub.
        return result && (status || !failed);
    }

    /// <summary>Replaces each <c>${{ name }}</c> by its context value; an unset step output or github value is empty.</summary>
    private static string Evaluate(string text, Dictionary<string, string> context) => Expression().Replace(text, m =>
    {
        var name = m.Groups[1].Value;
        return context.TryGetValue(name, out var value) ? value
            : name.StartsWith("steps.", StringComparison.Ordinal) || name.StartsWith("github.", StringComparison.Ordinal) ? ""
            : throw new InvalidOperationException($"unsupported expression: {m.Value}");
    });

    private static void Flatten(JsonElement element, string path, Dictionary<string, string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    Flatten(p.Value, path + "." + p.Name, into);
                }

                break;
            case JsonValueKind.String:
                into[path] = element.GetString()!;
                break;
            case JsonValueKind.Number:
                into[path] = element.GetRawText();
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                into[path] = element.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
                break;
        }
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "action.yml")) && File.Exists(Path.Combine(dir.FullName, "AfirGen.PerfGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("action.yml not found above the test folder");
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    [GeneratedRegex(@"\$\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^([A-Za-z0-9_.-]+)\s*(==|!=)\s*'([^']*)'$")]
    private static partial Regex Comparison();
}
