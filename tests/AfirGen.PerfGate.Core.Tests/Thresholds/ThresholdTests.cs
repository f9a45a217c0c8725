using AfirGen.PerfGate.Thresholds;

namespace AfirGen.PerfGate.Tests.Thresholds;

public sealed class ThresholdTests
{
    [Theory]
    [InlineData("p95<100ms", ThresholdMetric.P95, ThresholdOperator.Less, 100e6)]
    [InlineData("p99<=200ms", ThresholdMetric.P99, ThresholdOperator.LessOrEqual, 200e6)]
    [InlineData("mean<50ms", ThresholdMetric.Mean, ThresholdOperator.Less, 50e6)]
    [InlineData("throughput>=50/s", ThresholdMetric.Throughput, ThresholdOperator.GreaterOrEqual, 50)]
    [InlineData("errors<1%", ThresholdMetric.Errors, ThresholdOperator.Less, 0.01)]
    [InlineData("allocated<=1KB", ThresholdMetric.Allocated, ThresholdOperator.LessOrEqual, 1024)]
    [InlineData("regression<5%", ThresholdMetric.Regression, ThresholdOperator.Less, 0.05)]
    [InlineData("hitrate>=80%", ThresholdMetric.HitRate, ThresholdOperator.GreaterOrEqual, 0.8)]
    [InlineData("p99.9 < 1.5 s", ThresholdMetric.P999, ThresholdOperator.Less, 1.5e9)]
    [InlineData("median<250us", ThresholdMetric.Median, ThresholdOperator.Less, 250e3)]
    [InlineData("max<800ns", ThresholdMetric.Max, ThresholdOperator.Less, 800)]
    public void ParsesTheGrammar(string text, ThresholdMetric metric, ThresholdOperator op, double value)
    {
        var t = Threshold.Parse(text, "test");
        Assert.Equal(metric, t.Metric);
        Assert.Equal(op, t.Operator);
        Assert.Equal(value, t.Value, value * 1e-12);
    }

    [Theory]
    [InlineData("p95<100")]
    [InlineData("p95<100kg")]
    [InlineData("p96<100ms")]
    [InlineData("throughput>=50%")]
    [InlineData("errors<1ms")]
    [InlineData("regression>5%")]
    [InlineData("p95 100ms")]
    [InlineData("")]
    [InlineData("p95<1e999ms")]
    [InlineData("p95<0ms")]
    [InlineData("mean<=0s")]
    [InlineData("p95<1e-999ms")]
    [InlineData("p95<-1ms")]
    [InlineData("p95<NaNms")]
    [InlineData("p95<１００ms")]
    [InlineData("p95<\u0661\u0660ms")]
    [InlineData("p95<100\u2009ms")]
    [InlineData("foo<1ms")]
    [InlineData("p95<1parsecs")]
    [InlineData("regression<5")]
    [InlineData("p95<100ms\nmean<1ms")]
    public void RejectsWithOneLineNamingTheSource(string text)
    {
        var e = Assert.Throws<InputException>(() => Threshold.Parse(text, "perfgate.json", "$.benchmarks['x'][0]"));
        Assert.StartsWith("perfgate.json: $.benchmarks['x'][0]: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("p95<100ms", 99e6, true)]
    [InlineData("p95<100ms", 100e6, false)]
    [InlineData("p95<=100ms", 100e6, true)]
    [InlineData("throughput>=50/s", 50, true)]
    [InlineData("throughput>50/s", 50, false)]
    [InlineData("allocated<=0B", 0, true)]
    [InlineData("errors<=0%", 0, true)]
    public void ChecksTheBound(string text, double actual, bool expected) =>
        Assert.Equal(expected, Threshold.Parse(text, "t").IsSatisfiedBy(actual));
}
