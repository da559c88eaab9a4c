-- Audit events are append-only: the database itself refuses to change or remove them, so a bug
-- or a compromised application account cannot quietly rewrite history. Hand-written: the schema
-- engine does not model triggers, so later diffs leave these alone.
-- The function body is an E-string with \073 for the semicolon because the offline migrator (driver
-- adapter) splits scripts on semicolons (`prisma migrate deploy` runs it unchanged).
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN RAISE EXCEPTION ''audit_events is append-only: % is not allowed'', TG_OP USING ERRCODE = ''insufficient_privilege''\073 END\073';

CREATE TRIGGER audit_events_no_update_delete
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
