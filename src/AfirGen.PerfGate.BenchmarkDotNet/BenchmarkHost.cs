using System.Security;

namespace AfirGen.PerfGate.BenchmarkDotNet;

/// <summary>
/// An entry point for a benchmark project that has none taking BenchmarkDotNet's arguments: a library, or a test
/// project whose tests call BenchmarkRunner. perfgate writes a small program that references the project and hands its
/// command line to BenchmarkSwitcher, and builds it with the project's own BenchmarkDotNet, which the reference brings.
/// </summary>
internal static class BenchmarkHost
{
    /// <summary>Writes and builds the host of <paramref name="project"/> in <paramref name="directory"/>.</summary>
    public static async Task<BuiltProject> BuildAsync(BuiltProject project, string directory, CancellationToken cancellationToken)
    {
        var framework = project.Framework
            ?? await ProjectBuilder.PropertyAsync(project.ProjectPath, null, "TargetFramework", cancellationToken).ConfigureAwait(false)
            ?? throw new RunFailedException($"{project.ProjectPath}: its target framework could not be read");
        var assemblyName = Path.GetFileNameWithoutExtension(project.AssemblyPath);
        Directory.CreateDirectory(directory);
        // Outside the user's folders, so no Directory.Build.props, global.json or central package versions of theirs apply to it.
        await File.WriteAllTextAsync(Path.Combine(directory, "PerfGate.BenchmarkHost.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{SecurityElement.Escape(framework)}</TargetFramework>
                <Nullable>disable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <IsPackable>false</IsPackable>
                <IsTestProject>false</IsTestProject>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);NU1701;NU1702;MSB3270</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{SecurityElement.Escape(project.ProjectPath)}" />
              </ItemGroup>
            </Project>
            """, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), $$"""
            internal static class PerfGateBenchmarkHost
            {
                private static void Main(string[] args) =>
                    BenchmarkDotNet.Running.BenchmarkSwitcher
                        .FromAssembly(System.Reflection.Assembly.Load(new System.Reflection.AssemblyName("{{assemblyName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}}")))
                        .Run(args);
            }
            """, cancellationToken).ConfigureAwait(false);
        return await ProjectBuilder.BuildAsync(Path.Combine(directory, "PerfGate.BenchmarkHost.csproj"), framework, cancellationToken).ConfigureAwait(false);
    }
}
