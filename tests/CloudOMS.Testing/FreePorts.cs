using System.Net;
using System.Net.Sockets;

namespace CloudOMS.Testing;

/// <summary>A loopback TCP port nobody listens on right now, for a test's silo, gateway or HTTP endpoint.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
