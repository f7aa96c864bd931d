namespace CloudOMS.Identity.Access;

/// <summary>
/// Where a committed change that may take access away is announced (see <see cref="AccessCache"/> for the guarantee).
/// </summary>
public interface IAccessChanges
{
    /// <summary>The change is committed: this process forgets what it remembered (synchronous, cheap).</summary>
    void Committed();

    /// <summary>Completes once every instance has forgotten what it remembered before the changes committed so far.</summary>
    Task Published(CancellationToken cancellationToken = default);
}

/// <summary>SQLite: one process holds the identity database, so forgetting here is forgetting everywhere.</summary>
public sealed class LocalAccessChanges(AccessCache cache) : IAccessChanges
{
    public void Committed() => cache.Invalidate();

    public Task Published(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
