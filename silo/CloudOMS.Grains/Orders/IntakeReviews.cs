namespace CloudOMS.Grains;

/// <summary>Whether an intake approves the order it creates, and how the order's review stands for the answer.</summary>
public static class IntakeReviews
{
    /// <summary>自动审核 approves orders sent for review; a draft waits for its submit.</summary>
    public static bool ApprovesAtIntake(OrderReviewSettings settings, NewOrder order) => settings.AutoApprove && !order.Draft;

    /// <summary>
    /// Reserved once the order holds (or has shipped) stock; refused while it awaits review after a refused approval,
    /// naming the short lines; pending otherwise (not reviewed yet, a draft, a step still running, cancelled).
    /// </summary>
    public static IntakeReview Of(OrderState order) => order switch
    {
        { Hold: not StockHold.None } => new IntakeReview(ReviewOutcome.Reserved, []),
        { Status: OrderStatus.PendingReview, Saga: null, RefusedShortages.Count: > 0 } => new IntakeReview(ReviewOutcome.Refused, [.. order.RefusedShortages]),
        _ => new IntakeReview(ReviewOutcome.Pending, []),
    };
}
