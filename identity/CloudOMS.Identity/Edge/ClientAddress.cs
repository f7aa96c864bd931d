using System.Net;
using System.Net.Sockets;

namespace CloudOMS.Identity.Edge;

/// <summary>
/// Who a request comes from, for rate limits and lockouts: the IPv4 address, or the /64 network of an IPv6 address
/// (one subscriber holds a whole /64, so single IPv6 addresses cost an attacker nothing).
/// </summary>
public static class ClientAddress
{
    public static string Key(HttpContext context) => Key(context.Connection.RemoteIpAddress);

    public static string Key(IPAddress? address)
    {
        if (address is null) return "local";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
