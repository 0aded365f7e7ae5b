-- The trust's audit hub, version 1: the schema, the desks' group role, the entries (one
-- partition per month), the alerts, and the rule that nothing in them is changed or removed.
-- Applied by `cpis-hub migrate`, as the role that is to own the hub (docs/hub.md).

CREATE SCHEMA hub;
REVOKE ALL ON SCHEMA hub FROM PUBLIC;

-- Which of these files are applied (cpis-hub migrate fills it in).
CREATE TABLE hub.migrations (
    version int PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);

-- Desks log in as their own roles, members of this one; it may only call hub.record_entry.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cpis_hub_desk') THEN
        CREATE ROLE cpis_hub_desk NOLOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA hub TO cpis_hub_desk;

-- One row per desk (its database role): the head of its chain as received. Locked by each
-- insert, so that one desk's entries are recorded one at a time.
CREATE TABLE hub.desks (
    desk name PRIMARY KEY,
    first_seen timestamptz NOT NULL DEFAULT now(),
    head_seq bigint NOT NULL DEFAULT 0,
    head_hash bytea,
    last_received timestamptz
);

CREATE SEQUENCE hub.arrival;

-- Each entry as the desk sealed it: the fields its hash covers, the hash, the MAC, the
-- predecessor's hash it was chained to, and what the hub found on arrival.
CREATE TABLE hub.entries (
    desk name NOT NULL,
    seq bigint NOT NULL,
    at_time timestamptz NOT NULL,   -- the entry's time; the month's partition
    at_ms bigint NOT NULL,
    user_id text NOT NULL,
    user_name text NOT NULL,
    role text NOT NULL,
    organisation text NOT NULL,
    action text NOT NULL,
    nhs_number text NOT NULL,
    outcome text NOT NULL,
    workstation text NOT NULL,
    reason text NOT NULL,
    request_id text NOT NULL,
    environment text NOT NULL,
    -- The outcome's stable code and its detail, apart, for queries of look-up results.
    outcome_code text GENERATED ALWAYS AS (split_part(outcome, ' ', 1)) STORED,
    outcome_detail text GENERATED ALWAYS AS (
        CASE WHEN position(' ' IN outcome) > 0
             THEN substr(outcome, position(' ' IN outcome) + 1) ELSE '' END) STORED,
    prev_hash bytea NOT NULL,
    hash bytea NOT NULL,
    mac bytea NOT NULL,
    hash_ok boolean NOT NULL,   -- the hash recomputed on arrival matched
    link_ok boolean,            -- prev_hash is the stored predecessor's hash; null: not held then
    arrival bigint NOT NULL DEFAULT nextval('hub.arrival'),
    received_at timestamptz NOT NULL DEFAULT now(),
    -- (desk, seq) is unique: hub.record_entry checks it under the desk's row lock, because a
    -- partitioned table's unique key must hold the partition key.
    PRIMARY KEY (desk, seq, at_time)
) PARTITION BY RANGE (at_time);

CREATE INDEX entries_positives ON hub.entries (organisation, at_time)
    WHERE action = 'look-up' AND outcome_code = 'plans-found';

-- What the hub noticed on arrival: a gap in a desk's numbering, a second, different entry
-- with a number already held (a fork: the desk's log was rewritten), an entry not chained to
-- its predecessor, an entry whose hash does not match its fields.
CREATE TABLE hub.alerts (
    id bigserial PRIMARY KEY,
    desk name NOT NULL,
    kind text NOT NULL CHECK (kind IN ('gap', 'fork', 'broken-link', 'bad-hash')),
    seq bigint NOT NULL,
    last_seq bigint NOT NULL,
    detail text NOT NULL,
    entry jsonb,   -- fork: the differing entry exactly as received
    raised_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alerts_desk ON hub.alerts (desk, seq);

-- Nobody but the hub's owner changes or removes a row, whatever privileges someone is given
-- later: the desks have none to begin with (below); this stops a mistaken grant.
CREATE FUNCTION hub.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_user = (SELECT r.rolname FROM pg_catalog.pg_namespace n
                       JOIN pg_catalog.pg_roles r ON r.oid = n.nspowner
                       WHERE n.nspname = 'hub') THEN
        IF TG_LEVEL = 'STATEMENT' THEN
            RETURN NULL;
        ELSIF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit hub is append-only: % on hub.% is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON hub.entries
    FOR EACH ROW EXECUTE FUNCTION hub.refuse_change();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON hub.entries
    FOR EACH STATEMENT EXECUTE FUNCTION hub.refuse_change();
CREATE TRIGGER alerts_append_only BEFORE UPDATE OR DELETE ON hub.alerts
    FOR EACH ROW EXECUTE FUNCTION hub.refuse_change();
CREATE TRIGGER alerts_no_truncate BEFORE TRUNCATE ON hub.alerts
    FOR EACH STATEMENT EXECUTE FUNCTION hub.refuse_change();
CREATE TRIGGER desks_no_delete BEFORE UPDATE OR DELETE ON hub.desks
    FOR EACH ROW EXECUTE FUNCTION hub.refuse_change();
CREATE TRIGGER desks_no_truncate BEFORE TRUNCATE ON hub.desks
    FOR EACH STATEMENT EXECUTE FUNCTION hub.refuse_change();

REVOKE ALL ON ALL TABLES IN SCHEMA hub FROM PUBLIC, cpis_hub_desk;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA hub FROM PUBLIC, cpis_hub_desk;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA hub FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA hub REVOKE ALL ON TABLES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA hub REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
