using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using ImagingWorklist.Application.Realtime;
using ImagingWorklist.Application.Security;
using ImagingWorklist.Application.Workitems;
using ImagingWorklist.Domain.Exams;
using ImagingWorklist.Web.Security;

namespace ImagingWorklist.Web.Interop.DicomWeb;

/// <summary>
/// The UPS-RS event channel (PS3.18 11.10–11.11): subscribe and unsubscribe over HTTP, then open a WebSocket at
/// /dicomweb/subscribers/{aeTitle} and receive a UPS State Report (Event Type ID 1) as a DICOM JSON dataset whenever a
/// subscribed workitem changes state, on whichever app instance the change happened. Only workitems within the
/// subscriber's trusts are reported; the report carries the workitem UID and state, never patient data.
/// </summary>
internal sealed class UpsEvents : IDisposable
{
    public const string GlobalUid = "1.2.840.10008.5.1.4.34.5";

    private readonly ConcurrentDictionary<Guid, Session> _sessions = new();
    private readonly UpsSubscriptions _subscriptions;
    private readonly ILogger<UpsEvents> _logger;
    private readonly IDisposable _subscription;

    public UpsEvents(WorklistChangeDispatcher dispatcher, UpsSubscriptions subscriptions, ILogger<UpsEvents> logger)
    {
        _subscriptions = subscriptions;
        _logger = logger;
        _subscription = dispatcher.Subscribe(OnChangeAsync);
    }

    public static void Map(WebApplication app)
    {
        var workitems = app.MapGroup("/dicomweb/workitems/{uid}/subscribers/{aeTitle}").DisableAntiforgery()
            .RequireAuthorization(WorklistPolicies.WorklistRead);
        workitems.MapPost(string.Empty, SubscribeAsync);
        workitems.MapDelete(string.Empty, UnsubscribeAsync);
        workitems.MapPost("/suspend", SuspendAsync);
        app.Map("/dicomweb/subscribers/{aeTitle}", ConnectAsync).RequireAuthorization(WorklistPolicies.WorklistRead);
    }

    public void Dispose() => _subscription.Dispose();

    private static async Task<IResult> SubscribeAsync(string uid, string aeTitle, ClaimsPrincipal user, UpsSubscriptions subscriptions,
        CancellationToken cancellationToken)
    {
        if (Target(uid) is not { } target)
        {
            return Results.Text($"'{uid}' is neither a workitem UID of this worklist nor the global subscription UID {GlobalUid}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await subscriptions.SubscribeAsync(user.UserId(), aeTitle, target.ExamId, user.AccessScope(), cancellationToken);
        return outcome.Succeeded
            ? Results.Created($"/dicomweb/subscribers/{Uri.EscapeDataString(aeTitle)}", null)
            : Results.Text(outcome.Reason, statusCode: outcome.Reason == "No such workitem." ? StatusCodes.Status404NotFound
                : StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> UnsubscribeAsync(string uid, string aeTitle, ClaimsPrincipal user, UpsSubscriptions subscriptions,
        CancellationToken cancellationToken)
    {
        if (Target(uid) is not { } target)
        {
            return Results.Text($"'{uid}' is neither a workitem UID of this worklist nor {GlobalUid}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await subscriptions.UnsubscribeAsync(user.UserId(), aeTitle, target.ExamId, cancellationToken) ? Results.Ok()
            : Results.NotFound();
    }

    private static async Task<IResult> SuspendAsync(string uid, string aeTitle, ClaimsPrincipal user, UpsSubscriptions subscriptions,
        CancellationToken cancellationToken) =>
        uid != GlobalUid
            ? Results.Text("Only a global subscription can be suspended.", statusCode: StatusCodes.Status400BadRequest)
            : await subscriptions.SuspendAsync(user.UserId(), aeTitle, cancellationToken) ? Results.Ok() : Results.NotFound();

    private static async Task ConnectAsync(HttpContext context, string aeTitle, UpsEvents events)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Open this address as a WebSocket to receive UPS event reports.");
            return;
        }

        if (UpsSubscriptions.Invalid(aeTitle) is { } reason)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync(reason);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await events.ServeAsync(socket, context.User, aeTitle, context.RequestAborted);
    }

    private async Task ServeAsync(WebSocket socket, ClaimsPrincipal user, string aeTitle, CancellationToken cancellationToken)
    {
        var session = new Session(socket, user.UserId(), aeTitle, user.AccessScope());
        _sessions[session.Id] = session;
        try
        {
            // Nothing is expected from the subscriber; reading notices when it closes.
            var buffer = new byte[1024];
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "Bye", CancellationToken.None);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            _logger.LogInformation("UPS event channel for {AeTitle} closed: {Reason}", aeTitle, exception.GetType().Name);
        }
        finally
        {
            _sessions.TryRemove(session.Id, out _);
        }
    }

    private async Task OnChangeAsync(WorklistChange change)
    {
        if (change.ExamId is not { } examId || _sessions.IsEmpty)
        {
            return;
        }

        var sessions = _sessions.Values.ToList();
        if (await _subscriptions.StateEventAsync(examId, [.. sessions.Select(s => (s.Owner, s.AeTitle, s.Scope))]) is not { } update)
        {
            return;
        }

        var report = Encoding.UTF8.GetBytes(StateReport(examId, update.State).ToJsonString());
        foreach (var session in sessions.Where(s => update.Recipients.Contains((s.Owner, s.AeTitle))))
        {
            await session.SendAsync(report);
        }
    }

    internal static JsonObject StateReport(Guid examId, ExamState state) => new()
    {
        ["00001000"] = new JsonObject { ["vr"] = "UI", ["Value"] = new JsonArray(DicomJson.UidOf(examId)) },
        ["00001002"] = new JsonObject { ["vr"] = "US", ["Value"] = new JsonArray(1) },
        [DicomJson.ProcedureStepState] =
            new JsonObject { ["vr"] = "CS", ["Value"] = new JsonArray(DicomJson.StateText(ProcedureStepStates.Of(state))) },
    };

    private static (Guid? ExamId, bool Global)? Target(string uid) =>
        uid == GlobalUid ? (null, true) : DicomJson.IdOf(uid) is { } id ? (id, false) : null;

    private sealed class Session(WebSocket socket, string owner, string aeTitle, AccessScope scope)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public Guid Id { get; } = Guid.NewGuid();

        public string Owner => owner;

        public string AeTitle => aeTitle;

        public AccessScope Scope => scope;

        public async Task SendAsync(byte[] report)
        {
            await _sending.WaitAsync();
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(report, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                }
            }
            catch (WebSocketException)
            {
                // The subscriber went away; its session ends when its read loop notices.
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
