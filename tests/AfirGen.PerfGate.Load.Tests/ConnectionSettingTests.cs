using AfirGen.PerfGate.MySql;
using AfirGen.PerfGate.Redis;
using MySqlConnector;
using StackExchange.Redis;

namespace AfirGen.PerfGate.Load.Tests;

/// <summary>Connections as users write them in environment variables: the drivers' own forms and URLs, checked before a run.</summary>
public sealed class ConnectionSettingTests
{
    [Fact]
    public void MySqlUrlsBecomeTheConnectionStringTheyMean()
    {
        var builder = new MySqlConnectionStringBuilder(
            MySqlConnectionSetting.Normalize("mysql://fir%40app:p%2Bw%2Fd@db.internal:3307/fir_db?SslMode=Required&Connection%20Timeout=3"));

        Assert.Equal("db.internal", builder.Server);
        Assert.Equal(3307u, builder.Port);
        Assert.Equal("fir@app", builder.UserID);
        Assert.Equal("p+w/d", builder.Password);
        Assert.Equal("fir_db", builder.Database);
        Assert.Equal(MySqlSslMode.Required, builder.SslMode);
        Assert.Equal(3u, builder.ConnectionTimeout);
        Assert.Equal(3306u, new MySqlConnectionStringBuilder(MySqlConnectionSetting.Normalize("mariadb://root@127.0.0.1")).Port);
    }

    [Fact]
    public void RedisUrlsBecomeTheConfigurationTheyMean()
    {
        var options = ConfigurationOptions.Parse(RedisConnectionSetting.Normalize("rediss://cache-user:p%2Bw@cache.internal:6380/2"));

        Assert.Equal("cache.internal:6380", options.EndPoints.Single().ToString()?.Replace("Unspecified/", "", StringComparison.Ordinal));
        Assert.Equal("cache-user", options.User);
        Assert.Equal("p+w", options.Password);
        Assert.Equal(2, options.DefaultDatabase);
        Assert.True(options.Ssl);
        var passwordOnly = ConfigurationOptions.Parse(RedisConnectionSetting.Normalize("redis://:hunter2@127.0.0.1"));
        Assert.Null(passwordOnly.User);
        Assert.Equal("hunter2", passwordOnly.Password);
        Assert.False(passwordOnly.Ssl);
        Assert.Equal("127.0.0.1,abortConnect=False", RedisConnectionSetting.Normalize("127.0.0.1,abortConnect=false"));
    }

    [Theory]
    [InlineData("Server=127.0.0.1;SslMode=bogus")]
    [InlineData("Server=127.0.0.1;Port=x")]
    [InlineData("Server=127.0.0.1;connectTimeout=abc")]
    [InlineData("Server=127.0.0.1;No Such Option=1")]
    [InlineData("mysql://user:pw@/fir")]
    [InlineData("not a connection string")]
    public void MalformedMySqlConnectionsAreRefusedNow(string value)
    {
        Assert.Throws<FormatException>(() => MySqlConnectionSetting.Normalize(value));
    }

    [Theory]
    [InlineData("127.0.0.1,abortConnect=maybe")]
    [InlineData("127.0.0.1,connectTimeout=abc")]
    [InlineData("127.0.0.1,nosuchkeyword=1")]
    [InlineData("127.0.0.1:notaport")]
    [InlineData("redis://:pw@127.0.0.1/zero")]
    [InlineData("")]
    public void MalformedRedisConfigurationsAreRefusedNow(string value)
    {
        Assert.Throws<FormatException>(() => RedisConnectionSetting.Normalize(value));
    }

    [Theory]
    [InlineData("Server=127.0.0.1;Password=Sekr1t-7;SslMode=Sekr1t-7")]
    [InlineData("mysql://u:Sekr1t-7@127.0.0.1/fir?SslMode=Sekr1t-7")]
    [InlineData("Server=127.0.0.1;Pwd=Sekr1t-7;Port=Sekr1t-7")]
    public void AMySqlErrorNeverQuotesThePassword(string value)
    {
        var e = Assert.Throws<FormatException>(() => MySqlConnectionSetting.Normalize(value));

        Assert.DoesNotContain("Sekr1t", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1,password=Sekr1t-7,abortConnect=Sekr1t-7")]
    [InlineData("127.0.0.1, password=Sekr1t-7 ,connectTimeout=Sekr1t-7")]
    public void ARedisErrorNeverQuotesThePassword(string value)
    {
        var e = Assert.Throws<FormatException>(() => RedisConnectionSetting.Normalize(value));

        Assert.DoesNotContain("Sekr1t", e.Message, StringComparison.Ordinal);
    }
}
