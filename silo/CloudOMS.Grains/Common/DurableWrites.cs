using Microsoft.Extensions.Logging;

namespace CloudOMS.Grains;

/// <summary>Turns a failed state write into the one error callers are told to retry.</summary>
internal static class DurableWrites
{
    public static Task Persist(this GroupCommit commit, Grain grain, ILogger logger) => commit.Persist(grain, logger, commit.Generation);

    /// <summary>Waits for the changes up to <paramref name="generation"/> only (see <see cref="GroupCommit.Generation"/>).</summary>
    public static async Task Persist(this GroupCommit commit, Grain grain, ILogger logger, long generation)
    {
        try
        {
            await commit.WhenDurable(generation);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "State write of {GrainId} failed; outcome unknown until retried", grain.GetGrainId());
            // A version conflict means memory no longer matches storage: start over from what was saved.
            if (error is InconsistentStateException) grain.DeactivateOnIdle();
            throw new OutcomeUnknownException(Msg.Of("DurableWrites.WriteFailedRetrySameOperationId"));
        }
    }
}
