namespace AfirGen.PerfGate.Tests.IO;

public sealed class InputExceptionTests
{
    [Fact]
    public void MegabyteLongFieldAndProblemKeepTheirStartAndEnd()
    {
        var field = "$.benchmarks[0]." + new string('u', 1 << 20) + ".end";
        var problem = "\"" + new string('m', 1 << 20) + "\" is not one of: micro, api, db, cache";

        var e = new InputException("results.json", field, problem);

        Assert.Equal(InputException.MaxFieldLength, e.Field!.Length);
        Assert.StartsWith("$.benchmarks[0].uuu", e.Field, StringComparison.Ordinal);
        Assert.EndsWith("uuu.end", e.Field, StringComparison.Ordinal);
        Assert.Equal(InputException.MaxProblemLength, e.Problem.Length);
        Assert.EndsWith("is not one of: micro, api, db, cache", e.Problem, StringComparison.Ordinal);
        Assert.Equal($"results.json: {e.Field}: {e.Problem}", e.Message);
    }

    [Fact]
    public void ShortFieldAndProblemAreKeptWhole()
    {
        var e = new InputException("perfgate.json", "$.defaults.alpha", "2 is out of range (1E-09..0.5)");

        Assert.Equal("perfgate.json: $.defaults.alpha: 2 is out of range (1E-09..0.5)", e.Message);
    }

    [Fact]
    public void ControlCharactersAreShownEscaped()
    {
        var e = new InputException("results.json", "$.schema", "schema \"\u001b[31mred\u000b\" is not supported");

        Assert.Equal("results.json: $.schema: schema \"\\u001B[31mred\\u000B\" is not supported", e.Message);
    }
}
