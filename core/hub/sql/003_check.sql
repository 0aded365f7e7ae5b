-- Version 3: the hub's own check of a desk's chain, and the positives of look-ups.

-- Every problem with what the hub holds for one desk, recomputed now from the stored rows
-- (hashes, links, numbering) plus the forks recorded on arrival. No row: the chain is whole.
CREATE FUNCTION hub.check_desk(p_desk name)
RETURNS TABLE (kind text, seq bigint, last_seq bigint, detail text)
LANGUAGE sql STABLE
SET search_path = pg_catalog, hub, pg_temp
AS $$
    WITH ordered AS (
        SELECT e.seq, e.hash, e.prev_hash,
               hub.entry_hash(e.prev_hash, e.seq, e.at_ms,
                   ARRAY[e.user_id, e.user_name, e.role, e.organisation, e.action, e.nhs_number,
                         e.outcome, e.workstation, e.reason, e.request_id, e.environment])
                   AS computed,
               lag(e.seq) OVER w AS before_seq,
               lag(e.hash) OVER w AS before_hash
        FROM hub.entries e WHERE e.desk = p_desk
        WINDOW w AS (ORDER BY e.seq)
    )
    SELECT 'gap', coalesce(before_seq, 0) + 1, o.seq - 1,
           format('entries %s to %s are missing', coalesce(before_seq, 0) + 1, o.seq - 1)
    FROM ordered o WHERE o.seq > coalesce(before_seq, 0) + 1
    UNION ALL
    SELECT 'bad-hash', o.seq, o.seq, format('entry %s does not match its hash', o.seq)
    FROM ordered o WHERE o.computed <> o.hash
    UNION ALL
    SELECT 'broken-link', o.seq, o.seq,
           format('entry %s is not chained to entry %s', o.seq, o.seq - 1)
    FROM ordered o
    WHERE (o.seq = 1 AND o.prev_hash <> '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea)
       OR (o.before_seq = o.seq - 1 AND o.prev_hash <> o.before_hash)
    UNION ALL
    SELECT 'fork', a.seq, a.last_seq, a.detail
    FROM hub.alerts a WHERE a.desk = p_desk AND a.kind = 'fork'
    ORDER BY 2, 1
$$;

-- Look-ups that found a plan, for the safeguarding review: by site (organisation), day,
-- environment and desk.
CREATE VIEW hub.positives AS
    SELECT desk, seq, at_time, organisation, user_id, role, nhs_number, outcome_detail, environment,
           workstation, request_id
    FROM hub.entries
    WHERE action = 'look-up' AND outcome_code = 'plans-found';

REVOKE ALL ON FUNCTION hub.check_desk(name) FROM PUBLIC;
REVOKE ALL ON hub.positives FROM PUBLIC;
