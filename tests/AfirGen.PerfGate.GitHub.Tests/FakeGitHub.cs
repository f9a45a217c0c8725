using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace AfirGen.PerfGate.GitHub.Tests;

/// <summary>
/// A loopback server speaking the slice of GitHub's REST API that PerfGate uses: issue comments (list paged with Link
/// headers, create, edit, delete), a pull request's head, and check runs (list for a commit, create, edit). It records
/// every request, serves them concurrently as GitHub does, can be told to fail the next ones, and can hold comment
/// searches until several have arrived, so that racing runs really race.
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
    private readonly List<CheckRunRecord> checkRuns = [];
    private readonly Dictionary<int, (string Sha, string Repository)> pulls = [];
    private long nextId = 1000;
    private CountdownEvent? listHold;

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

    public sealed record Annotation(string Path, int Line, string Level, string Title, string Message);

    public sealed record CheckRunRecord(long Id, string Name, string HeadSha, string Status, string? Conclusion, string? ExternalId, string Title, string Summary, string? DetailsUrl, List<Annotation> Annotations);

    /// <summary>The login comments created through the API are written as (the token's identity).</summary>
    public string Login { get; set; } = "github-actions[bot]";

    public IReadOnlyList<CheckRunRecord> CheckRuns
    {
        get
        {
            lock (comments)
            {
                return checkRuns.Select(r => r with { Annotations = r.Annotations.ToList() }).ToList();
            }
        }
    }

    /// <summary>Declares pull request <paramref name="number"/> at head <paramref name="sha"/>, from <paramref name="repository"/>.</summary>
    public void PullRequest(int number, string sha, string repository = "afirgen/backend")
    {
        lock (comments)
        {
            pulls[number] = (sha, repository);
        }
    }

    /// <summary>Holds each comment search until <paramref name="count"/> of them have arrived (at most 60 s), then answers them all.</summary>
    public void HoldListsUntil(int count) => listHold = new CountdownEvent(count);

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

            _ = Task.Run(() =>
            {
                try
                {
                    Handle(context);
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
                {
                    // The client went away mid-answer; there is nobody left to answer.
                }
                finally
                {
                    try
                    {
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        // Already closed with the listener.
                    }
                }
            });
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
                if (listHold is { } hold && !hold.IsSet)
                {
                    hold.Signal();
                    hold.Wait(TimeSpan.FromSeconds(60));
                }

                List(context, segments, issue);
                return;
            }

            if (request.HttpMethod == "POST")
            {
                var created = Seed(issue, BodyOf(body), Login);
                Send(context, 201, Json(created, segments).ToJsonString());
                return;
            }
        }

        // repos/{o}/{r}/issues/comments/{id}, DELETE
        if (segments.Count == 6 && segments[0] == "repos" && segments[3] == "issues" && segments[4] == "comments" && long.TryParse(segments[5], out var gone)
            && request.HttpMethod == "DELETE")
        {
            lock (comments)
            {
                var removed = comments.RemoveAll(c => c.Id == gone);
                context.Response.StatusCode = removed > 0 ? 204 : 404;
                if (removed == 0)
                {
                    Send(context, 404, """{"message":"Not Found"}""");
                }

                return;
            }
        }

        if (HandleOthers(context, segments, body))
        {
            return;
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

    /// <summary>Pull requests and check runs.</summary>
    private bool HandleOthers(HttpListenerContext context, List<string> segments, string body)
    {
        var method = context.Request.HttpMethod;
        // repos/{o}/{r}/pulls/{n}
        if (segments.Count == 5 && segments[0] == "repos" && segments[3] == "pulls" && int.TryParse(segments[4], out var number) && method == "GET")
        {
            (string Sha, string Repository) pull;
            lock (comments)
            {
                if (!pulls.TryGetValue(number, out pull))
                {
                    Send(context, 404, """{"message":"Not Found"}""");
                    return true;
                }
            }

            var json = new JsonObject
            {
                ["id"] = 5000 + number,
                ["number"] = number,
                ["state"] = "open",
                ["title"] = "A change",
                ["html_url"] = $"https://github.example/{segments[1]}/{segments[2]}/pull/{number}",
                ["head"] = new JsonObject
                {
                    ["ref"] = "feature",
                    ["sha"] = pull.Sha,
                    ["label"] = pull.Repository.Split('/')[0] + ":feature",
                    ["repo"] = new JsonObject { ["id"] = 1, ["name"] = pull.Repository.Split('/')[1], ["full_name"] = pull.Repository },
                },
                ["base"] = new JsonObject
                {
                    ["ref"] = "main",
                    ["sha"] = new string('b', 40),
                    ["repo"] = new JsonObject { ["id"] = 2, ["name"] = segments[2], ["full_name"] = segments[1] + "/" + segments[2] },
                },
            };
            Send(context, 200, json.ToJsonString());
            return true;
        }

        // repos/{o}/{r}/commits/{ref}/check-runs
        if (segments.Count == 6 && segments[0] == "repos" && segments[3] == "commits" && segments[5] == "check-runs" && method == "GET")
        {
            var name = context.Request.QueryString["check_name"];
            List<CheckRunRecord> found;
            lock (comments)
            {
                found = checkRuns.Where(r => r.HeadSha == segments[4] && (name is null || r.Name == name)).ToList();
            }

            var list = new JsonObject { ["total_count"] = found.Count, ["check_runs"] = new JsonArray(found.Select(r => (JsonNode)CheckJson(r, segments)).ToArray()) };
            Send(context, 200, list.ToJsonString());
            return true;
        }

        // repos/{o}/{r}/check-runs and repos/{o}/{r}/check-runs/{id}
        if (segments.Count is 4 or 5 && segments[0] == "repos" && segments[3] == "check-runs")
        {
            var input = JsonNode.Parse(body) as JsonObject ?? new JsonObject();
            lock (comments)
            {
                CheckRunRecord record;
                if (segments.Count == 4 && method == "POST")
                {
                    record = new CheckRunRecord(nextId++, Str(input["name"]) ?? "", Str(input["head_sha"]) ?? "", Str(input["status"]) ?? "queued", Str(input["conclusion"]),
                        Str(input["external_id"]), Str(input["output"]?["title"]) ?? "", Str(input["output"]?["summary"]) ?? "", Str(input["details_url"]), []);
                    checkRuns.Add(record);
                }
                else if (segments.Count == 5 && method == "PATCH" && long.TryParse(segments[4], out var runId) && checkRuns.FindIndex(r => r.Id == runId) is var index and >= 0)
                {
                    var old = checkRuns[index];
                    record = old with
                    {
                        Status = Str(input["status"]) ?? old.Status,
                        Conclusion = Str(input["conclusion"]) ?? old.Conclusion,
                        Title = Str(input["output"]?["title"]) ?? old.Title,
                        Summary = Str(input["output"]?["summary"]) ?? old.Summary,
                    };
                    checkRuns[index] = record;
                }
                else
                {
                    Send(context, 404, """{"message":"Not Found"}""");
                    return true;
                }

                if (input["output"]?["annotations"] is JsonArray annotations)
                {
                    if (annotations.Count > 50)
                    {
                        Send(context, 422, """{"message":"Validation Failed: at most 50 annotations"}""");
                        return true;
                    }

                    record.Annotations.AddRange(annotations.Select(a => new Annotation(Str(a?["path"]) ?? "", a?["start_line"]?.GetValue<int>() ?? 0,
                        Str(a?["annotation_level"]) ?? "", Str(a?["title"]) ?? "", Str(a?["message"]) ?? "")));
                }

                Send(context, method == "POST" ? 201 : 200, CheckJson(record, segments).ToJsonString());
                return true;
            }
        }

        return false;
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private JsonObject CheckJson(CheckRunRecord r, List<string> segments) => new()
    {
        ["id"] = r.Id,
        ["node_id"] = "CR_" + r.Id.ToString(CultureInfo.InvariantCulture),
        ["name"] = r.Name,
        ["head_sha"] = r.HeadSha,
        ["external_id"] = r.ExternalId,
        ["status"] = r.Status,
        ["conclusion"] = r.Conclusion,
        ["url"] = $"{BaseUrl}/api/v3/repos/{segments[1]}/{segments[2]}/check-runs/{r.Id}",
        ["html_url"] = $"https://github.example/{segments[1]}/{segments[2]}/runs/{r.Id}",
        ["details_url"] = r.DetailsUrl,
        ["started_at"] = "2026-11-27T00:00:00Z",
        ["completed_at"] = "2026-11-27T00:00:00Z",
        ["output"] = new JsonObject { ["title"] = r.Title, ["summary"] = r.Summary, ["annotations_count"] = r.Annotations.Count },
        ["check_suite"] = new JsonObject { ["id"] = 1 },
        ["pull_requests"] = new JsonArray(),
    };

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
        ["user"] = new JsonObject { ["login"] = c.User, ["id"] = c.User == "github-actions[bot]" ? 41898282 : 1000 + c.User.Length, ["type"] = c.User.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
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
