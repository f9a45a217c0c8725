using System.Reflection;
using System.Runtime.Loader;

namespace AfirGen.PerfGate.BenchmarkDotNet.Interleaved;

/// <summary>Loads one side's benchmark assembly and its dependencies apart from the other side's, in one process.</summary>
internal sealed class SideLoadContext(string mainAssembly) : AssemblyLoadContext(Path.GetFileName(mainAssembly), isCollectible: true)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The shared framework resolves to null here and comes from the default context, as it should.
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
