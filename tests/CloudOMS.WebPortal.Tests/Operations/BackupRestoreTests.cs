using System.Diagnostics;

namespace CloudOMS.WebPortal.Tests.Operations;

/// <summary>
/// deploy/backup.sh copies a running embedded deployment; deploy/restore.sh puts it in a new folder, and a
/// portal started there has everything up to the backup (orders, stock, users and API clients, keys) and
/// nothing after it.
/// </summary>
[Trait(StorageRounds.Trait, StorageRounds.Fixed)]
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "cloudoms-webtests", "backup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_backup_taken_while_the_portal_runs_restores_into_a_portal_with_the_data_up_to_that_moment()
    {
        string before, after;
        int reservedAtBackup;
        var archive = Path.Combine(_work, "cloudoms-backup.tar.gz");
        var running = new PortalFactory();
        await ((IAsyncLifetime)running).InitializeAsync();
        try
        {
            before = (await running.Api.CreateOrder(NewOrder.For(NewOrder.Line("LY-0005", 2)))).OrderId;
            await running.Api.Act(before, "approve");
            reservedAtBackup = (await running.Api.Level("LY-0005", OmsClient.MainWarehouse)).Reserved;

            var backup = await Run("backup.sh", running.DataDirectory, archive);
            Assert.True(backup.ExitCode == 0, backup.Output);
            Assert.Contains("backup written", backup.Output);

            after = (await running.Api.CreateOrder(NewOrder.For(NewOrder.Line("LY-0005", 1)))).OrderId;
        }
        finally
        {
            await ((IAsyncLifetime)running).DisposeAsync();
        }

        var restoredFolder = Path.Combine(_work, "restored");
        var restore = await Run("restore.sh", archive, restoredFolder);
        Assert.True(restore.ExitCode == 0, restore.Output);
        var again = await Run("restore.sh", archive, restoredFolder);
        Assert.NotEqual(0, again.ExitCode); // never over existing data
        Assert.Contains("not empty", again.Output);

        var restored = new PortalFactory { DataDirectory = restoredFolder };
        await ((IAsyncLifetime)restored).InitializeAsync(); // the demo API client's token comes from the restored identity store
        try
        {
            var order = await restored.Api.Order(before);
            Assert.Equal("Approved", order.Status);
            Assert.Equal(HttpStatusCode.NotFound, (await restored.Api.Get($"/api/orders/{after}")).StatusCode);
            Assert.Equal(reservedAtBackup, (await restored.Api.Level("LY-0005", OmsClient.MainWarehouse)).Reserved);
        }
        finally
        {
            await ((IAsyncLifetime)restored).DisposeAsync();
        }
    }

    [Fact]
    public async Task A_damaged_backup_is_refused()
    {
        Directory.CreateDirectory(_work);
        var archive = Path.Combine(_work, "broken.tar.gz");
        await File.WriteAllBytesAsync(archive, [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]);
        var restore = await Run("restore.sh", archive, Path.Combine(_work, "target"));
        Assert.NotEqual(0, restore.ExitCode);
        Assert.False(File.Exists(Path.Combine(_work, "target", "grains.db")));
    }

    private static async Task<(int ExitCode, string Output)> Run(string script, params string[] args)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "CloudOMS.sln"))) root = root.Parent!;
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root.FullName, "deploy", script));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the folder is under the temp directory anyway.
        }
    }
}
