namespace AfirGen.PerfGate.Statistics;

/// <summary>The standard normal distribution: CDF and quantile, accurate to about 1e-9 and 1e-15.</summary>
public static class Normal
{
    /// <summary>P(Z ≤ z).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>P(Z &gt; z), accurate in the far tail where 1 − Cdf would lose digits.</summary>
    public static double UpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>The z with P(Z ≤ z) = p (Wichura's algorithm AS 241, PPND16).</summary>
    public static double Quantile(double p)
    {
        if (p is <= 0 or >= 1)
        {
            return p == 0 ? double.NegativeInfinity : p == 1 ? double.PositiveInfinity : double.NaN;
        }

        var q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            var r = 0.180625 - (q * q);
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                        + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                        + 133.14166789178437745) * r + 3.387132872796366608)
                   / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                        + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                        + 42.313330701600911252) * r + 1);
        }

        var rr = q < 0 ? p : 1 - p;
        rr = Math.Sqrt(-Math.Log(rr));
        double value;
        if (rr <= 5)
        {
            rr -= 1.6;
            value = (((((((7.7454501427834140764e-4 * rr + 0.0227238449892691845833) * rr + 0.24178072517745061177) * rr
                      + 1.27045825245236838258) * rr + 3.64784832476320460504) * rr + 5.7694972214606914055) * rr
                      + 4.6303378461565452959) * rr + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * rr + 5.475938084995344946e-4) * rr + 0.0151986665636164571966) * rr
                      + 0.14810397642748007459) * rr + 0.68976733498510000455) * rr + 1.6763848301838038494) * rr
                      + 2.05319162663775882187) * rr + 1);
        }
        else
        {
            rr -= 5;
            value = (((((((2.01033439929228813265e-7 * rr + 2.71155556874348757815e-5) * rr + 0.0012426609473880784386) * rr
                      + 0.026532189526576123093) * rr + 0.29656057182850489123) * rr + 1.7848265399172913358) * rr
                      + 5.4637849111641143699) * rr + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * rr + 1.4215117583164458887e-7) * rr + 1.8463183175100546818e-5) * rr
                      + 7.868691311456132591e-4) * rr + 0.0148753612908506148525) * rr + 0.13692988092273580531) * rr
                      + 0.59983220655588793769) * rr + 1);
        }

        return q < 0 ? -value : value;
    }

    /// <summary>The complementary error function (W. J. Cody's rational approximations).</summary>
    internal static double Erfc(double x)
    {
        var ax = Math.Abs(x);
        double result;
        if (ax < 0.5)
        {
            // erfc = 1 - erf for small x, where erf's series converges fast.
            var t = x * x;
            var top = (((0.185777706184603153 * t + 3.16112374387056560) * t + 113.864154151050156) * t + 377.485237685302021) * t + 3209.37758913846947;
            var bot = (((t + 23.6012909523441209) * t + 244.024637934444173) * t + 1282.61652607737228) * t + 2844.23683343917062;
            return 1 - (x * top / bot);
        }

        if (ax < 4)
        {
            var top = (((((((2.15311535474403846e-8 * ax + 0.564188496988670089) * ax + 8.88314979438837594) * ax + 66.1191906371416295) * ax
                        + 298.635138197400131) * ax + 881.952221241769090) * ax + 1712.04761263407058) * ax + 2051.07837782607147) * ax + 1230.33935479799725;
            var bot = (((((((ax + 15.7449261107098347) * ax + 117.693950891312499) * ax + 537.181101862009858) * ax + 1621.38957456669019) * ax
                        + 3290.79923573345963) * ax + 4362.61909014324716) * ax + 3439.36767414372164) * ax + 1230.33935480374942;
            result = top / bot;
        }
        else
        {
            var z = 1 / (ax * ax);
            var top = ((((0.0163153871373020978 * z + 0.305326634961232344) * z + 0.360344899949804439) * z + 0.125781726111229246) * z + 0.0160837851487422766) * z + 6.58749161529837803e-4;
            var bot = ((((z + 2.56852019228982242) * z + 1.87295284992346725) * z + 0.527905102951428412) * z + 0.0605183413124413191) * z + 0.00233520497626869185;
            result = (1 / Math.Sqrt(Math.PI) - (z * top / bot)) / ax;
        }

        result *= Math.Exp(-ax * ax);
        return x < 0 ? 2 - result : result;
    }
}
