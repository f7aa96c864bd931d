namespace CloudOMS.WebPortal.Api;

public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);

/// <summary>Server paging for every list: page from 1, size 1-200 (default 20); the offset never overflows.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Page, int Size) Normalize(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, int.MaxValue / MaxPageSize), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));
}
