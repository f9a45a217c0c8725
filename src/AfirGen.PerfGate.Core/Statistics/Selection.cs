namespace AfirGen.PerfGate.Statistics;

/// <summary>Order statistics by selection: the k-th smallest value in expected linear time.</summary>
internal static class Selection
{
    /// <summary>Rearranges <paramref name="values"/> so that index <paramref name="k"/> holds the k-th smallest (0-based), smaller or equal values before it, and returns it.</summary>
    public static double Select(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (right > left)
        {
            // Median of three keeps sorted and reverse-sorted inputs linear.
            var mid = left + ((right - left) / 2);
            if (values[mid] < values[left])
            {
                (values[mid], values[left]) = (values[left], values[mid]);
            }

            if (values[right] < values[left])
            {
                (values[right], values[left]) = (values[left], values[right]);
            }

            if (values[right] < values[mid])
            {
                (values[right], values[mid]) = (values[mid], values[right]);
            }

            var pivot = values[mid];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    /// <summary>
    /// The median of <paramref name="values"/> (the mean of the two middle values for an even count), rearranging them.
    /// Equal, to the last bit, to <see cref="Descriptive.Quantile(IReadOnlyList{double}, double)"/> at 0.5 of the sorted values.
    /// </summary>
    public static double Median(Span<double> values) => Middle(values, values.Length / 2, values.Length % 2 == 1);

    /// <summary>
    /// The value of rank <paramref name="upper"/> (0-based) when <paramref name="single"/>, else the mean of the values of
    /// ranks <paramref name="upper"/> − 1 and <paramref name="upper"/>: a median's middle, rearranging the values.
    /// </summary>
    public static double Middle(Span<double> values, int upper, bool single)
    {
        var hi = Select(values, upper);
        if (single)
        {
            return hi;
        }

        // After selecting index `upper`, everything before it is no larger: the lower middle is their maximum.
        var lo = double.NegativeInfinity;
        foreach (var v in values[..upper])
        {
            lo = Math.Max(lo, v);
        }

        return lo + ((hi - lo) / 2);
    }
}
