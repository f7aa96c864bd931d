using CloudOMS.Grains;
using CloudOMS.Identity.Access;

namespace CloudOMS.WebPortal.Orders;

/// <summary>
/// Which permission each order action needs: the one table the API routes, the order page's buttons and the bulk
/// actions all read, so a role can never see a button the API would refuse, or the reverse. Warehouse scope is the
/// same for every action (<see cref="OrderCommands.InScope"/>): a scoped user acts only on orders allocated to one
/// of their warehouses.
/// </summary>
public static class OrderActionRights
{
    public static string Permission(OrderAction action) => action switch
    {
        OrderAction.Submit => Permissions.OrdersEdit,
        OrderAction.Approve => Permissions.OrdersReview,
        OrderAction.Hold or OrderAction.ReleaseHold or OrderAction.Cancel => Permissions.OrdersCancel,
        OrderAction.StartPicking or OrderAction.Ship or OrderAction.Deliver or OrderAction.Complete => Permissions.OrdersShip,
        OrderAction.Pay => Permissions.FinanceEdit,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "an order action without a permission"),
    };

    /// <summary>Whether a caller holding <paramref name="permissions"/> may take <paramref name="action"/>.</summary>
    public static bool Allows(IReadOnlySet<string> permissions, OrderAction action) => permissions.Contains(Permission(action));
}
