-- The council's query tables: projections of the record, rebuilt from it by `smolny rebuild`.
-- Plain types only (TEXT, INTEGER, BIGINT), so the same statements run on SQLite and PostgreSQL.
-- Instants are ISO-8601 UTC text, ids are UUID text.

-- The organisation this database serves (one row).
CREATE TABLE council_org (
    org_id     TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);

-- How many record entries the query tables reflect (one row, id 1).
CREATE TABLE council_position (
    id      INTEGER PRIMARY KEY,
    applied BIGINT  NOT NULL
);

-- Every council entry of the record, by index.
CREATE TABLE council_entry (
    idx       BIGINT PRIMARY KEY,
    type      TEXT   NOT NULL,
    unit_id   TEXT,
    at        TEXT   NOT NULL,
    by_member TEXT
);
CREATE INDEX council_entry_unit ON council_entry (unit_id, idx);

CREATE TABLE council_unit (
    unit_id    TEXT PRIMARY KEY,
    unit_type  TEXT NOT NULL,
    parent_id  TEXT,
    name       TEXT NOT NULL,
    founded_at TEXT NOT NULL
);

CREATE TABLE council_member (
    member_id   TEXT PRIMARY KEY,
    unit_id     TEXT NOT NULL,
    commitment  TEXT NOT NULL,
    status      TEXT NOT NULL,
    admitted_at TEXT NOT NULL,
    voting_from TEXT NOT NULL,
    changed_at  TEXT NOT NULL
);
CREATE INDEX council_member_unit ON council_member (unit_id, status);

CREATE TABLE council_charge (
    charge_id  TEXT PRIMARY KEY,
    member_id  TEXT NOT NULL,
    unit_id    TEXT NOT NULL,
    clause     TEXT NOT NULL,
    status     TEXT NOT NULL,
    changed_at TEXT NOT NULL
);

CREATE TABLE council_election (
    election_id TEXT PRIMARY KEY,
    post        TEXT    NOT NULL,
    unit_id     TEXT    NOT NULL,
    seats       INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    hold_by     TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    held_at     TEXT
);

CREATE TABLE council_mandate (
    mandate_id  TEXT PRIMARY KEY,
    post        TEXT NOT NULL,
    unit_id     TEXT NOT NULL,
    holder_id   TEXT NOT NULL,
    source      TEXT NOT NULL,
    election_id TEXT,
    started_at  TEXT NOT NULL,
    ends_at     TEXT,
    status      TEXT NOT NULL,
    ended_at    TEXT
);
CREATE INDEX council_mandate_holder ON council_mandate (holder_id);
CREATE INDEX council_mandate_unit ON council_mandate (unit_id, status);

CREATE TABLE council_instruction (
    mandate_id TEXT NOT NULL,
    motion_id  TEXT NOT NULL,
    position   TEXT NOT NULL,
    given_at   TEXT NOT NULL,
    PRIMARY KEY (mandate_id, motion_id)
);

CREATE TABLE council_delegate_vote (
    mandate_id  TEXT NOT NULL,
    motion_id   TEXT NOT NULL,
    position    TEXT NOT NULL,
    instructed  TEXT,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (mandate_id, motion_id)
);

-- Recall, convening and initiative petitions alike: kind says which; subject is the mandate, body or motion.
CREATE TABLE council_petition (
    petition_id TEXT PRIMARY KEY,
    kind        TEXT    NOT NULL,
    unit_id     TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    opener_id   TEXT    NOT NULL,
    electorate  INTEGER NOT NULL,
    needed      INTEGER NOT NULL,
    signatures  INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    opened_at   TEXT    NOT NULL,
    closes_at   TEXT
);
CREATE INDEX council_petition_unit ON council_petition (unit_id, status);

CREATE TABLE council_signature (
    petition_id TEXT NOT NULL,
    member_id   TEXT NOT NULL,
    signed_at   TEXT NOT NULL,
    PRIMARY KEY (petition_id, member_id)
);

CREATE TABLE council_payment (
    payment_id        TEXT PRIMARY KEY,
    official_id       TEXT    NOT NULL,
    unit_id           TEXT    NOT NULL,
    mandate_id        TEXT    NOT NULL,
    month             TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    description       TEXT    NOT NULL,
    amount_minor      BIGINT  NOT NULL,
    currency          TEXT    NOT NULL,
    month_total_minor BIGINT  NOT NULL,
    cap_minor         BIGINT  NOT NULL,
    congress_voted    INTEGER NOT NULL,
    recorded_at       TEXT    NOT NULL
);

CREATE TABLE council_powers (
    powers_id  TEXT PRIMARY KEY,
    unit_id    TEXT NOT NULL,
    body       TEXT NOT NULL,
    holder_id  TEXT NOT NULL,
    scope      TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    status     TEXT NOT NULL,
    changed_at TEXT NOT NULL
);

-- Meetings held, flagged overdue, or convened by petition.
CREATE TABLE council_meeting (
    idx         BIGINT PRIMARY KEY,
    body        TEXT NOT NULL,
    unit_id     TEXT NOT NULL,
    what        TEXT NOT NULL,
    at          TEXT NOT NULL,
    convening   TEXT,
    due_at      TEXT
);

-- Personal data, apart from the record and erasable: the record holds only the member id and the commitment
-- SHA-256(salt || data). Erasing deletes the row; the commitment on the record can then no longer be opened.
CREATE TABLE council_person (
    member_id TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    email     TEXT NOT NULL,
    phone     TEXT NOT NULL,
    salt      TEXT NOT NULL,
    stored_at TEXT NOT NULL
);

-- Sign-in accounts: an Argon2id hash (encoded with its parameters and salt), the member it acts for (null for an
-- administrator without membership), and whether it administers the server.
CREATE TABLE council_account (
    login         TEXT PRIMARY KEY,
    member_id     TEXT UNIQUE,
    password_hash TEXT    NOT NULL,
    administrator INTEGER NOT NULL,
    created_at    TEXT    NOT NULL
);
