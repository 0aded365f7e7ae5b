-- Version 4: the safeguarding lead's review of the site's CP-IS positives, kept at the hub so
-- that every lead of a site sees the same queue, status and notes.
--
-- A lead's desk logs in as its own role, a member of cpis_hub_desk (to forward its log) and
-- of cpis_hub_lead (to review). Which site it reviews is the hub's word, not the desk's: the
-- DBA names it in hub.desk_sites when making the role (docs/hub.md). A lead reviews the
-- positives whose entry's organisation is that site.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cpis_hub_lead') THEN
        CREATE ROLE cpis_hub_lead NOLOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA hub TO cpis_hub_lead;

-- The site (ODS organisation code) each lead's desk role reviews. Filled in by the DBA.
CREATE TABLE hub.desk_sites (
    desk name PRIMARY KEY,
    site text NOT NULL CHECK (site <> '')
);

-- Every change of a positive's review, never altered: the current status is the latest row.
-- The positive is the entry (desk + seq) that recorded the look-up.
CREATE TABLE hub.reviews (
    id bigserial PRIMARY KEY,
    desk name NOT NULL,
    seq bigint NOT NULL,
    site text NOT NULL,
    status text NOT NULL CHECK (status IN ('to-review', 'referred', 'no-further-action')),
    note text NOT NULL DEFAULT '',
    reviewer text NOT NULL,                        -- the lead's name, as signed in at the desk
    reviewer_desk name NOT NULL DEFAULT session_user,
    at_time timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX reviews_entry ON hub.reviews (desk, seq, id);

CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON hub.reviews
    FOR EACH ROW EXECUTE FUNCTION hub.refuse_change();
CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON hub.reviews
    FOR EACH STATEMENT EXECUTE FUNCTION hub.refuse_change();

-- The calling lead's site; refused when the DBA has named none.
CREATE FUNCTION hub.review_site() RETURNS text
LANGUAGE plpgsql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, hub, pg_temp
AS $$
DECLARE
    v_site text;
BEGIN
    SELECT site INTO v_site FROM hub.desk_sites WHERE desk = session_user;
    IF v_site IS NULL THEN
        RAISE EXCEPTION 'no site is named for the desk % at the hub', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN v_site;
END
$$;

-- The plan types a look-up's outcome detail names ("plans:CPP,LAC"); empty for entries made
-- before the desk recorded them.
CREATE FUNCTION hub.plan_types(p_detail text) RETURNS text[]
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(string_to_array(substring(p_detail FROM 'plans:([A-Z,]+)'), ','), '{}')
$$;

-- The caller's site's positives since p_since, newest first, each with its current review.
-- p_status, p_plan: null for all; a positive never reviewed is 'to-review'.
CREATE FUNCTION hub.review_queue(p_since timestamptz, p_status text, p_plan text)
RETURNS TABLE (desk name, seq bigint, at_ms bigint, nhs_number text, user_name text, role text,
               environment text, plan_types text, status text, note text, reviewer text,
               reviewed_at timestamptz)
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, hub, pg_temp
AS $$
    SELECT e.desk, e.seq, e.at_ms, e.nhs_number, e.user_name, e.role, e.environment,
           array_to_string(hub.plan_types(e.outcome_detail), ','),
           coalesce(r.status, 'to-review'), coalesce(r.note, ''), coalesce(r.reviewer, ''),
           r.at_time
    FROM hub.entries e
    LEFT JOIN LATERAL (SELECT x.status, x.note, x.reviewer, x.at_time FROM hub.reviews x
                       WHERE x.desk = e.desk AND x.seq = e.seq
                       ORDER BY x.id DESC LIMIT 1) r ON true
    WHERE e.action = 'look-up' AND e.outcome_code = 'plans-found'
      AND e.organisation = hub.review_site()
      AND e.at_time >= p_since
      AND (p_status IS NULL OR coalesce(r.status, 'to-review') = p_status)
      AND (p_plan IS NULL OR p_plan = ANY (hub.plan_types(e.outcome_detail)))
    ORDER BY e.at_time DESC, e.desk, e.seq DESC
$$;

-- Records a lead's decision on one positive of their site. Returns when it was recorded.
CREATE FUNCTION hub.review_set(p_desk name, p_seq bigint, p_status text, p_note text,
                               p_reviewer text)
RETURNS timestamptz
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, hub, pg_temp
AS $$
DECLARE
    v_site text := hub.review_site();
    v_at timestamptz;
BEGIN
    IF coalesce(p_reviewer, '') = '' THEN
        RAISE EXCEPTION 'a review names its reviewer' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT FROM hub.entries e
                   WHERE e.desk = p_desk AND e.seq = p_seq AND e.action = 'look-up'
                     AND e.outcome_code = 'plans-found' AND e.organisation = v_site) THEN
        RAISE EXCEPTION 'entry % of % is not a positive of site %', p_seq, p_desk, v_site
            USING ERRCODE = 'no_data_found';
    END IF;
    INSERT INTO hub.reviews (desk, seq, site, status, note, reviewer)
    VALUES (p_desk, p_seq, v_site, p_status, coalesce(p_note, ''), p_reviewer)
    RETURNING at_time INTO v_at;
    RETURN v_at;
END
$$;

REVOKE ALL ON hub.desk_sites, hub.reviews FROM PUBLIC, cpis_hub_desk, cpis_hub_lead;
REVOKE ALL ON SEQUENCE hub.reviews_id_seq FROM PUBLIC, cpis_hub_desk, cpis_hub_lead;
REVOKE ALL ON FUNCTION hub.review_site() FROM PUBLIC;
REVOKE ALL ON FUNCTION hub.plan_types(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION hub.review_queue(timestamptz, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION hub.review_set(name, bigint, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.review_queue(timestamptz, text, text) TO cpis_hub_lead;
GRANT EXECUTE ON FUNCTION hub.review_set(name, bigint, text, text, text) TO cpis_hub_lead;
