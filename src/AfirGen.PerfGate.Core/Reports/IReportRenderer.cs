using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.Reports;

/// <summary>Turns a comparison into one report; a pure function of the comparison, invariant culture always.</summary>
public interface IReportRenderer
{
    /// <summary>The format this renderer writes.</summary>
    ReportFormat Format { get; }

    /// <summary>Renders the report; the text ends with a newline.</summary>
    string Render(SuiteComparison comparison);

    /// <summary>Writes the report as UTF-8 to a stream; renderers of large reports write directly instead of building a string.</summary>
    void Write(SuiteComparison comparison, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        TextFile.Write(Render(comparison), stream);
    }
}

/// <summary>How a rendered report goes to a file: UTF-8 without a byte-order mark.</summary>
internal static class TextFile
{
    public static void Write(string text, Stream stream)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        writer.Write(text);
    }
}
