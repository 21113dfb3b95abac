-- Published versions are immutable: refuse any UPDATE or DELETE at the database itself (as on SQLite).
CREATE FUNCTION flow_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'flow versions are immutable'; END;
$$;
--> statement-breakpoint
CREATE TRIGGER flow_versions_immutable_update BEFORE UPDATE OR DELETE ON flow_versions
FOR EACH ROW EXECUTE FUNCTION flow_versions_immutable();
