using System.Globalization;
using AfirGen.PerfGate.Config.Scenarios;

namespace AfirGen.PerfGate.Load.Templates;

/// <summary>A scenario's variables, picked once per operation so that every use of <c>{id}</c> in one request agrees.</summary>
public sealed class VariableSet
{
    private readonly VariableDefinition[] variables;
    private readonly long[] sequence;

    /// <summary>Creates the set.</summary>
    public VariableSet(IReadOnlyList<VariableDefinition> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        this.variables = [.. variables];
        sequence = new long[this.variables.Length];
    }

    /// <summary>The variables' names, in order.</summary>
    public IReadOnlyList<string> Names => [.. variables.Select(v => v.Name)];

    /// <summary>The index of a variable, or -1.</summary>
    public int IndexOf(string name) => Array.FindIndex(variables, v => v.Name == name);

    /// <summary>Picks a value of every variable into <paramref name="values"/>: a range gives a long, a list a string.</summary>
    public void Pick(Random random, object[] values)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < variables.Length; i++)
        {
            var v = variables[i];
            var index = v.Sequential ? (Interlocked.Increment(ref sequence[i]) - 1) % v.Count : random.NextInt64(v.Count);
            values[i] = v.IsRange ? v.RangeMin + index : v.Values[(int)index];
        }
    }

    /// <summary>The first value of every variable, for checks made before the run (EXPLAIN, reachability).</summary>
    public object[] First() => [.. variables.Select(v => v.IsRange ? (object)v.RangeMin : v.Values[0])];

    /// <summary>A picked value as text.</summary>
    public static string Text(object value) => value switch
    {
        long n => n.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
