using CloudOMS.WebPortal.Orders;
using Microsoft.Extensions.Localization;

namespace CloudOMS.WebPortal.Orders;

/// <summary>Why an order of a batch (or of a pick list) was not done, in the user's language.</summary>
public static class BatchReasons
{
    /// <param name="action">What was asked, as a verb ("审核", "发货"), for the wrong-status message.</param>
    public static string Text(IStringLocalizer<UiText> T, BatchResult result, string action) => result.Failure switch
    {
        BatchFailure.None => "",
        BatchFailure.NotFound => T["Order.NotFound"],
        BatchFailure.OutOfScope => T["OrdersUi.Reason.OutOfScope"],
        BatchFailure.NoPermission => T["OrdersUi.Reason.NoPermission"],
        BatchFailure.WrongStatus => T["OrdersUi.Reason.Status", T["Status." + result.Status].Value, action],
        BatchFailure.OverLimit => T["OrdersUi.Reason.OverLimit", OrderBatch.MaxOrders],
        BatchFailure.Refused => result.Message is { } message ? message : T["Failed"],
        _ => T["OrdersUi.Reason.Error"],
    };
}
