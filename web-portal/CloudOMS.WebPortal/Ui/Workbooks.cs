using CloudOMS.Grains;
using MiniExcelLibs;

namespace CloudOMS.WebPortal.Ui;

/// <summary>The portal's Excel downloads: one sheet of rows (column title → value), named after what it holds and when.</summary>
public static class Workbooks
{
    public static async Task<IResult> File(IEnumerable<IDictionary<string, object?>> rows, string name, DateTimeOffset now)
    {
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        stream.Position = 0;
        return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}-{ChinaTime.Format(now, "yyyyMMdd-HHmm")}.xlsx");
    }
}
