-- Query rows the persistence provider reads at start. Each is one statement, so it runs in its own
-- transaction: the provider opens none itself.
-- Write: a NULL GrainStateVersion means "insert; conflict if the row exists". No row returned (the
-- stored version differs from the one passed) is how the provider learns of a conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage AS s (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
                                 GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn, ChangeSeq)
VALUES (@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''),
        @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1, now(), pg_current_xact_id()::text::bigint)
ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO UPDATE SET
    PayloadBinary = excluded.PayloadBinary,
    Version = s.Version + 1,
    ModifiedOn = excluded.ModifiedOn,
    ChangeSeq = excluded.ChangeSeq
WHERE s.Version = @GrainStateVersion
RETURNING s.Version AS NewGrainStateVersion')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Clearing keeps the row (payload NULL) so versions keep counting up and the read model sees it.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    Version = Version + 1,
    ModifiedOn = now(),
    ChangeSeq = pg_current_xact_id()::text::bigint
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
