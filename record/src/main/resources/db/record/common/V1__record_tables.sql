-- The public record: entries, the Merkle tree's perfect nodes, signed checkpoints and witness cosignatures.
-- Portable SQL for SQLite and PostgreSQL; ${index_type}, ${bytes} and ${clustered} are set per database.
-- Every table is insert-only: V2 (per database) installs triggers that refuse UPDATE and DELETE.

-- One row per entry: its index (0-based, no gaps) and its RFC 8785 canonical JSON bytes.
CREATE TABLE record_entry (
    idx   ${index_type} PRIMARY KEY,
    entry ${bytes} NOT NULL
);

-- Every perfect subtree of the RFC 9162 tree, once complete: the node at (level, idx) covers the entries
-- [idx * 2^level, (idx + 1) * 2^level). Level 0 holds the leaf hashes. Proofs and roots are read from here.
CREATE TABLE record_hash (
    level INTEGER NOT NULL,
    idx   BIGINT  NOT NULL,
    hash  ${bytes} NOT NULL,
    PRIMARY KEY (level, idx)
)${clustered};

-- Signed checkpoints (C2SP tlog-checkpoint in a C2SP signed note). One per tree size, never two roots for a size.
CREATE TABLE record_checkpoint (
    size      BIGINT PRIMARY KEY,
    root      ${bytes} NOT NULL,
    note      TEXT NOT NULL,
    signed_at TEXT NOT NULL
);

-- Witness cosignatures of a checkpoint: the signature line as the witness returned it (C2SP tlog-cosignature).
CREATE TABLE record_cosignature (
    size      BIGINT NOT NULL,
    witness   TEXT NOT NULL,
    key_id    TEXT NOT NULL,
    line      TEXT NOT NULL,
    added_at  TEXT NOT NULL,
    PRIMARY KEY (size, witness, key_id)
);
