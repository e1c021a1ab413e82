using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ReasonTrack.Tests.Reports.Html;

/// <summary>
/// The system's headless Chromium (Debian's <c>chromium</c>) driven over the DevTools protocol on a WebSocket, with
/// nothing downloaded: one browser per instance, one page, console errors, uncaught exceptions, log errors and failed
/// requests collected per navigation. Waits are on conditions (load events, page predicates) with generous timeouts
/// that only guard against a hang. <see cref="Start"/> skips the calling test when no browser is installed.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly string _profile;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, string> _urls = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _reader;
    private int _nextId;
    private string? _session;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Problems seen since the last <see cref="Navigate"/>: console errors, exceptions, failed requests.</summary>
    public IReadOnlyList<string> Problems => _problems.ToArray();

    /// <summary>The browser executable: REASONTRACK_CHROMIUM, else /usr/bin/chromium (Debian), else chromium/chromium-browser on PATH; null when none.</summary>
    public static string? Locate()
    {
        string? env = Environment.GetEnvironmentVariable("REASONTRACK_CHROMIUM");
        if (!string.IsNullOrEmpty(env)) return File.Exists(env) ? env : null;
        foreach (string p in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
            if (File.Exists(p)) return p;
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            foreach (string n in new[] { "chromium", "chromium-browser" })
                if (File.Exists(Path.Combine(dir, n))) return Path.Combine(dir, n);
        return null;
    }

    public static async Task<HeadlessChromium> Start(CancellationToken ct)
    {
        string? exe = Locate();
        if (exe is null) Assert.Skip("Chromium not found (./setup.sh installs Debian's 'chromium'; or set REASONTRACK_CHROMIUM): the browser tests need it");
        string profile = Directory.CreateTempSubdirectory("rt-chromium-").FullName;
        var psi = new ProcessStartInfo(exe!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[]
                 {
                     "--headless", "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
                     "--disable-gpu", "--disable-extensions", "--disable-background-networking", "--disable-sync", "--no-sandbox",
                     "--mute-audio", "--window-size=1280,900", "--hide-scrollbars", "about:blank",
                 })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + exe);
        var browser = new HeadlessChromium(process, profile);
        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { endpoint.TrySetException(new InvalidOperationException("chromium exited before listening: " + stderr)); return; }
            lock (stderr) stderr.AppendLine(e.Data);
            var m = Listening().Match(e.Data);
            if (m.Success) endpoint.TrySetResult(m.Groups[1].Value);
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            string ws = await endpoint.Task.WaitAsync(Patience, ct);
            await browser._socket.ConnectAsync(new Uri(ws), ct);
            browser._reader = Task.Run(browser.ReadLoop);
            var target = await browser.Call("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, ct, browserLevel: true);
            var attached = await browser.Call("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, ct, browserLevel: true);
            browser._session = attached["sessionId"]!.GetValue<string>();
            foreach (string domain in new[] { "Page.enable", "Runtime.enable", "Log.enable", "Network.enable" })
                await browser.Call(domain, null, ct);
            await browser.Call("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1280, ["height"] = 900, ["deviceScaleFactor"] = 1, ["mobile"] = false }, ct);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    [GeneratedRegex(@"DevTools listening on (ws://\S+)")]
    private static partial Regex Listening();

    /// <summary>Opens <paramref name="url"/>, waits for its load event, and clears <see cref="Problems"/> first.</summary>
    public async Task Navigate(string url, CancellationToken ct)
    {
        _problems.Clear();
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var r = await Call("Page.navigate", new JsonObject { ["url"] = url }, ct);
        if (r["errorText"] is { } err) _problems.Enqueue("navigate: " + err);
        await _loaded.Task.WaitAsync(Patience, ct);
    }

    /// <summary>The value of a JavaScript expression (promises awaited), as JSON.</summary>
    public async Task<JsonNode?> Evaluate(string expression, CancellationToken ct)
    {
        var r = await Call("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, ct);
        if (r["exceptionDetails"] is { } ex) throw new InvalidOperationException("page script failed: " + ex.ToJsonString());
        return r["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until <paramref name="predicate"/> (a JavaScript expression) is true; polls, a hang guard of <see cref="Patience"/>.</summary>
    public async Task WaitFor(string predicate, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var v = await Evaluate($"!!({predicate})", ct);
            if (v?.GetValue<bool>() == true) return;
            if (deadline.Elapsed > Patience) throw new TimeoutException("page never satisfied: " + predicate);
            await Task.Delay(50, ct);
        }
    }

    /// <summary>A real mouse click (pressed and released) at the centre of the first element matching <paramref name="selector"/>.</summary>
    public async Task Click(string selector, CancellationToken ct)
    {
        string sel = JsonSerializer.Serialize(selector);
        var rect = await Evaluate($"(() => {{ const e = document.querySelector({sel}); if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()", ct)
                   ?? throw new InvalidOperationException("no element matches " + selector);
        double x = rect[0]!.GetValue<double>(), y = rect[1]!.GetValue<double>();
        foreach (string type in new[] { "mouseMoved", "mousePressed", "mouseReleased" })
            await Call("Input.dispatchMouseEvent", new JsonObject { ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = "left", ["clickCount"] = type == "mouseMoved" ? 0 : 1 }, ct);
    }

    /// <summary>A PNG of the whole page.</summary>
    public async Task<byte[]> Screenshot(CancellationToken ct)
    {
        var r = await Call("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true }, ct);
        return Convert.FromBase64String(r["data"]!.GetValue<string>());
    }

    private async Task<JsonObject> Call(string method, JsonObject? parameters, CancellationToken ct, bool browserLevel = false)
    {
        int id = Interlocked.Increment(ref _nextId);
        var msg = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!browserLevel && _session is not null) msg["sessionId"] = _session;
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        byte[] bytes = Encoding.UTF8.GetBytes(msg.ToJsonString());
        await _send.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            _send.Release();
        }
        var reply = await tcs.Task.WaitAsync(Patience, ct);
        if (reply["error"] is { } error) throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        return reply["result"] as JsonObject ?? new JsonObject();
    }

    private async Task ReadLoop()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage) continue;
                var node = JsonNode.Parse(message.ToArray()) as JsonObject;
                message.SetLength(0);
                if (node is null) continue;
                if (node["id"] is { } idNode && _pending.TryRemove(idNode.GetValue<int>(), out var tcs)) { tcs.TrySetResult(node); continue; }
                Event(node["method"]?.GetValue<string>(), node["params"] as JsonObject);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        foreach (var p in _pending.Values) p.TrySetException(new InvalidOperationException("the browser connection closed"));
    }

    private void Event(string? method, JsonObject? p)
    {
        p ??= new JsonObject();
        switch (method)
        {
            case "Page.loadEventFired":
                _loaded.TrySetResult();
                break;
            case "Runtime.consoleAPICalled":
                if (Text(p["type"]) is "error" or "assert") _problems.Enqueue("console: " + p["args"]?.ToJsonString());
                break;
            case "Runtime.exceptionThrown":
                _problems.Enqueue("exception: " + p["exceptionDetails"]?.ToJsonString());
                break;
            case "Log.entryAdded":
                if (p["entry"] is JsonObject entry && Text(entry["level"]) == "error") _problems.Enqueue("log: " + Text(entry["text"]) + " " + Text(entry["url"]));
                break;
            case "Network.requestWillBeSent":
                if (Text(p["requestId"]) is { } rid && p["request"] is JsonObject req) _urls[rid] = Text(req["url"]) ?? "?";
                break;
            case "Network.loadingFailed":
                _problems.Enqueue("request failed: " + Text(p["errorText"]) + " " + Text(p["type"]) + " " + (Text(p["requestId"]) is { } id && _urls.TryGetValue(id, out var u) ? u : "?") + " " + Text(p["blockedReason"]));
                break;
            case "Network.responseReceived":
                if (p["response"] is JsonObject response && response["status"] is JsonValue status && status.GetValue<double>() >= 400)
                    _problems.Enqueue($"HTTP {status}: {Text(response["url"])}");
                break;
        }
    }

    private static string? Text(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
                await Call("Browser.close", null, CancellationToken.None, browserLevel: true).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or WebSocketException)
        {
        }
        _stop.Cancel();
        if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _socket.Dispose();
        if (_reader is not null) await _reader.ConfigureAwait(false);
        try { Directory.Delete(_profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
