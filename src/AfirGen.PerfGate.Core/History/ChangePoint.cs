namespace AfirGen.PerfGate.History;

/// <summary>A persistent step found in a series: where it most likely began, the range it could have begun in, and its size.</summary>
/// <param name="Index">The most likely first point after the step.</param>
/// <param name="Earliest">The earliest point the step could have begun at (the run before it is the last surely unchanged one).</param>
/// <param name="Latest">The latest point the step could have begun at (surely changed from here on).</param>
/// <param name="Shift">The step on the log scale: the later segment's robust mean minus the earlier's.</param>
/// <param name="Error">The standard error of <paramref name="Shift"/>.</param>
/// <param name="Before">How many points the earlier segment holds.</param>
/// <param name="After">How many points the later segment holds.</param>
public sealed record ChangePoint(int Index, int Earliest, int Latest, double Shift, double Error, int Before, int After)
{
    /// <summary>The step as a relative change of the value: +0.10 is 10% higher after the step.</summary>
    public double Ratio => Math.Exp(Shift) - 1;

    /// <summary>The 95% confidence interval of the relative change.</summary>
    public (double Low, double High) Interval => (Math.Exp(Shift - (1.96 * Error)) - 1, Math.Exp(Shift + (1.96 * Error)) - 1);

    /// <summary>How many standard errors the step is from zero.</summary>
    public double Z => Error > 0 ? Shift / Error : double.PositiveInfinity;
}
