namespace CloudOMS.Grains.UnitTests.Common;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Changes_made_during_a_write_are_saved_together_by_the_next_write()
    {
        var writes = 0;
        var release = new TaskCompletionSource();
        var commit = new GroupCommit(async () =>
        {
            writes++;
            if (writes == 1) await release.Task;
        });

        commit.Changed();
        var first = commit.WhenDurable();
        var joined = Enumerable.Range(0, 10).Select(_ => { commit.Changed(); return commit.WhenDurable(); }).ToList();
        release.SetResult();
        await first;
        await Task.WhenAll(joined);

        Assert.Equal(2, writes);
        Assert.True(commit.WhenDurable().IsCompleted);
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_and_a_later_write_saves_their_changes()
    {
        var attempts = 0;
        var commit = new GroupCommit(() => ++attempts == 1 ? Task.FromException(new IOException("disk")) : Task.CompletedTask);

        commit.Changed();
        await Assert.ThrowsAsync<IOException>(() => commit.WhenDurable());
        await commit.WhenDurable();
        Assert.Equal(2, attempts);
    }
}
