using System.Text;
using AfirGen.PerfGate.Load.Http;

namespace AfirGen.PerfGate.Load.Tests;

public sealed class BodyMatcherTests
{
    [Fact]
    public void TextSplitAtAnyPointAcrossReadsIsFound()
    {
        var body = Encoding.UTF8.GetBytes("{\"fir\":\"7\",\"name\":\"Zürich\"}");
        foreach (var needle in new[] { "\"fir\":\"7\"", "Zürich", "}", "{", "ü" })
        {
            for (var cut = 0; cut <= body.Length; cut++)
            {
                var matcher = new BodyMatcher(needle);
                matcher.Append(body.AsSpan(0, cut));
                matcher.Append(body.AsSpan(cut));
                Assert.True(matcher.Found, $"{needle} cut at {cut}");
            }

            var bytewise = new BodyMatcher(needle);
            foreach (var b in body)
            {
                bytewise.Append([b]);
            }

            Assert.True(bytewise.Found, $"{needle} a byte at a time");
        }
    }

    [Fact]
    public void TextThatIsNotThereIsNotFoundHoweverTheBodyIsCut()
    {
        // Near misses at every boundary: the start of the text again and again, never the whole of it.
        var body = Encoding.UTF8.GetBytes("abcaabcabXabcab");
        for (var cut = 0; cut <= body.Length; cut++)
        {
            var matcher = new BodyMatcher("abcabc");
            matcher.Append(body.AsSpan(0, cut));
            matcher.Append(body.AsSpan(cut));
            Assert.False(matcher.Found, $"cut at {cut}");
        }
    }

    [Fact]
    public void RandomBodiesInRandomPiecesAgreeWithContains()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 2000; i++)
        {
            // A two-letter alphabet makes partial matches across boundaries common.
            var body = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => random.Next(2) == 0 ? 'a' : 'b')]);
            var needle = new string([.. Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(2) == 0 ? 'a' : 'b')]);
            var matcher = new BodyMatcher(needle);
            var bytes = Encoding.UTF8.GetBytes(body);
            for (var at = 0; at < bytes.Length;)
            {
                var take = Math.Min(bytes.Length - at, random.Next(0, 10));
                matcher.Append(bytes.AsSpan(at, take));
                at += take;
            }

            Assert.True(body.Contains(needle, StringComparison.Ordinal) == matcher.Found, $"\"{needle}\" in \"{body}\"");
        }
    }

    [Fact]
    public void ResetStartsANewBodyAndAnEmptyTextIsAlwaysFound()
    {
        var matcher = new BodyMatcher("fir");
        matcher.Append("a fi"u8);
        matcher.Reset();
        matcher.Append("r tree"u8);
        Assert.False(matcher.Found);
        matcher.Append(" fir"u8);
        Assert.True(matcher.Found);
        matcher.Reset();
        Assert.False(matcher.Found);

        var empty = new BodyMatcher("");
        Assert.True(empty.Found);
        empty.Reset();
        Assert.True(empty.Found);
    }
}
