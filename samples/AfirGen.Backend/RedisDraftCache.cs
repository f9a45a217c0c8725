using StackExchange.Redis;

namespace AfirGen.Backend.Web;

/// <summary>An <see cref="IDraftCache"/> in Redis; drafts expire after an hour.</summary>
internal sealed class RedisDraftCache(IConnectionMultiplexer redis) : IDraftCache
{
    private static readonly TimeSpan Expiry = TimeSpan.FromHours(1);

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringGetAsync(key).ConfigureAwait(false) is { HasValue: true } value ? value.ToString() : null;

    public Task SetAsync(string key, string document, CancellationToken cancellationToken) =>
        redis.GetDatabase().StringSetAsync(key, document, Expiry);
}
