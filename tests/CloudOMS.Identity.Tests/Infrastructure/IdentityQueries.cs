using System.Diagnostics;
using CloudOMS.Identity.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CloudOMS.Identity.Tests.Infrastructure;

/// <summary>
/// Counts the commands EF Core sends to one portal's identity database (told apart from other portals in the
/// test process by its connection string), through EF Core's diagnostic events.
/// </summary>
public sealed class IdentityQueries : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _connectionString;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<string> _seen = [];

    public IdentityQueries(PortalFactory portal)
    {
        _connectionString = portal.Services.GetRequiredService<IdentityStore>().ConnectionString;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The commands seen so far (their SQL).</summary>
    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (_seen) return [.. _seen];
        }
    }

    public void Clear()
    {
        lock (_seen) _seen.Clear();
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name != DbLoggerCategory.Name) return;
        lock (_listeners) _listeners.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData { Context: IdentityDb } data) return;
        if (data.Command.Connection?.ConnectionString != _connectionString) return;
        lock (_seen) _seen.Add(data.Command.CommandText);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners) _listeners.ForEach(l => l.Dispose());
    }
}
