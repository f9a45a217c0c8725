namespace AfirGen.PerfGate.Tests.Reports;

/// <summary>Benchmark ids an attacker could put in a pull request to break or abuse a report.</summary>
internal static class HostileIds
{
    public static readonly IReadOnlyList<string> All =
    [
        "pipe|in|the|middle",
        "|leading pipe",
        "trailing pipe|",
        "back`tick`s and ```fences```",
        "new\nline",
        "carriage\rreturn",
        "crlf\r\n| x | y |",
        "<script>alert(1)</script>",
        "[x](http://evil)",
        "![img](http://evil/x.png)",
        "<img src=x onerror=alert(1)>",
        "@octocat please look",
        "ping @org/team",
        "::error::injected annotation",
        "\n::set-output name=x::y",
        "right-to-left \u202Eexe.txt",
        "isolate \u2066hidden\u2069 and \u200F marks",
        new string('A', 10_000),
        "https://evil.example/phish and www.evil.example",
        "<http://evil>",
        "**bold** _em_ ~~strike~~ # heading",
        "&amp; entity &#124; pipe entity",
        "$x^2$ math",
        "\\| escaped pipe",
        "<!-- comment -->",
        "[ref]: http://evil",
        "javascript:alert(1)",
        "tab\tseparated",
        "bell\u0007 escape\u001b[31m red",
        "emoji 🔥 and surrogate \ud83d",
    ];
}
