-- Version 6: training and live apart in the review. Every entry carries its desk profile's
-- environment (training, int, live...), covered by its hash. The DBA names beside each lead's
-- site the environment whose positives it reviews; a lead then neither sees nor changes a
-- positive of another environment (a test profile's look-ups of invented children never join
-- the live queue). A lead's desk with none named reviews every environment, as before this step.

ALTER TABLE hub.desk_sites ADD COLUMN environment text CHECK (environment <> '');

-- The calling lead's environment; null: every environment.
CREATE FUNCTION hub.review_environment() RETURNS text
LANGUAGE sql STABLE
SECURITY DEFINER
SET search_path = pg_catalog, hub, pg_temp
AS $$
    SELECT environment FROM hub.desk_sites WHERE desk = session_user
$$;

CREATE OR REPLACE FUNCTION hub.review_queue(p_since timestamptz, p_status text, p_plan text)
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
    CROSS JOIN (SELECT hub.review_environment() AS only) AS env
    WHERE e.action = 'look-up' AND e.outcome_code = 'plans-found'
      AND e.organisation = hub.review_site()
      AND (env.only IS NULL OR e.environment = env.only)
      AND e.at_time >= p_since
      AND (p_status IS NULL OR coalesce(r.status, 'to-review') = p_status)
      AND (p_plan IS NULL OR p_plan = ANY (hub.plan_types(e.outcome_detail)))
    ORDER BY e.at_time DESC, e.desk, e.seq DESC
$$;

CREATE OR REPLACE FUNCTION hub.review_set(p_desk name, p_seq bigint, p_status text, p_note text,
                                          p_reviewer text)
RETURNS timestamptz
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, hub, pg_temp
AS $$
DECLARE
    v_site text := hub.review_site();
    v_env text := hub.review_environment();
    v_at timestamptz;
BEGIN
    IF coalesce(p_reviewer, '') = '' THEN
        RAISE EXCEPTION 'a review names its reviewer' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT EXISTS (SELECT FROM hub.entries e
                   WHERE e.desk = p_desk AND e.seq = p_seq AND e.action = 'look-up'
                     AND e.outcome_code = 'plans-found' AND e.organisation = v_site
                     AND (v_env IS NULL OR e.environment = v_env)) THEN
        RAISE EXCEPTION 'entry % of % is not a positive of site % in this environment', p_seq,
            p_desk, v_site
            USING ERRCODE = 'no_data_found';
    END IF;
    INSERT INTO hub.reviews (desk, seq, site, status, note, reviewer)
    VALUES (p_desk, p_seq, v_site, p_status, coalesce(p_note, ''), p_reviewer)
    RETURNING at_time INTO v_at;
    RETURN v_at;
END
$$;

REVOKE ALL ON FUNCTION hub.review_environment() FROM PUBLIC;
REVOKE ALL ON hub.desk_sites FROM PUBLIC, cpis_hub_desk, cpis_hub_lead;
