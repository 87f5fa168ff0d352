-- Scales the copied 100,000-referral demo to 1,000,000 on PostgreSQL: nine
-- more copies of each woman's rows, each with its own identifiers (offset by
-- k million), NHS numbers and form IDs, every copy closed (history), so the
-- open caseload stays a team's. Benchmark data only.
DO $$
DECLARE
  t text; k int; cols text; sel text; c record;
BEGIN
  FOREACH t IN ARRAY ARRAY['patients','referrals','conditions','medications','copy_recipients','appointments',
                           'allocations','joint_workings','tasks','contacts','measure_results'] LOOP
    cols := ''; sel := '';
    FOR c IN SELECT column_name FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = t ORDER BY ordinal_position LOOP
      cols := cols || format('%I,', c.column_name);
      IF c.column_name IN ('id','patient_id','referral_id','appointment_id','contact_id') OR c.column_name LIKE '%referral_id' THEN
        sel := sel || format('CASE WHEN %1$I IS NULL THEN NULL ELSE %1$I + $1 END,', c.column_name);
      ELSIF t = 'patients' AND c.column_name = 'nhs_number' THEN
        sel := sel || format('CASE WHEN %1$I IS NULL OR %1$I = '''' THEN %1$I ELSE lpad(($1 + id)::text, 10, ''8'') END,', c.column_name);
      ELSIF t = 'referrals' AND c.column_name = 'form_id' THEN
        sel := sel || format('CASE WHEN %1$I IS NULL OR %1$I = '''' THEN %1$I ELSE %1$I || ''-x'' || $1::text END,', c.column_name);
      ELSIF t = 'referrals' AND c.column_name = 'status' THEN
        -- the copies are the team's history: closed, or not accepted
        sel := sel || format('CASE WHEN %1$I = ''not_accepted'' THEN %1$I ELSE ''closed'' END,', c.column_name);
      ELSIF t = 'allocations' AND c.column_name = 'ended_at' THEN
        sel := sel || format('COALESCE(%1$I, allocated_at + interval ''200 days''),', c.column_name);
      ELSE
        sel := sel || format('%I,', c.column_name);
      END IF;
    END LOOP;
    cols := rtrim(cols, ','); sel := rtrim(sel, ',');
    FOR k IN 1..9 LOOP
      EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I WHERE id < 1000000', t, cols, sel, t) USING k * 1000000;
    END LOOP;
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, ''id''), (SELECT max(id) FROM %I))', t, t);
    RAISE NOTICE '% copied', t;
  END LOOP;
END $$;
ANALYZE;
