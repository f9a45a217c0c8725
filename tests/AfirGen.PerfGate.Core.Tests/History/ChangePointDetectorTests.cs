using AfirGen.PerfGate.History;

namespace AfirGen.PerfGate.Tests.History;

public sealed class ChangePointDetectorTests
{
    private static SeriesPoint[] Series(int seed, double cv, params (int At, double Ratio)[] steps)
    {
        var rng = new Random(seed);
        var level = Math.Log(1000);
        return Enumerable.Range(0, 60).Select(i =>
        {
            foreach (var (at, ratio) in steps)
            {
                if (i == at)
                {
                    level += Math.Log(ratio);
                }
            }

            var u1 = 1.0 - rng.NextDouble();
            var gaussian = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * rng.NextDouble());
            return new SeriesPoint(level + (cv * gaussian), 0.01);
        }).ToArray();
    }

    [Fact]
    public void AClearStepIsFoundWhereItBeganWithItsSize()
    {
        var found = Assert.Single(new ChangePointDetector().Detect(Series(1, 0.03, (30, 1.2))));
        Assert.InRange(found.Index, 29, 31);
        Assert.InRange(found.Ratio, 0.15, 0.25);
        Assert.True(found.Interval.Low < 0.2 && found.Interval.High > 0.2, $"interval {found.Interval}");
        Assert.True(found.Earliest <= 30 && found.Latest >= 30, $"range {found.Earliest}..{found.Latest}");
        Assert.Equal(60, found.Before + found.After);
    }

    [Fact]
    public void NoiseAloneHasNoChangePoint() => Assert.Empty(new ChangePointDetector().Detect(Series(2, 0.10)));

    [Fact]
    public void OneWildRunIsNotAChange()
    {
        var points = Series(3, 0.05);
        points[40] = points[40] with { Log = points[40].Log + Math.Log(3) };
        Assert.Empty(new ChangePointDetector().Detect(points));
    }

    [Fact]
    public void IdenticalRunsHaveNoChangeAndAStepInThemIsExact()
    {
        var flat = Enumerable.Repeat(new SeriesPoint(Math.Log(6592), 0), 40).ToArray();
        Assert.Empty(new ChangePointDetector().Detect(flat));
        var step = flat.Select((p, i) => i < 25 ? p : new SeriesPoint(Math.Log(6656), 0)).ToArray();
        var found = Assert.Single(new ChangePointDetector().Detect(step));
        Assert.Equal(25, found.Index);
        Assert.Equal((25, 25), (found.Earliest, found.Latest));
    }

    [Fact]
    public void TwoStepsAreBothFound()
    {
        var found = new ChangePointDetector().Detect(Series(4, 0.03, (20, 1.25), (40, 0.8)));
        Assert.Equal(2, found.Count);
        Assert.InRange(found[0].Index, 19, 21);
        Assert.True(found[0].Shift > 0);
        Assert.InRange(found[1].Index, 39, 41);
        Assert.True(found[1].Shift < 0);
    }

    [Fact]
    public void ARunWithALargeOwnErrorCountsLess()
    {
        // Five slow runs in a row would be a step; when each says it was measured badly, they are not one.
        var points = Series(5, 0.02);
        for (var i = 50; i < 55; i++)
        {
            points[i] = new SeriesPoint(points[i].Log + Math.Log(1.15), 0.5);
        }

        Assert.Empty(new ChangePointDetector().Detect(points));
        var trusted = points.Select((p, i) => i is >= 50 and < 55 ? p with { Error = 0.01 } : p).ToArray();
        Assert.NotEmpty(new ChangePointDetector().Detect(trusted));
    }

    [Fact]
    public void RunsWhoseLaunchesAgreedByChanceDoNotOutweighTheRest()
    {
        // Each run's error comes from two launches, so it is itself noisy; five runs whose two launches happened to agree
        // (error near zero) and sit 6% high are not a step in a series that moves 5% from run to run.
        var points = Series(7, 0.0).Select((p, i) => new SeriesPoint(p.Log + (0.05 * Math.Sin(i * 2.1)), 0.08)).ToArray();
        for (var i = 30; i < 35; i++)
        {
            points[i] = new SeriesPoint(points[i].Log + Math.Log(1.06), 1e-4);
        }

        Assert.Empty(new ChangePointDetector().Detect(points));
    }

    [Fact]
    public void TooShortASeriesHasNoChangePoint() => Assert.Empty(new ChangePointDetector().Detect(Series(6, 0.01, (3, 2)).Take(7).ToArray()));
}
