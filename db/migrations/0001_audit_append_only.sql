-- The audit log is append-only: rows can be inserted and read, never changed or removed, whoever
-- the database user is (triggers bind table owners too, unlike privileges). Each row carries the
-- SHA-256 digest of its content and of the previous row of its tenant, so a tampered dump shows.
CREATE FUNCTION audit_event_digest(previous bytea, e audit_events) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(coalesce(previous, ''::bytea) || convert_to(format('%s|%s|%s|%s|%s|%s|%s|%s|%s',
    e.id, e.tenant_id, e.actor_user_id, e.action, e.outcome, e.target_type, e.target_id,
    e.details::text, extract(epoch FROM e.created_at)), 'UTF8'))
$$;
--> statement-breakpoint
CREATE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Serialise writers per tenant until commit, then number the row, so ids follow chain order.
  PERFORM pg_advisory_xact_lock(hashtext('audit_events:' || coalesce(NEW.tenant_id::text, '-')));
  NEW.id := nextval(pg_get_serial_sequence('audit_events', 'id'));
  SELECT digest INTO NEW.previous_digest FROM audit_events
    WHERE tenant_id IS NOT DISTINCT FROM NEW.tenant_id ORDER BY id DESC LIMIT 1;
  NEW.digest := audit_event_digest(NEW.previous_digest, NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
