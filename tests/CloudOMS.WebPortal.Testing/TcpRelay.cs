using System.Net;
using System.Net.Sockets;

namespace CloudOMS.WebPortal.Testing;

/// <summary>
/// A loopback TCP relay in front of a server, so a test can cut one process's way to it (a network partition)
/// while others still reach the server directly. <see cref="Cut"/> drops every relayed connection and stops
/// listening (new connections are refused); <see cref="Restore"/> listens again on the same port.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private readonly Lock _lock = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public TcpRelay(IPEndPoint target)
    {
        _target = target;
        Port = FreePort();
        Restore();
    }

    public int Port { get; }

    public void Restore()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = Accept(_listener, _stop.Token);
    }

    public void Cut()
    {
        _stop.Cancel();
        _listener?.Stop();
        lock (_lock)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }

    private async Task Accept(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Relay(inbound, stop);
        }
    }

    private async Task Relay(TcpClient inbound, CancellationToken stop)
    {
        var outbound = new TcpClient();
        lock (_lock)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(_target, stop);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(stop);
            await Task.WhenAny(
                inbound.GetStream().CopyToAsync(outbound.GetStream(), both.Token),
                outbound.GetStream().CopyToAsync(inbound.GetStream(), both.Token));
            await both.CancelAsync();
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The relay was cut or one side closed: both sides close below.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
