using System.Net.Sockets;
using AfirGen.PerfGate.Load.Engine;
using MySqlConnector;

namespace AfirGen.PerfGate.MySql;

/// <summary>Maps MySqlConnector's failures to error classes.</summary>
internal static class MySqlFailures
{
    /// <summary>The error class of an exception, or null when it is the caller's own cancellation or not a database failure.</summary>
    public static ErrorClass? Classify(Exception e, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return e switch
        {
            MySqlException { ErrorCode: MySqlErrorCode.CommandTimeoutExpired } or TimeoutException or OperationCanceledException => ErrorClass.Timeout,
            MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost } => ErrorClass.Connect,
            // A server error carries a SQLSTATE; a client-side one (a lost connection) does not.
            MySqlException { SqlState: not null } => ErrorClass.Server,
            MySqlException or IOException or SocketException or InvalidOperationException => ErrorClass.Connect,
            _ => null,
        };
    }

    /// <summary>Adds the timeouts every call needs, so that nothing waits forever on a server that went away.</summary>
    public static MySqlConnectionStringBuilder WithTimeouts(string connectionString, TimeSpan timeout, int poolSize)
    {
        var seconds = (uint)Math.Max(1, Math.Ceiling(timeout.TotalSeconds));
        return new MySqlConnectionStringBuilder(connectionString)
        {
            ConnectionTimeout = seconds,
            DefaultCommandTimeout = seconds,
            CancellationTimeout = -1,
            Pooling = true,
            MaximumPoolSize = (uint)Math.Max(poolSize, 1),
        };
    }
}
