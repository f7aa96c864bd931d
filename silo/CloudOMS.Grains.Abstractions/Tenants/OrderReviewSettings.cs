namespace CloudOMS.Grains;

/// <summary>
/// How a company reviews new orders. 自动审核 (auto-approve when stock suffices): a new order is approved as it is
/// created, stock reserved in the same call, or left awaiting review with its short lines. Off by default.
/// </summary>
[GenerateSerializer, Immutable, Alias("cloudoms.OrderReviewSettings")]
public sealed record OrderReviewSettings([property: Id(0)] bool AutoApprove = false)
{
    public static readonly OrderReviewSettings ByHand = new();
}
