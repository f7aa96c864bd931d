namespace CloudOMS.Identity.Tests.Infrastructure;

public static class Expect
{
    /// <summary>Fails listing every problem in full (Assert.Empty cuts long items short).</summary>
    public static void None(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problem(s):\n" + string.Join("\n", list));
    }
}
