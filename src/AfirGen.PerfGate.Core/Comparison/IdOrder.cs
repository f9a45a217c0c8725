namespace AfirGen.PerfGate.Comparison;

/// <summary>Orders benchmark ids as a person reads them: runs of digits by value, so @c5 comes before @c10.</summary>
public sealed class IdOrder : IComparer<string>
{
    /// <summary>The one instance.</summary>
    public static IdOrder Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                var (si, sj) = (i, j);
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                // Leading zeros do not change a number's value; the longer run of significant digits is larger.
                var a = x.AsSpan(si, i - si).TrimStart('0');
                var b = y.AsSpan(sj, j - sj).TrimStart('0');
                var byValue = a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.SequenceCompareTo(b);
                if (byValue != 0)
                {
                    return byValue;
                }

                continue;
            }

            if (x[i] != y[j])
            {
                return x[i].CompareTo(y[j]);
            }

            i++;
            j++;
        }

        var rest = (x.Length - i).CompareTo(y.Length - j);
        // Equal under the natural order but different text ("c05" and "c5"): ordinal order keeps the order total.
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }
}
