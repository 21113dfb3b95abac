-- Published versions are immutable: refuse any UPDATE or DELETE at the database itself.
CREATE TRIGGER `flow_versions_immutable_update` BEFORE UPDATE ON `flow_versions`
BEGIN SELECT RAISE(ABORT, 'flow versions are immutable'); END;
--> statement-breakpoint
CREATE TRIGGER `flow_versions_immutable_delete` BEFORE DELETE ON `flow_versions`
BEGIN SELECT RAISE(ABORT, 'flow versions are immutable'); END;
