-- Version 5: recording a batch of entries in one call. One call per entry cost a desk a
-- round trip, a statement and a desk-row update per entry; the hub now takes a desk's batch
-- whole, in one statement (one transaction, one round trip), and checks every entry in it
-- exactly as hub.record_entry did: its hash recomputed from its fields, its link to the entry
-- held before it, its number against the desk's head, a re-send or a fork recognised.
-- hub.record_entry stays, for desks that still send one entry at a time, as a batch of one.

-- Records the calling desk's entries (its login role names it), in the order given, with
-- strictly increasing numbers. Entry i is chained to p_prev_hash when i = 1, else to the hash
-- of entry i - 1 of the batch (a desk sends runs of its log as stored). Returns one answer per
-- entry, in order, as hub.record_entry does: 'stored', 'duplicate' or 'fork'. An entry is kept
-- even when its hash, its link or its number is wrong: an alert says so.
CREATE FUNCTION hub.record_entries(
    p_prev_hash bytea, p_seq bigint[], p_at_ms bigint[],
    p_user_id text[], p_user_name text[], p_role text[], p_organisation text[],
    p_action text[], p_nhs_number text[], p_outcome text[], p_workstation text[],
    p_reason text[], p_request_id text[], p_environment text[],
    p_hash bytea[], p_mac bytea[])
RETURNS text[]
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, hub, pg_temp
AS $$
DECLARE
    v_desk name := session_user;
    v_n int := coalesce(array_length(p_seq, 1), 0);
    v_head_seq bigint;
    v_head_hash bytea;
    v_stored int := 0;
    -- By position in the batch, from 1 (made full size: assigning into an empty array would
    -- start it at the first position assigned).
    v_answers text[] := array_fill(NULL::text, ARRAY[v_n]);
    v_store boolean[] := array_fill(false, ARRAY[v_n]);   -- the entry is new and goes in
    v_hash_ok boolean[] := array_fill(NULL::boolean, ARRAY[v_n]);
    v_link_ok boolean[] := array_fill(NULL::boolean, ARRAY[v_n]);
    v_last_seq bigint;  -- the batch's previous entry
    v_last_held bytea;  -- the hash the hub holds for it now
    v_pred bytea;
    v_link boolean;
    r record;
