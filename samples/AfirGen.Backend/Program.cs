using AfirGen.Backend;
using AfirGen.Backend.Web;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var options = BackendOptions.From(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IFirStore>(options.MySql is { } mysql ? new MySqlFirStore(mysql) : new InMemoryFirStore());
if (options.Redis is { } redis)
{
    var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis);
    builder.Services.AddSingleton<IConnectionMultiplexer>(multiplexer);
    builder.Services.AddSingleton<IDraftCache, RedisDraftCache>();
}
else
{
    builder.Services.AddSingleton<IDraftCache, InMemoryDraftCache>();
}

var app = builder.Build();
var (firs, sessions) = SeedData.Create(options.SeedCount);
await app.Services.GetRequiredService<IFirStore>().InitializeAsync(firs, sessions, app.Lifetime.ApplicationStopping);
Endpoints.Map(app, options, options.MySql is null ? "memory" : "mysql", options.Redis is null ? "memory" : "redis");
await app.RunAsync();
