-- Grain state for the Orleans ADO.NET persistence provider, owned by CloudOMS (PostgreSQL).
-- The same rows and meaning as the SQLite table: one row per grain and state name, a version
-- the provider checks on every write, and ChangeSeq, which the read model follows as a change feed.
-- Here ChangeSeq is the id of the transaction that last wrote the row (each provider write is one
-- statement in its own transaction). The projection reads only ids below the oldest transaction
-- still running, so a write that commits late is never skipped, as a plain sequence would allow.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              text        NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainIdExtensionString text        NOT NULL,
    GrainIdHash            integer     NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    PayloadBinary          bytea       NULL,
    Version                integer     NOT NULL,
    ModifiedOn             timestamptz NOT NULL,
    ChangeSeq              bigint      NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString)
);

CREATE INDEX IF NOT EXISTS IX_OrleansStorage_ChangeSeq ON OrleansStorage (ServiceId, ChangeSeq);
