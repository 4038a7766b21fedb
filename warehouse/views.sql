-- Analyst views over the warehouse tables (created by warehouse/load.py on every load).
-- Statements are separated by ";" at the end of a line. Views use only schema tables.

CREATE OR REPLACE VIEW v_event_participants AS
SELECT e.event_id, e.date_start, e.date_end, e.event_type, e.location, e.location_country,
       p.participant_id, p.canonical_name AS person, ep.title, coalesce(ep.country, p.country) AS country,
       ep.mention, e.countries, e.report_id, e.text
FROM events e
JOIN event_participants ep USING (event_id)
JOIN participants p USING (participant_id);

COMMENT ON VIEW v_event_participants IS 'One row per person at an event: event, canonical name, title given at the event, country acted for.';

CREATE OR REPLACE VIEW v_meetings_between AS
SELECT a.person AS person_a, b.person AS person_b, a.country AS country_a, b.country AS country_b,
       count(DISTINCT a.event_id) AS n_events, min(a.date_start) AS first_met, max(a.date_start) AS last_met
FROM v_event_participants a
JOIN v_event_participants b ON a.event_id = b.event_id AND a.participant_id < b.participant_id
WHERE a.event_type IN ('meeting', 'phone_call', 'visit')
GROUP BY ALL;

COMMENT ON VIEW v_meetings_between IS 'Pairs of people who met (meeting, phone_call or visit events), counted, with first and last date.';

CREATE OR REPLACE VIEW v_events_per_month_by_type AS
SELECT date_trunc('month', date_start)::DATE AS month, event_type, count(*) AS n_events
FROM events
GROUP BY ALL;

COMMENT ON VIEW v_events_per_month_by_type IS 'Number of distinct events per calendar month of date_start and event type.';

CREATE OR REPLACE VIEW v_metric_series AS
SELECT coalesce(try_strptime(period, '%Y-%m'), try_strptime(period, '%Y'))::DATE AS period_start,
       period, measure, subject, population, source, value, unit, metric_id, report_id, text
FROM metrics
WHERE unit IN ('percent', 'percentage_points')
  AND (measure ILIKE '%approv%' OR measure ILIKE '%poll%' OR measure ILIKE '%rating%'
       OR measure ILIKE '%support%' OR measure ILIKE '%favo%' OR population IS NOT NULL AND population <> '');

COMMENT ON VIEW v_metric_series IS 'Approval, poll and survey percentages with the period they describe, for time series.';

CREATE OR REPLACE VIEW v_event_country_pairs AS
SELECT a.country AS country_a, b.country AS country_b, count(DISTINCT e.event_id) AS n_events
FROM events e, unnest(e.countries) AS a(country), unnest(e.countries) AS b(country)
WHERE a.country < b.country
GROUP BY ALL;

COMMENT ON VIEW v_event_country_pairs IS 'Pairs of states acting together in events, counted.';

CREATE OR REPLACE VIEW v_report_files AS
SELECT f.file_name, f.format, f.status, f.error, f.first_seen, f.run_id, r.report_id, r.title, r.kind,
       r.period_start, r.period_end, r.n_events, r.n_metrics
FROM files f LEFT JOIN reports r USING (report_id);

COMMENT ON VIEW v_report_files IS 'Every file seen with its status and, unless quarantined, the report it renders.';
