using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>
/// A loopback server speaking the slice of GitHub's REST API that the sticky comment uses: list (paged, with Link
/// headers), create and edit issue comments. It records every request and can be told to fail the next ones.
/// </summary>
internal sealed class FakeGitHub : IDisposable
{
    private const int DefaultPerPage = 30; // GitHub's default page size
    private const int MaxPerPage = 100;

    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly ConcurrentQueue<Fault> faults = new();
    private readonly List<Comment> comments = [];
    private long nextId = 1000;

    public FakeGitHub()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        listener.Prefixes.Add(BaseUrl + "/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>The address to give as the API URL (Octokit adds /api/v3/ for a host that is not github.com, as for Enterprise).</summary>
    public string BaseUrl { get; }

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public sealed record Recorded(string Method, string Path, string Query, string? Authorization, string Body);

    public sealed record Comment(long Id, int Issue, string Body, string User);

    /// <summary>A canned failure for the next request matching <see cref="Method"/> (or any method when null).</summary>
    public sealed record Fault(string? Method, int Status, string Body, IReadOnlyDictionary<string, string> Headers);

    public IReadOnlyList<Comment> Comments
    {
        get
        {
            lock (comments)
            {
                return comments.ToList();
            }
        }
    }

    public Comment Seed(int issue, string body, string user = "someone")
    {
        lock (comments)
        {
            var c = new Comment(nextId++, issue, body, user);
            comments.Add(c);
            return c;
        }
    }

    /// <summary>Makes the next <paramref name="times"/> requests (of a method) answer <paramref name="status"/>.</summary>
    public void FailNext(int times, string? method, int status, string message, params (string Key, string Value)[] headers)
    {
        var body = new JsonObject { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" }.ToJsonString();
        for (var i = 0; i < times; i++)
        {
            faults.Enqueue(new Fault(method, status, body, headers.ToDictionary(h => h.Key, h => h.Value)));
        }
    }

    /// <summary>Makes the next request answer with a body the test gives verbatim.</summary>
    public void FailNextWithBody(string? method, int status, string body) =>
        faults.Enqueue(new Fault(method, status, body, new Dictionary<string, string>()));

    public IEnumerable<Recorded> Where(string method) => Requests.Where(r => r.Method == method);

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by its listener closing under it; that is how it stops.
        }

        stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Handle(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = reader.ReadToEnd();
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue(new Recorded(request.HttpMethod, path, request.Url.Query, request.Headers["Authorization"], body));

        if (TakeFault(request.HttpMethod) is { } fault)
        {
            foreach (var (k, v) in fault.Headers)
            {
                context.Response.Headers[k] = v;
            }

            Send(context, fault.Status, fault.Body);
            return;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Count >= 2 && segments[0] == "api" && segments[1] == "v3")
        {
            segments.RemoveRange(0, 2);
        }

        context.Response.Headers["X-RateLimit-Remaining"] = "4999";
        // repos/{o}/{r}/issues/{n}/comments
        if (segments.Count == 6 && segments[0] == "repos" && segments[3] == "issues" && segments[5] == "comments" && int.TryParse(segments[4], out var issue))
        {
            if (request.HttpMethod == "GET")
            {
                List(context, segments, issue);
                return;
            }

            if (request.HttpMethod == "POST")
            {
                var created = Seed(issue, BodyOf(body), "github-actions[bot]");
                Send(context, 201, Json(created, segments).ToJsonString());
                return;
            }
        }

        // repos/{o}/{r}/issues/comments/{id}
        if (segments.Count == 6 && segments[0] == "repos" && segments[3] == "issues" && segments[4] == "comments" && long.TryParse(segments[5], out var id)
            && request.HttpMethod == "PATCH")
        {
            lock (comments)
            {
                var index = comments.FindIndex(c => c.Id == id);
                if (index < 0)
                {
                    Send(context, 404, """{"message":"Not Found"}""");
                    return;
                }

                comments[index] = comments[index] with { Body = BodyOf(body) };
                Send(context, 200, Json(comments[index], segments).ToJsonString());
                return;
            }
        }

        Send(context, 404, """{"message":"Not Found"}""");
    }

    private Fault? TakeFault(string method)
    {
        if (faults.TryPeek(out var next) && (next.Method is null || next.Method == method) && faults.TryDequeue(out var taken))
        {
            return taken;
        }

        return null;
    }

    private void List(HttpListenerContext context, List<string> segments, int issue)
    {
        var query = context.Request.QueryString;
        var perPage = Math.Clamp(int.TryParse(query["per_page"], out var pp) ? pp : DefaultPerPage, 1, MaxPerPage);
        var page = Math.Max(1, int.TryParse(query["page"], out var p) ? p : 1);
        List<Comment> all;
        lock (comments)
        {
            all = comments.Where(c => c.Issue == issue).ToList();
        }

        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = new JsonArray(all.Skip((page - 1) * perPage).Take(perPage).Select(c => (JsonNode)Json(c, segments)).ToArray());
        var self = $"{BaseUrl}/api/v3/repos/{segments[1]}/{segments[2]}/issues/{issue}/comments";
        var links = new List<string>();
        if (page < last)
        {
            links.Add($"<{self}?per_page={perPage}&page={page + 1}>; rel=\"next\"");
            links.Add($"<{self}?per_page={perPage}&page={last}>; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"<{self}?per_page={perPage}&page=1>; rel=\"first\"");
            links.Add($"<{self}?per_page={perPage}&page={page - 1}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }

        Send(context, 200, items.ToJsonString());
    }

    private static string BodyOf(string json) => JsonNode.Parse(json)?["body"]?.GetValue<string>() ?? "";

    private JsonObject Json(Comment c, List<string> segments) => new()
    {
        ["id"] = c.Id,
        ["node_id"] = "IC_" + c.Id.ToString(CultureInfo.InvariantCulture),
        ["url"] = $"{BaseUrl}/api/v3/repos/{segments[1]}/{segments[2]}/issues/comments/{c.Id}",
        ["html_url"] = $"https://github.example/{segments[1]}/{segments[2]}/pull/{c.Issue}#issuecomment-{c.Id}",
        ["body"] = c.Body,
        ["user"] = new JsonObject { ["login"] = c.User, ["id"] = 41898282, ["type"] = "Bot" },
        ["created_at"] = "2026-11-27T00:00:00Z",
        ["updated_at"] = "2026-11-27T00:00:00Z",
        ["author_association"] = "NONE",
    };

    private static void Send(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
    }
}
