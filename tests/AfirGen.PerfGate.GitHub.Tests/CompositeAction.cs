using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>
/// Runs a composite action's steps in order in bash, as the runner does: each step's env with its expressions
/// (inputs, github, runner, steps) evaluated, a fresh GITHUB_OUTPUT per step, and the first failing step ending the job.
/// Only plain context lookups are supported; anything else in an expression fails the test.
/// </summary>
internal sealed partial class CompositeAction
{
    private readonly YamlMappingNode root;

    public CompositeAction(string actionFile)
    {
        ActionPath = Path.GetDirectoryName(Path.GetFullPath(actionFile))!;
        var yaml = new YamlStream();
        using (var reader = new StreamReader(actionFile))
        {
            yaml.Load(reader);
        }

        root = (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    public string ActionPath { get; }

    public sealed record Step(string? Id, string Name, string Shell, string Run, IReadOnlyDictionary<string, string> Env);

    public sealed record Outcome(int ExitCode, string Log, IReadOnlyDictionary<string, string> Outputs, IReadOnlyList<string> StepsRun)
    {
        public override string ToString() => $"exit {ExitCode}; steps: {string.Join(", ", StepsRun)}\n{Log}";
    }

    public IReadOnlyDictionary<string, string> InputDefaults =>
        Map(root, "inputs").Children.ToDictionary(k => Scalar(k.Key), v => ((YamlMappingNode)v.Value).Children.TryGetValue("default", out var d) ? Scalar(d) : "");

    public IReadOnlyList<Step> Steps =>
        ((YamlSequenceNode)Map(root, "runs")["steps"]).Children.Cast<YamlMappingNode>().Select(s => new Step(
            s.Children.TryGetValue("id", out var id) ? Scalar(id) : null,
            s.Children.TryGetValue("name", out var name) ? Scalar(name) : "",
            s.Children.TryGetValue("shell", out var shell) ? Scalar(shell) : "",
            s.Children.TryGetValue("run", out var run) ? Scalar(run) : "",
            s.Children.TryGetValue("env", out var env) ? ((YamlMappingNode)env).Children.ToDictionary(k => Scalar(k.Key), v => Scalar(v.Value)) : new Dictionary<string, string>()))
        .ToList();

    /// <summary>Every scalar of the file with the path to it, to check where expressions may appear.</summary>
    public IEnumerable<(string Path, string Value)> Scalars() => Walk(root, "");

    public Outcome Run(IReadOnlyDictionary<string, string> inputs, IReadOnlyDictionary<string, string> github, IDictionary<string, string> environment, string workingDirectory)
    {
        var unknown = inputs.Keys.Except(InputDefaults.Keys).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("not inputs of the action: " + string.Join(", ", unknown));
        }

        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in github)
        {
            context["github." + k] = v;
        }

        context["runner.temp"] = environment["RUNNER_TEMP"];
        foreach (var (k, v) in InputDefaults)
        {
            context["inputs." + k] = inputs.TryGetValue(k, out var given) ? given : Evaluate(v, context);
        }

        var log = new System.Text.StringBuilder();
        var ran = new List<string>();
        var temp = Directory.CreateTempSubdirectory("perfgate-action-");
        try
        {
            foreach (var step in Steps)
            {
                var outputFile = Path.Combine(temp.FullName, $"output-{ran.Count}");
                File.WriteAllText(outputFile, "");
                var script = Path.Combine(temp.FullName, $"step-{ran.Count}.sh");
                File.WriteAllText(script, step.Run);
                var env = new Dictionary<string, string>(environment)
                {
                    ["GITHUB_OUTPUT"] = outputFile,
                    ["GITHUB_ACTION_PATH"] = ActionPath,
                };
                foreach (var (k, v) in step.Env)
                {
                    env[k] = Evaluate(v, context);
                }

                ran.Add(step.Name);
                var code = Bash(script, env, workingDirectory, log);
                if (step.Id is { } id)
                {
                    foreach (var (k, v) in OutputFileParser.Parse(File.ReadAllText(outputFile)))
                    {
                        context[$"steps.{id}.outputs.{k}"] = v;
                    }
                }

                if (code != 0)
                {
                    return new Outcome(code, log.ToString(), Outputs(context), ran);
                }
            }

            return new Outcome(0, log.ToString(), Outputs(context), ran);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private Dictionary<string, string> Outputs(Dictionary<string, string> context) =>
        Map(root, "outputs").Children.ToDictionary(k => Scalar(k.Key), v => Evaluate(Scalar(((YamlMappingNode)v.Value)["value"]), context));

    /// <summary>Replaces each <c>${{ name }}</c> by its context value; an unset step output is empty, as on GitHub.</summary>
    private static string Evaluate(string text, Dictionary<string, string> context) => Expression().Replace(text, m =>
    {
        var name = m.Groups[1].Value;
        if (context.TryGetValue(name, out var value))
        {
            return value;
        }

        return name.StartsWith("steps.", StringComparison.Ordinal) || name.StartsWith("github.", StringComparison.Ordinal)
            ? ""
            : throw new InvalidOperationException($"unsupported expression: {m.Value}");
    });

    internal static int Bash(string script, Dictionary<string, string> env, string workingDirectory, System.Text.StringBuilder log)
    {
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The runner's own invocation for shell: bash.
        foreach (var a in new[] { "--noprofile", "--norc", "-eo", "pipefail", script })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Clear();
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("a step of the action did not finish");
        }

        log.Append(stdout.Result).Append(stderr.Result);
        return p.ExitCode;
    }

    private static IEnumerable<(string, string)> Walk(YamlNode node, string path) => node switch
    {
        YamlScalarNode s => [(path, s.Value ?? "")],
        YamlMappingNode m => m.Children.SelectMany(c => Walk(c.Value, path + "/" + Scalar(c.Key))),
        YamlSequenceNode q => q.Children.SelectMany((c, i) => Walk(c, path + "/" + i)),
        _ => [],
    };

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    [GeneratedRegex(@"\$\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex Expression();
}
