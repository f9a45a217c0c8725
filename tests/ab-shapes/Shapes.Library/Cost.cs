namespace Shapes.Library;

/// <summary>What the slowed benchmarks cost, in percent of the base revision.</summary>
public static class Cost
{
    public const int Percent = 100;
}
