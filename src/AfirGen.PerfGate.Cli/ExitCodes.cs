namespace AfirGen.PerfGate.Cli;

/// <summary>The exit codes every command shares; users script against them.</summary>
public static class ExitCodes
{
    /// <summary>Everything measured is within thresholds.</summary>
    public const int Passed = 0;

    /// <summary>The gate failed: a regression, a broken SLA threshold, or a failed benchmark.</summary>
    public const int GateFailed = 1;

    /// <summary>Bad usage or bad input.</summary>
    public const int BadInput = 2;

    /// <summary>The run itself could not be done.</summary>
    public const int RunFailed = 3;

    /// <summary>Cancelled by Ctrl+C.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (128 + 15), after writing what it measured, as for Ctrl+C.</summary>
    public const int Terminated = 143;

    /// <summary>Stopped by SIGHUP (128 + 1), after writing what it measured, as for Ctrl+C.</summary>
    public const int HungUp = 129;
}
