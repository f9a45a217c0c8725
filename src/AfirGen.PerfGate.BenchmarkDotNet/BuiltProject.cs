namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>A benchmark project built in Release: where it is and the assembly to launch.</summary>
/// <param name="ProjectPath">The project file.</param>
/// <param name="AssemblyPath">The built entry assembly (the .dll that <c>dotnet</c> runs).</param>
public sealed record BuiltProject(string ProjectPath, string AssemblyPath)
{
    /// <summary>The target framework it was built for when perfgate chose one (<c>&lt;TargetFrameworks&gt;</c>, <c>--framework</c>).</summary>
    public string? Framework { get; init; }
}
