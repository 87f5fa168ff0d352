-- Perinatal Caseload on PostgreSQL: what the application role may do.
--
-- Run it as the migration role (caseload_owner, which owns the tables), in
-- the caseload database, after the first `caseload migrate` and again
-- after every upgrade that runs one. It is safe to run more than once:
--
--   psql "host=db.example.nhs.uk dbname=caseload user=caseload_owner sslmode=verify-full" \
--        -v ON_ERROR_STOP=1 -f postgresql-roles.sql
--
-- The roles themselves are made once by a superuser: see postgresql.md.
-- The desktops sign in as members of caseload_app. They may read and
-- change the caseload, but they may only add to and read the audit trail
-- (never change or remove an event, nor move its head record back), and
-- may only read which migrations have been applied. They cannot create,
-- alter or drop tables.

BEGIN;

-- Nobody but the owner creates objects in the schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO caseload_app;

-- The caseload: read, add, change and remove rows, and draw new IDs.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO caseload_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO caseload_app;

-- The audit trail: add and read, never change or remove.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM caseload_app;

-- Its head record (the newest event's place and hash): moved forward with
-- each event, never added, removed or moved back (a trigger refuses that).
REVOKE INSERT, DELETE, TRUNCATE ON audit_chain_head FROM caseload_app;

-- The schema version: read only. Upgrades are the migration role's.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migrations FROM caseload_app;

COMMIT;
