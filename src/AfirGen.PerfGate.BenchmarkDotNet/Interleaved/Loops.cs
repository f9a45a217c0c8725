using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace AfirGen.PerfGate.BenchmarkDotNet.Interleaved;

/// <summary>
/// The timed loops, one per return shape, each generic in the result type so that a value-type result is consumed
/// without boxing. A loop calls the benchmark through a delegate, as BenchmarkDotNet's engine does, and returns the
/// elapsed <see cref="Stopwatch"/> ticks of <c>operations</c> calls; async results are awaited call by call.
/// </summary>
internal static class Loops
{
    /// <summary>The loop for a delegate of <paramref name="shape"/>, closed over the delegate: operations → elapsed ticks.</summary>
    public static Func<long, long> For(ReturnShape shape, Delegate benchmark)
    {
        var name = shape.Kind switch
        {
            ReturnKind.Void => nameof(Void),
            ReturnKind.Value => nameof(Value),
            ReturnKind.Task => nameof(Task),
            ReturnKind.TaskOfT => nameof(TaskOf),
            ReturnKind.ValueTask => nameof(ValueTask),
            _ => nameof(ValueTaskOf),
        };
        var loop = typeof(Loops).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
        if (shape.Result is { } result)
        {
            loop = loop.MakeGenericMethod(result);
        }

        return loop.CreateDelegate<Func<long, long>>(benchmark);
    }

    public static long Void(Action benchmark, long operations)
    {
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < operations; i++)
        {
            benchmark();
        }

        return Stopwatch.GetTimestamp() - start;
    }

    public static long Value<T>(Func<T> benchmark, long operations)
    {
        T last = default!;
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < operations; i++)
        {
            last = benchmark();
        }

        var elapsed = Stopwatch.GetTimestamp() - start;
        Sink<T>.Keep(last);
        return elapsed;
    }

    public static long Task(Func<Task> benchmark, long operations)
    {
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < operations; i++)
        {
            benchmark().GetAwaiter().GetResult();
        }

        return Stopwatch.GetTimestamp() - start;
    }

    public static long TaskOf<T>(Func<Task<T>> benchmark, long operations)
    {
        T last = default!;
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < operations; i++)
        {
            last = benchmark().GetAwaiter().GetResult();
        }

        var elapsed = Stopwatch.GetTimestamp() - start;
        Sink<T>.Keep(last);
        return elapsed;
    }

    public static long ValueTask(Func<ValueTask> benchmark, long operations)
    {
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < operations; i++)
        {
            var task = benchmark();
            if (task.IsCompleted)
            {
                task.GetAwaiter().GetResult();
            }
            else
            {
                task.AsTask().GetAwaiter().GetResult();
            }
        }

        return Stopwatch.GetTimestamp() - start;
    }

    public static long ValueTaskOf<T>(Func<ValueTask<T>> benchmark, long operations)
    {
        T last = default!;
        var start = Stopwatch.GetTimestamp();
        for (long i = 0; i < operations; i++)
        {
            var task = benchmark();
            last = task.IsCompleted ? task.GetAwaiter().GetResult() : task.AsTask().GetAwaiter().GetResult();
        }

        var elapsed = Stopwatch.GetTimestamp() - start;
        Sink<T>.Keep(last);
        return elapsed;
    }

    /// <summary>Where the last result of a loop is kept, so that the calls cannot be treated as dead code; a struct stays unboxed.</summary>
    private static class Sink<T>
    {
#pragma warning disable IDE0052 // Written to be kept, never read.
        private static T? _value;
#pragma warning restore IDE0052

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Keep(T value) => _value = value;
    }
}

/// <summary>How a benchmark returns: what its loop awaits and what result type it keeps.</summary>
internal enum ReturnKind
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>A benchmark's return shape and the delegate type that calls it.</summary>
/// <param name="Kind">What the loop does with each call's return.</param>
/// <param name="Result">The result type the loop keeps, or null when there is none.</param>
/// <param name="DelegateType">Action or Func of the method's return type.</param>
internal sealed record ReturnShape(ReturnKind Kind, Type? Result, Type DelegateType)
{
    /// <summary>The shape of <paramref name="returnType"/>, or null when a delegate cannot return it (a ref, pointer or ref struct).</summary>
    public static ReturnShape? Of(Type returnType)
    {
        ArgumentNullException.ThrowIfNull(returnType);
        if (returnType == typeof(void))
        {
            return new ReturnShape(ReturnKind.Void, null, typeof(Action));
        }

        if (returnType.IsByRef || returnType.IsPointer || returnType.IsByRefLike || returnType.ContainsGenericParameters)
        {
            return null;
        }

        var func = typeof(Func<>).MakeGenericType(returnType);
        if (returnType == typeof(Task))
        {
            return new ReturnShape(ReturnKind.Task, null, func);
        }

        if (returnType == typeof(ValueTask))
        {
            return new ReturnShape(ReturnKind.ValueTask, null, func);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return new ReturnShape(ReturnKind.TaskOfT, returnType.GetGenericArguments()[0], func);
        }

        return returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)
            ? new ReturnShape(ReturnKind.ValueTaskOfT, returnType.GetGenericArguments()[0], func)
            : new ReturnShape(ReturnKind.Value, returnType, func);
    }

    /// <summary>
    /// A delegate of this shape that does nothing but return an already completed, default result: the harness
    /// overhead, called and consumed exactly as the benchmark is.
    /// </summary>
    public Delegate Empty()
    {
        var target = typeof(EmptyTarget<>).MakeGenericType(Result ?? typeof(object));
        var instance = Activator.CreateInstance(target)!;
        var method = Kind switch
        {
            ReturnKind.Void => "Void",
            ReturnKind.Value => "Value",
            ReturnKind.Task => "Task",
            ReturnKind.TaskOfT => "TaskOf",
            ReturnKind.ValueTask => "ValueTask",
            _ => "ValueTaskOf",
        };
        return target.GetMethod(method)!.CreateDelegate(DelegateType, instance);
    }
}

/// <summary>The empty methods the overhead is measured with, one per return shape; never inlined, as a benchmark is not.</summary>
#pragma warning disable CA1822 // Instance methods, bound to an instance, as a benchmark's delegate is.
internal sealed class EmptyTarget<T>
{
    private static readonly Task<T> CompletedOfT = System.Threading.Tasks.Task.FromResult(default(T)!);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Void()
    {
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public T Value() => default!;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public Task Task() => System.Threading.Tasks.Task.CompletedTask;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public Task<T> TaskOf() => CompletedOfT;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public ValueTask ValueTask() => default;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public ValueTask<T> ValueTaskOf() => default;
}
#pragma warning restore CA1822