BEGIN
    IF p_prev_hash IS NULL OR v_n < 1 OR v_n > 5000 THEN
        RAISE EXCEPTION 'a batch needs the hash before its first entry and 1 to 5000 entries'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF EXISTS (SELECT FROM unnest(ARRAY[
                   array_lower(p_seq, 1), array_lower(p_at_ms, 1), array_lower(p_user_id, 1),
                   array_lower(p_user_name, 1), array_lower(p_role, 1),
                   array_lower(p_organisation, 1), array_lower(p_action, 1),
                   array_lower(p_nhs_number, 1), array_lower(p_outcome, 1),
                   array_lower(p_workstation, 1), array_lower(p_reason, 1),
                   array_lower(p_request_id, 1), array_lower(p_environment, 1),
                   array_lower(p_hash, 1), array_lower(p_mac, 1)]) AS l
               WHERE l IS DISTINCT FROM 1)
       OR array_ndims(p_seq) <> 1
       OR v_n IS DISTINCT FROM array_length(p_at_ms, 1)
       OR v_n IS DISTINCT FROM array_length(p_user_id, 1)
       OR v_n IS DISTINCT FROM array_length(p_user_name, 1)
       OR v_n IS DISTINCT FROM array_length(p_role, 1)
       OR v_n IS DISTINCT FROM array_length(p_organisation, 1)
       OR v_n IS DISTINCT FROM array_length(p_action, 1)
       OR v_n IS DISTINCT FROM array_length(p_nhs_number, 1)
       OR v_n IS DISTINCT FROM array_length(p_outcome, 1)
       OR v_n IS DISTINCT FROM array_length(p_workstation, 1)
       OR v_n IS DISTINCT FROM array_length(p_reason, 1)
       OR v_n IS DISTINCT FROM array_length(p_request_id, 1)
       OR v_n IS DISTINCT FROM array_length(p_environment, 1)
       OR v_n IS DISTINCT FROM array_length(p_hash, 1)
       OR v_n IS DISTINCT FROM array_length(p_mac, 1) THEN
        RAISE EXCEPTION 'the columns of a batch must all hold one value per entry'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF array_position(p_seq, NULL) IS NOT NULL OR array_position(p_at_ms, NULL) IS NOT NULL
       OR array_position(p_hash, NULL) IS NOT NULL OR array_position(p_mac, NULL) IS NOT NULL
       OR array_position(p_user_id, NULL) IS NOT NULL
       OR array_position(p_user_name, NULL) IS NOT NULL
       OR array_position(p_role, NULL) IS NOT NULL
       OR array_position(p_organisation, NULL) IS NOT NULL
       OR array_position(p_action, NULL) IS NOT NULL
       OR array_position(p_nhs_number, NULL) IS NOT NULL
       OR array_position(p_outcome, NULL) IS NOT NULL
       OR array_position(p_workstation, NULL) IS NOT NULL
       OR array_position(p_reason, NULL) IS NOT NULL
       OR array_position(p_request_id, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'an audit entry needs a number, a time, its fields, its hash and its MAC'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_seq[1] < 1 OR EXISTS (SELECT FROM generate_subscripts(p_seq, 1) AS i
                               WHERE i > 1 AND p_seq[i] <= p_seq[i - 1]) THEN
        RAISE EXCEPTION 'the entries of a batch need increasing numbers from 1'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    -- One desk's entries are recorded one batch at a time.
    INSERT INTO hub.desks (desk) VALUES (v_desk) ON CONFLICT (desk) DO NOTHING;
    SELECT head_seq, head_hash INTO v_head_seq, v_head_hash
    FROM hub.desks WHERE desk = v_desk FOR UPDATE;

    -- Every month the batch's entries fall in has its partition before any row goes in.
    PERFORM hub.ensure_month(min(to_timestamp(a / 1000.0)))
    FROM unnest(p_at_ms) AS a
    GROUP BY date_trunc('month', to_timestamp(a / 1000.0) AT TIME ZONE 'UTC');

    -- The arrays are read in one pass (unnest), never by subscript: a subscript into an array
    -- of text walks it from the start, which made a batch cost the square of its length.
    FOR r IN
        SELECT b.*, held.hash AS held,
               hub.entry_hash(b.prev, b.seq, b.at_ms,
                   ARRAY[b.user_id, b.user_name, b.role, b.organisation, b.action, b.nhs_number,
                         b.outcome, b.workstation, b.reason, b.request_id,
                         coalesce(b.environment, '')]) AS computed
        FROM (SELECT u.*, coalesce(lag(u.hash) OVER (ORDER BY u.i), p_prev_hash) AS prev
              FROM unnest(p_seq, p_at_ms, p_user_id, p_user_name, p_role, p_organisation,
                          p_action, p_nhs_number, p_outcome, p_workstation, p_reason,
                          p_request_id, p_environment, p_hash, p_mac)
                   WITH ORDINALITY AS u(seq, at_ms, user_id, user_name, role, organisation,
                                        action, nhs_number, outcome, workstation, reason,
                                        request_id, environment, hash, mac, i)) AS b
        -- Bounded by the batch's numbers, so that the desk's own history is never read whole.
        LEFT JOIN hub.entries AS held
            ON held.desk = v_desk AND held.seq = b.seq
               AND held.seq BETWEEN p_seq[1] AND p_seq[v_n]
        ORDER BY b.i
    LOOP
        IF r.held IS NOT NULL THEN
            v_store[r.i] := false;
            IF r.held = r.hash AND r.computed = r.hash THEN
                v_answers[r.i] := 'duplicate';
            ELSE
                v_answers[r.i] := 'fork';
                IF NOT EXISTS (SELECT FROM hub.alerts WHERE desk = v_desk AND seq = r.seq
                               AND kind = 'fork'
                               AND entry ->> 'hash' = encode(r.hash, 'hex')) THEN
                    INSERT INTO hub.alerts (desk, kind, seq, last_seq, detail, entry)
                    VALUES (v_desk, 'fork', r.seq, r.seq,
                            format('entry %s arrived again, different from the one held: the '
                                   'desk''s log was rewritten', r.seq),
                            jsonb_build_object(
                                'seq', r.seq, 'at_ms', r.at_ms, 'user_id', r.user_id,
                                'user_name', r.user_name, 'role', r.role,
                                'organisation', r.organisation, 'action', r.action,
                                'nhs_number', r.nhs_number, 'outcome', r.outcome,
                                'workstation', r.workstation, 'reason', r.reason,
                                'request_id', r.request_id, 'environment', r.environment,
                                'prev_hash', encode(r.prev, 'hex'),
                                'hash', encode(r.hash, 'hex'), 'mac', encode(r.mac, 'hex'),
                                'hash_ok', r.computed = r.hash));
                END IF;
            END IF;
            v_last_seq := r.seq;
            v_last_held := r.held;
            CONTINUE;
        END IF;

        -- The link to the entry held before it: the batch's previous entry as the hub now
        -- holds it, or one stored earlier.
        IF r.seq = 1 THEN
            v_link := r.prev = '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
        ELSE
            IF v_last_seq = r.seq - 1 THEN
                v_pred := v_last_held;
            ELSE
                SELECT hash INTO v_pred FROM hub.entries WHERE desk = v_desk AND seq = r.seq - 1;
                IF NOT FOUND THEN
                    v_pred := NULL;
                END IF;
            END IF;
            v_link := CASE WHEN v_pred IS NULL THEN NULL ELSE v_pred = r.prev END;
        END IF;
        v_link_ok[r.i] := v_link;
        IF v_link IS FALSE THEN
            INSERT INTO hub.alerts (desk, kind, seq, last_seq, detail)
            VALUES (v_desk, 'broken-link', r.seq, r.seq,
                    format('entry %s is not chained to the entry %s held', r.seq, r.seq - 1));
        END IF;
        IF r.computed <> r.hash THEN
            INSERT INTO hub.alerts (desk, kind, seq, last_seq, detail)
            VALUES (v_desk, 'bad-hash', r.seq, r.seq,
                    format('entry %s does not match its own hash', r.seq));
        END IF;
        IF r.seq > v_head_seq + 1 THEN
            INSERT INTO hub.alerts (desk, kind, seq, last_seq, detail)
            VALUES (v_desk, 'gap', v_head_seq + 1, r.seq - 1,
                    format('entries %s to %s had not arrived when %s did', v_head_seq + 1,
                           r.seq - 1, r.seq));
        END IF;
        IF r.seq > v_head_seq THEN
            v_head_seq := r.seq;
            v_head_hash := r.hash;
        END IF;
        v_store[r.i] := true;
        v_hash_ok[r.i] := r.computed = r.hash;
        v_answers[r.i] := 'stored';
        v_stored := v_stored + 1;
        v_last_seq := r.seq;
        v_last_held := r.hash;
    END LOOP;

    IF v_stored > 0 THEN
        INSERT INTO hub.entries (desk, seq, at_time, at_ms, user_id, user_name, role,
                                 organisation, action, nhs_number, outcome, workstation, reason,
                                 request_id, environment, prev_hash, hash, mac, hash_ok, link_ok)
        SELECT v_desk, b.seq, to_timestamp(b.at_ms / 1000.0), b.at_ms, b.user_id, b.user_name,
               b.role, b.organisation, b.action, b.nhs_number, b.outcome, b.workstation,
               b.reason, b.request_id, coalesce(b.environment, ''), b.prev, b.hash, b.mac,
               b.hash_ok, b.link_ok
        FROM (SELECT u.*, coalesce(lag(u.hash) OVER (ORDER BY u.i), p_prev_hash) AS prev
              FROM unnest(p_seq, p_at_ms, p_user_id, p_user_name, p_role, p_organisation,
                          p_action, p_nhs_number, p_outcome, p_workstation, p_reason,
                          p_request_id, p_environment, p_hash, p_mac, v_store, v_hash_ok,
                          v_link_ok)
                   WITH ORDINALITY AS u(seq, at_ms, user_id, user_name, role, organisation,
                                        action, nhs_number, outcome, workstation, reason,
                                        request_id, environment, hash, mac, store, hash_ok,
                                        link_ok, i)) AS b
        WHERE b.store
        ORDER BY b.i;
        UPDATE hub.desks SET head_seq = v_head_seq, head_hash = v_head_hash,
                             last_received = now()
        WHERE desk = v_desk;
    END IF;
    RETURN v_answers;
END
$$;

-- The one-entry call, kept for desks that still make it: a batch of one, checked the same way.
CREATE OR REPLACE FUNCTION hub.record_entry(
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
BEGIN
    IF p_seq IS NULL OR p_seq < 1 OR p_at_ms IS NULL OR p_hash IS NULL OR p_prev_hash IS NULL
       OR p_mac IS NULL THEN
        RAISE EXCEPTION 'an audit entry needs a number from 1, a time, its hashes and its MAC'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN (hub.record_entries(p_prev_hash, ARRAY[p_seq], ARRAY[p_at_ms], ARRAY[p_user_id],
                               ARRAY[p_user_name], ARRAY[p_role], ARRAY[p_organisation],
                               ARRAY[p_action], ARRAY[p_nhs_number], ARRAY[p_outcome],
                               ARRAY[p_workstation], ARRAY[p_reason], ARRAY[p_request_id],
                               ARRAY[p_environment], ARRAY[p_hash], ARRAY[p_mac]))[1];
END
$$;

REVOKE ALL ON FUNCTION hub.record_entries(bytea, bigint[], bigint[], text[], text[], text[],
                                          text[], text[], text[], text[], text[], text[], text[],
                                          text[], bytea[], bytea[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.record_entries(bytea, bigint[], bigint[], text[], text[], text[],
                                             text[], text[], text[], text[], text[], text[],
                                             text[], text[], bytea[], bytea[])
    TO cpis_hub_desk;
