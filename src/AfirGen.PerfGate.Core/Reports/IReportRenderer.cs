using AfirGen.PerfGate.Comparison;

namespace AfirGen.PerfGate.Reports;

/// <summary>Turns a comparison into one report; a pure function of the comparison, invariant culture always.</summary>
public interface IReportRenderer
{
    /// <summary>The format this renderer writes.</summary>
    ReportFormat Format { get; }

    /// <summary>Renders the report; the text ends with a newline.</summary>
    string Render(SuiteComparison comparison);
}
