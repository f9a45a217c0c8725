namespace AfirGen.PerfGate.Statistics;

/// <summary>The gamma and beta functions the t distribution needs, to about 1e-14 relative.</summary>
internal static class SpecialFunctions
{
    // Lanczos approximation, g = 607/128, 15 terms (the coefficients Boost and Godfrey publish), good to about 1e-15.
    private const double LanczosG = 607.0 / 128;

    private static readonly double[] Lanczos =
    [
        0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174,
        -0.49191381609762019978, 0.33994649984811888699e-4, 0.46523628927048575665e-4, -0.98374475304879564677e-4,
        0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.21743961811521264320e-3, -0.16431810653676389022e-3,
        0.84418223983852743293e-4, -0.26190838401581408670e-4, 0.36899182659531622704e-5,
    ];

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Γ(x) Γ(1 − x) = π / sin(πx)
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + LanczosG + 0.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>
    /// ln(Γ(a + 1/2) / Γ(a)); for large a from its asymptotic series, since the difference of two large ln Γ values
    /// would lose the digits the t density needs.
    /// </summary>
    public static double LogGammaHalfRatio(double a)
    {
        if (a < 30)
        {
            return LogGamma(a + 0.5) - LogGamma(a);
        }

        // ln Γ(a + 1/2) − ln Γ(a) = ½ ln a − 1/(8a) + 1/(192a³) − 1/(640a⁵) + 17/(14336a⁷) − …
        var inv = 1 / a;
        var inv2 = inv * inv;
        return (0.5 * Math.Log(a)) - (inv * (0.125 - (inv2 * ((1.0 / 192) - (inv2 * ((1.0 / 640) - (inv2 * 17.0 / 14336)))))));
    }

    /// <summary>
    /// The regularized incomplete beta function I_x(a, b), given x and y = 1 − x (each formed without subtracting,
    /// so a value near 1 loses nothing): by the continued fraction on whichever side converges.
    /// </summary>
    public static double RegularizedBeta(double a, double b, double x, double y)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (y <= 0)
        {
            return 1;
        }

        // The fraction converges fast for x < (a + 1) / (a + b + 2); on the other side I_x(a, b) = 1 − I_y(b, a).
        if (x > (a + 1) / (a + b + 2))
        {
            return 1 - RegularizedBeta(b, a, y, x);
        }

        var logFront = (a * Math.Log(x)) + (b * Math.Log(y)) - LogBeta(a, b) - Math.Log(a);
        return Math.Exp(logFront) * ContinuedFraction(a, b, x);
    }

    /// <summary>ln B(a, b); with b = 1/2 and a large, through <see cref="LogGammaHalfRatio"/>.</summary>
    private static double LogBeta(double a, double b)
    {
        if (b == 0.5)
        {
            return LogGamma(0.5) - LogGammaHalfRatio(a);
        }

        if (a == 0.5)
        {
            return LogGamma(0.5) - LogGammaHalfRatio(b);
        }

        return LogGamma(a) + LogGamma(b) - LogGamma(a + b);
    }

    /// <summary>The continued fraction of I_x(a, b) by the modified Lentz method.</summary>
    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        var c = 1.0;
        var d = 1 - ((a + b) * x / (a + 1));
        d = 1 / (Math.Abs(d) < tiny ? tiny : d);
        var h = d;
        for (var m = 1; m <= 10_000; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / Guard(1 + (even * d));
            c = Guard(1 + (even / c));
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / Guard(1 + (odd * d));
            c = Guard(1 + (odd / c));
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16)
            {
                break;
            }
        }

        return h;

        static double Guard(double v) => Math.Abs(v) < tiny ? tiny : v;
    }
}
