-- Vigil on PostgreSQL: the application's role may append to the record but never change or delete it
-- (README, "Production: PostgreSQL").
--
-- Two roles: an owner of Vigil's tables (here vigil_owner), which starts Vigil once after each install or upgrade
-- so that Vigil creates or updates its tables, and the role Vigil runs as every day (here vigil_app), which owns
-- nothing. Run this script as the owner or a superuser after each such start, with your roles' names:
--
--   psql -d vigil -U vigil_owner -f postgres-append-only-record.sql
--
-- The read models, the processors' tokens, sagas and snapshots are updated and deleted as Vigil works; the events,
-- their hashes and the start of the chain of hashes are only ever inserted.

GRANT USAGE ON SCHEMA public TO vigil_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO vigil_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO vigil_app;
REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry, event_hash, record_chain_start FROM vigil_app;
