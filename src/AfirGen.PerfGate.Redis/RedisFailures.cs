using AfirGen.PerfGate.Load.Engine;
using StackExchange.Redis;

namespace AfirGen.PerfGate.Redis;

/// <summary>Maps StackExchange.Redis failures to error classes and sets the timeouts every call needs.</summary>
internal static class RedisFailures
{
    /// <summary>The error class of an exception, or null when it is not a Redis failure.</summary>
    public static ErrorClass? Classify(Exception e) => e switch
    {
        RedisTimeoutException or TimeoutException => ErrorClass.Timeout,
        RedisConnectionException or ObjectDisposedException => ErrorClass.Connect,
        RedisException => ErrorClass.Server,
        _ => null,
    };

    /// <summary>Options with timeouts on every call and quick reconnection, so a restarted server costs errors, not a hang.</summary>
    public static ConfigurationOptions Options(string configuration, TimeSpan timeout, bool abortOnConnectFail)
    {
        var options = ConfigurationOptions.Parse(configuration);
        var ms = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
        options.AbortOnConnectFail = abortOnConnectFail;
        options.ConnectTimeout = ms;
        options.AsyncTimeout = ms;
        options.SyncTimeout = ms;
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new LinearRetry(250);
        options.ClientName = "perfgate";
        return options;
    }
}
