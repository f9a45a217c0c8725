namespace AfirGen.PerfGate.Statistics;

/// <summary>Quantiles of Student's t distribution.</summary>
public static class StudentT
{
    /// <summary>The t with P(T ≤ t) = p for <paramref name="df"/> degrees of freedom (Hill's algorithm 396; exact for df 1 and 2).</summary>
    public static double Quantile(double p, double df)
    {
        if (df <= 0 || p is <= 0 or >= 1)
        {
            return double.NaN;
        }

        var upper = p > 0.5;
        var tail = upper ? 1 - p : p; // one-sided tail area
        double t;
        if (df == 1)
        {
            t = Math.Tan(Math.PI * (0.5 - tail));
        }
        else if (df == 2)
        {
            t = Math.Sqrt((2 / (4 * tail * (1 - tail))) - 2);
        }
        else
        {
            // Hill (1970), Comm. ACM algorithm 396, in terms of the two-sided tail area.
            var pp = 2 * tail;
            var a = 1 / (df - 0.5);
            var b = 48 / (a * a);
            var c = ((((20700 * a / b) - 98) * a) - 16) * a + 96.36;
            var d = ((((94.5 / (b + c)) - 3) / b) + 1) * Math.Sqrt(a * Math.PI / 2) * df;
            var y = Math.Pow(d * pp, 2 / df);
            if (y > 0.05 + a)
            {
                // Asymptotic inverse expansion about the normal.
                var x = Normal.Quantile(pp * 0.5);
                y = x * x;
                if (df < 5)
                {
                    c += 0.3 * (df - 4.5) * (x + 0.6);
                }

                c = (((((((0.05 * d * x) - 5) * x) - 7) * x) - 2) * x) + b + c;
                var poly = ((((0.4 * y) + 6.3) * y) + 36) * y + 94.5;
                y = (((poly / c) - y - 3) / b + 1) * x;
                y = Math.Exp(a * y * y) - 1;
            }
            else
            {
                y = ((((1 / ((((df + 6) / (df * y)) - (0.089 * d) - 0.822) * (df + 2) * 3)) + (0.5 / (df + 4))) * y) - 1) * (df + 1) / (df + 2) + (1 / y);
            }

            t = Math.Sqrt(df * y);
        }

        return upper ? t : -t;
    }

    /// <summary>P(|T| ≥ t) for <paramref name="df"/> degrees of freedom, found by inverting <see cref="Quantile"/> (relative accuracy about 1e-4).</summary>
    public static double TwoSidedPValue(double t, double df)
    {
        t = Math.Abs(t);
        if (double.IsNaN(t) || df <= 0)
        {
            return double.NaN;
        }

        // Bisection on log p: the quantile falls as p grows, and p spans many orders of magnitude.
        double lo = -745, hi = 0; // log of the smallest double, log 1
        for (var i = 0; i < 80; i++)
        {
            var mid = (lo + hi) / 2;
            var q = Quantile(1 - (Math.Exp(mid) / 2), df);
            if (double.IsNaN(q) || q > t)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return Math.Min(1, Math.Exp((lo + hi) / 2));
    }
}
