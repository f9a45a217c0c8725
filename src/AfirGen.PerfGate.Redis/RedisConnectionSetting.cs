using System.Globalization;
using StackExchange.Redis;

namespace AfirGen.PerfGate.Redis;

/// <summary>A Redis connection as users write it in an environment variable: StackExchange.Redis's configuration string or a redis:// URL.</summary>
public static class RedisConnectionSetting
{
    /// <summary>
    /// The configuration StackExchange.Redis reads, checked now rather than at the first connection. Throws
    /// <see cref="FormatException"/> saying what is wrong; the message never holds the password.
    /// </summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            var options = IsUrl(value) ? FromUrl(value) : ConfigurationOptions.Parse(value);
            // "127.0.0.1:notaport" parses to no server at all, and would fail only at the first connection.
            return options.EndPoints.Count > 0
                ? options.ToString(includePassword: true)
                : throw new ArgumentException("it names no server (host or host:port)");
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"not a Redis configuration: {Secrets.Redact(e.Message, PasswordOf(value))}", e);
        }
    }

    private static string? PasswordOf(string value)
    {
        if (IsUrl(value))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
                ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..]) : null;
        }

        return value.Split(',').Select(part => part.Trim()).Where(part => part.StartsWith("password=", StringComparison.OrdinalIgnoreCase))
            .Select(part => part["password=".Length..]).FirstOrDefault();
    }

    private static bool IsUrl(string value) =>
        value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase);

    /// <summary>redis://[user]:password@host:port/database, and rediss:// for TLS, the forms most hosting services hand out.</summary>
    private static ConfigurationOptions FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException("the URL has no host");
        }

        var options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
        options.EndPoints.Add(uri.Host, uri.Port > 0 ? uri.Port : 6379);
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? string.Empty : uri.UserInfo[..colon]);
            options.User = user.Length > 0 ? user : null;
            options.Password = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[(colon + 1)..]);
        }

        if (uri.AbsolutePath.Trim('/') is { Length: > 0 } database)
        {
            options.DefaultDatabase = int.TryParse(database, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n : throw new ArgumentException("the URL's path is not a database number");
        }

        return options;
    }
}
