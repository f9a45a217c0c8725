namespace Shapes.Library;

/// <summary>The code under test: <see cref="Changing"/> is what a pull request slows down, <see cref="Steady"/> never changes.</summary>
public static class Work
{
    private static readonly int[] Data = Enumerable.Range(1, 64).ToArray();

    /// <summary>Work that costs about <paramref name="units"/> passes over a small array.</summary>
    public static long Steady(int units) => Passes(units);

    /// <summary>The same work scaled by <see cref="Cost.Percent"/>: the head revision raises it.</summary>
    public static long Changing(int units) => Passes(units * Cost.Percent / 100);

    private static long Passes(int units)
    {
        long sum = 0;
        for (var r = 0; r < units; r++)
        {
            foreach (var d in Data)
            {
                sum += d ^ r;
            }
        }

        return sum;
    }
}
