-- Version 2: recording an entry. The only thing a desk may do at the hub.

-- The desk's chain hash (core/audit/AuditLog.cpp, hashInput): SHA-256 over the previous hash,
-- seq and at_ms as 64-bit big-endian, then each field as a 32-bit big-endian length and its
-- UTF-8 bytes; the environment (the eleventh field) only when it is not empty.
CREATE FUNCTION hub.entry_hash(prev bytea, seq bigint, at_ms bigint, fields text[])
RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    buf bytea := prev || int8send(seq) || int8send(at_ms);
    n int := CASE WHEN fields[11] = '' THEN 10 ELSE 11 END;
    b bytea;
BEGIN
    FOR i IN 1..n LOOP
        b := convert_to(fields[i], 'UTF8');
        buf := buf || int4send(octet_length(b)) || b;
    END LOOP;
    RETURN sha256(buf);
END
$$;

-- The month's partition of hub.entries, made when its first entry arrives.
CREATE FUNCTION hub.ensure_month(p_at timestamptz) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, hub, pg_temp
AS $$
DECLARE
    v_first timestamptz := date_trunc('month', p_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    part text := 'entries_' || to_char(p_at AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
    IF to_regclass('hub.' || part) IS NOT NULL THEN
        RETURN;
    END IF;
    -- Two desks' first entries of a month must not both create it.
    PERFORM pg_advisory_xact_lock(hashtext('cpis-hub-month-partition'));
    IF to_regclass('hub.' || part) IS NULL THEN
        -- Made apart, then attached: ATTACH PARTITION needs only SHARE UPDATE EXCLUSIVE on
        -- hub.entries, which other desks' inserts do not block, where CREATE TABLE ... PARTITION
        -- OF needs ACCESS EXCLUSIVE and deadlocked with a batch that had already inserted and
        -- was waiting here for the same month.
        EXECUTE format('CREATE TABLE hub.%I (LIKE hub.entries INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)',
                       part);
        EXECUTE format('REVOKE ALL ON hub.%I FROM PUBLIC', part);
        EXECUTE format('ALTER TABLE hub.entries ATTACH PARTITION hub.%I FOR VALUES FROM (%L) TO (%L)',
                       part, v_first, v_first + interval '1 month');
    END IF;
END
$$;

-- Records one entry of the calling desk (its login role names it). Returns:
--   'stored'    new, kept;
--   'duplicate' the very entry already held (a re-send after a lost acknowledgement): ignored;
--   'fork'      a different entry with a number already held: the original stays, the new one
--               is kept in an alert.
-- An entry is kept even when its hash, its link or its number is wrong: the alert says so.
CREATE FUNCTION hub.record_entry(
    p_seq bigint, p_at_ms bigint,
    p_user_id text, p_user_name text, p_role text, p_organisation text,
    p_action text, p_nhs_number text, p_outcome text, p_workstation text,
    p_reason text, p_request_id text, p_environment text,
    p_prev_hash bytea, p_hash bytea, p_mac bytea)
RETURNS text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, hub, pg_temp
AS $$
DECLARE
    v_desk name := session_user;
    v_head_seq bigint;
    v_held bytea;
    v_pred bytea;
    v_computed bytea;
    v_link boolean;
    v_at timestamptz := to_timestamp(p_at_ms / 1000.0);
BEGIN
    IF p_seq IS NULL OR p_seq < 1 OR p_at_ms IS NULL OR p_hash IS NULL OR p_prev_hash IS NULL
       OR p_mac IS NULL THEN
        RAISE EXCEPTION 'an audit entry needs a number from 1, a time, its hashes and its MAC'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO hub.desks (desk) VALUES (v_desk) ON CONFLICT (desk) DO NOTHING;
    SELECT head_seq INTO v_head_seq FROM hub.desks WHERE desk = v_desk FOR UPDATE;

    v_computed := hub.entry_hash(p_prev_hash, p_seq, p_at_ms,
        ARRAY[p_user_id, p_user_name, p_role, p_organisation, p_action, p_nhs_number, p_outcome,
              p_workstation, p_reason, p_request_id, coalesce(p_environment, '')]);

    SELECT hash INTO v_held FROM hub.entries WHERE desk = v_desk AND seq = p_seq;
    IF FOUND THEN
        IF v_held = p_hash AND v_computed = p_hash THEN
            RETURN 'duplicate';
        END IF;
        IF NOT EXISTS (SELECT FROM hub.alerts WHERE desk = v_desk AND seq = p_seq AND kind = 'fork'
                       AND entry ->> 'hash' = encode(p_hash, 'hex')) THEN
            INSERT INTO hub.alerts (desk, kind, seq, last_seq, detail, entry)
            VALUES (v_desk, 'fork', p_seq, p_seq,
                    format('entry %s arrived again, different from the one held: the desk''s log '
                           'was rewritten', p_seq),
                    jsonb_build_object(
                        'seq', p_seq, 'at_ms', p_at_ms, 'user_id', p_user_id,
                        'user_name', p_user_name, 'role', p_role, 'organisation', p_organisation,
                        'action', p_action, 'nhs_number', p_nhs_number, 'outcome', p_outcome,
                        'workstation', p_workstation, 'reason', p_reason,
                        'request_id', p_request_id, 'environment', p_environment,
                        'prev_hash', encode(p_prev_hash, 'hex'), 'hash', encode(p_hash, 'hex'),
                        'mac', encode(p_mac, 'hex'), 'hash_ok', v_computed = p_hash));
        END IF;
        RETURN 'fork';
    END IF;

    IF p_seq = 1 THEN
        v_link := p_prev_hash = '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    ELSE
        SELECT hash INTO v_pred FROM hub.entries WHERE desk = v_desk AND seq = p_seq - 1;
        v_link := CASE WHEN FOUND THEN v_pred = p_prev_hash ELSE NULL END;
    END IF;
    IF v_link IS FALSE THEN
        INSERT INTO hub.alerts (desk, kind, seq, last_seq, detail)
        VALUES (v_desk, 'broken-link', p_seq, p_seq,
                format('entry %s is not chained to the entry %s held', p_seq, p_seq - 1));
    END IF;
    IF v_computed <> p_hash THEN
        INSERT INTO hub.alerts (desk, kind, seq, last_seq, detail)
        VALUES (v_desk, 'bad-hash', p_seq, p_seq,
                format('entry %s does not match its own hash', p_seq));
    END IF;
    IF p_seq > v_head_seq + 1 THEN
        INSERT INTO hub.alerts (desk, kind, seq, last_seq, detail)
        VALUES (v_desk, 'gap', v_head_seq + 1, p_seq - 1,
                format('entries %s to %s had not arrived when %s did', v_head_seq + 1, p_seq - 1,
                       p_seq));
    END IF;

    PERFORM hub.ensure_month(v_at);
    INSERT INTO hub.entries (desk, seq, at_time, at_ms, user_id, user_name, role, organisation, action,
                             nhs_number, outcome, workstation, reason, request_id, environment,
                             prev_hash, hash, mac, hash_ok, link_ok)
    VALUES (v_desk, p_seq, v_at, p_at_ms, p_user_id, p_user_name, p_role, p_organisation,
            p_action, p_nhs_number, p_outcome, p_workstation, p_reason, p_request_id,
            coalesce(p_environment, ''), p_prev_hash, p_hash, p_mac, v_computed = p_hash, v_link);
    IF p_seq > v_head_seq THEN
        UPDATE hub.desks SET head_seq = p_seq, head_hash = p_hash, last_received = now()
        WHERE desk = v_desk;
    ELSE
        UPDATE hub.desks SET last_received = now() WHERE desk = v_desk;
    END IF;
    RETURN 'stored';
END
$$;

REVOKE ALL ON FUNCTION hub.entry_hash(bytea, bigint, bigint, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION hub.ensure_month(timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION hub.record_entry(bigint, bigint, text, text, text, text, text, text, text,
                                        text, text, text, text, bytea, bytea, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.record_entry(bigint, bigint, text, text, text, text, text, text,
                                           text, text, text, text, text, bytea, bytea, bytea)
    TO cpis_hub_desk;
