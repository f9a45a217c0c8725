using AfirGen.PerfGate.Cli;
using AfirGen.PerfGate.IO;
using AfirGen.PerfGate.Model;

namespace AfirGen.PerfGate.Load.Tests;

/// <summary>Runs the perfgate command line in this process and reads what it wrote.</summary>
internal sealed class Perfgate : IDisposable
{
    public string Out { get; } = Directory.CreateTempSubdirectory("perfgate-load-test-").FullName;

    public int ExitCode { get; private set; }

    public string Stdout { get; private set; } = "";

    public string Stderr { get; private set; } = "";

    public ResultSet Results => ResultLoader.Load(Path.Combine(Out, "results.json"));

    public BenchmarkResult Result(string id) => Results.Benchmarks.Single(b => b.Id == id);

    public async Task<int> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ExitCode = await PerfGateCommand.RunAsync([.. args, "--out", Out], stdout, stderr, cancellationToken);
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
        return ExitCode;
    }

    public Task<int> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    /// <summary>Writes a config file into the output folder and returns its path.</summary>
    public string Config(string json)
    {
        var path = Path.Combine(Out, "perfgate.json");
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose() => Directory.Delete(Out, recursive: true);
}
