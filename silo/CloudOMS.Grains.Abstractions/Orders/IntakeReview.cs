namespace CloudOMS.Grains;

/// <summary>What review made of an order at intake: stock reserved, refused (the short lines), or left for a person.</summary>
public enum ReviewOutcome
{
    Pending,
    Reserved,
    Refused,
}

/// <summary>The review outcome an intake answers with, beside the order; shortages only when refused.</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.IntakeReview")]
public sealed record IntakeReview(
    [property: Id(0)] ReviewOutcome Outcome,
    [property: Id(1)] IReadOnlyList<Shortage> Shortages);

/// <summary>An order created (or found, on a replay) by one intake call, and its review outcome.</summary>
[GenerateSerializer, Immutable, Alias("cloudoms.IntakeAnswer")]
public sealed record IntakeAnswer(
    [property: Id(0)] OrderSnapshot Order,
    [property: Id(1)] IntakeReview Review);
