using System.Runtime.InteropServices;

namespace AfirGen.PerfGate.Statistics;

/// <summary>A sample's values as a span for the kernels that read them in place.</summary>
internal static class Samples
{
    /// <summary>The array or list itself when it is one (the readers build arrays), else a copy.</summary>
    public static ReadOnlySpan<double> Span(IReadOnlyList<double> values) => values switch
    {
        double[] array => array,
        List<double> list => CollectionsMarshal.AsSpan(list),
        _ => values.ToArray(),
    };
}
