using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Shapes.Library;

namespace Shapes.Benchmarks;

// One benchmark class per shape a BenchmarkDotNet user writes. Methods named Changing call the code the head
// revision slows down; methods named Steady call code that never changes.

[BenchmarkCategory("plain")]
public class Plain
{
    [Benchmark(Baseline = true)]
    public long Steady() => Work.Steady(40);

    [Benchmark]
    [BenchmarkCategory("slowed")]
    public long Changing() => Work.Changing(40);
}

public class Params
{
    [Params(20, 40)]
    public int Units { get; set; }

    [Benchmark]
    public long Changing() => Work.Changing(Units);
}

public class ParamsSource
{
    [ParamsSource(nameof(Sizes))]
    public int Units;

    public static IEnumerable<int> Sizes => [24, 48];

    [Benchmark]
    public long Steady() => Work.Steady(Units);
}

public enum Mode { Short, Long }

public class ParamsAllValues
{
    [ParamsAllValues]
    public bool Twice { get; set; }

    [ParamsAllValues]
    public Mode Mode { get; set; }

    [Benchmark]
    public long Changing() => Work.Changing((Twice ? 2 : 1) * (Mode == Mode.Long ? 40 : 20));
}

public class Arguments
{
    [Benchmark]
    [Arguments(20)]
    [Arguments(40)]
    public long Changing(int units) => Work.Changing(units);

    [Benchmark]
    [Arguments(30, "thirty")]
    public long Steady(int units, string label) => Work.Steady(units) + label.Length;
}

public class ArgumentsSource
{
    public static IEnumerable<object[]> Pairs() => [[16, 2], [32, 1]];

    public IEnumerable<string> Texts() => ["short", new string('x', 40)];

    [Benchmark]
    [ArgumentsSource(nameof(Pairs))]
    public long Steady(int units, int times) => Work.Steady(units * times);

    [Benchmark]
    [ArgumentsSource(nameof(Texts))]
    public long Changing(string text) => Work.Changing(text.Length);
}

/// <summary>
/// Global setup and cleanup with and without Target, as BenchmarkDotNet runs them: a benchmark gets the one setup
/// that targets it, or else the one that targets none, never both and never another benchmark's.
/// </summary>
public class GlobalSetups
{
    private int[]? _forSteady;
    private int[]? _forChanging;
    private int _common;

    [GlobalSetup]
    public void Common() => _common = 24;

    [GlobalSetup(Target = nameof(Steady))]
    public void SetupSteady() => _forSteady = new int[40];

    [GlobalSetup(Targets = [nameof(Changing)])]
    public void SetupChanging() => _forChanging = new int[40];

    [GlobalCleanup(Target = nameof(Steady))]
    public void CleanupSteady() => Log("cleanup Steady");

    [GlobalCleanup]
    public void CleanupOthers() => Log("cleanup others");

    [Benchmark]
    public long Steady() => _forChanging is null && _common == 0
        ? Work.Steady(_forSteady!.Length)
        : throw new InvalidOperationException("a setup of another benchmark ran for Steady");

    [Benchmark]
    public long Changing() => _forSteady is null && _common == 0
        ? Work.Changing(_forChanging!.Length)
        : throw new InvalidOperationException("a setup of another benchmark ran for Changing");

    [Benchmark]
    public long Untargeted() => _forSteady is null && _forChanging is null
        ? Work.Steady(_common)
        : throw new InvalidOperationException("a targeted setup ran for Untargeted");

    private static void Log(string line)
    {
        if (Environment.GetEnvironmentVariable("SHAPES_CLEANUP_LOG") is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}

/// <summary>Iteration setup: each invocation must find the array unsorted, as BenchmarkDotNet guarantees.</summary>
public class IterationSetups
{
    private readonly int[] _array = new int[256];
    private int _cleanups;

    [IterationSetup]
    public void Shuffle()
    {
        for (var i = 0; i < _array.Length; i++)
        {
            _array[i] = _array.Length - i;
        }
    }

    [IterationCleanup]
    public void Cleanup() => _cleanups++;

    [Benchmark]
    public long Changing()
    {
        if (_array[0] < _array[1])
        {
            throw new InvalidOperationException("the iteration setup did not run before this invocation");
        }

        Array.Sort(_array);
        return Work.Changing(80) + _cleanups;
    }
}

public class Async
{
    [Benchmark]
    public Task Task() => System.Threading.Tasks.Task.FromResult(Work.Steady(30));

    [Benchmark]
    public async Task<long> TaskOfT()
    {
        await System.Threading.Tasks.Task.Yield();
        return Work.Changing(1000);
    }

    [Benchmark]
    public ValueTask ValueTask()
    {
        Work.Changing(30);
        return default;
    }

    [Benchmark]
    public ValueTask<long> ValueTaskOfT() => new(Work.Steady(30));
}

[GenericTypeArguments(typeof(int))]
[GenericTypeArguments(typeof(string))]
public class Generic<T>
{
    private readonly List<T> _items = [];

    [Benchmark]
    public int Changing()
    {
        _items.Clear();
        _items.Add(default!);
        return _items.Count + (int)Work.Changing(30);
    }
}

/// <summary>Class-level jobs: the interleaved gate measures in its own way; <c>run</c> keeps one result per job.</summary>
[ShortRunJob]
[SimpleJob(RuntimeMoniker.HostProcess, launchCount: 1, warmupCount: 1, iterationCount: 3, id: "Tiny")]
public class Jobs
{
    [Benchmark]
    public long Steady() => Work.Steady(30);
}

/// <summary>A value type returned by every call: the harness must consume it without boxing.</summary>
public class Structs
{
    [Benchmark]
    public (long Sum, int Count) Changing() => (Work.Changing(30), 1);
}

/// <summary>Returns a delegate cannot carry (a reference, a ref struct): <c>ab</c> measures these in BenchmarkDotNet processes.</summary>
public class Refs
{
    private readonly byte[] _bytes = new byte[64];
    private long _value;

    [Benchmark]
    public ref long Changing()
    {
        _value = Work.Changing(30);
        return ref _value;
    }

    [Benchmark]
    public ReadOnlySpan<byte> Steady()
    {
        _bytes[0] = (byte)Work.Steady(30);
        return _bytes;
    }
}
