CREATE SEQUENCE "public"."organisation_revisions" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "revision" bigint DEFAULT nextval('organisation_revisions') NOT NULL;--> statement-breakpoint
-- Any change to an organisation's units or people gives it a new revision, whatever code made
-- it: a bot process keeps the organisation in memory and reads it again only when the revision
-- moved. Values come from a sequence, never handed out twice (not even after a rollback).
CREATE OR REPLACE FUNCTION probis_bump_organisation_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE organisations SET revision = nextval('organisation_revisions')
      WHERE id = OLD.organisation_id;
  END IF;
  IF TG_OP = 'INSERT'
     OR (TG_OP = 'UPDATE' AND NEW.organisation_id IS DISTINCT FROM OLD.organisation_id) THEN
    UPDATE organisations SET revision = nextval('organisation_revisions')
      WHERE id = NEW.organisation_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER units_bump_organisation_revision
  AFTER INSERT OR UPDATE OR DELETE ON units
  FOR EACH ROW EXECUTE FUNCTION probis_bump_organisation_revision();
--> statement-breakpoint
CREATE TRIGGER people_bump_organisation_revision
  AFTER INSERT OR UPDATE OR DELETE ON people
  FOR EACH ROW EXECUTE FUNCTION probis_bump_organisation_revision();
--> statement-breakpoint
-- The organisation's own fields: its name and code prefix.
CREATE OR REPLACE FUNCTION probis_organisation_revision_on_edit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name OR NEW.code_prefix IS DISTINCT FROM OLD.code_prefix THEN
    NEW.revision := nextval('organisation_revisions');
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_revision_on_edit
  BEFORE UPDATE ON organisations
  FOR EACH ROW EXECUTE FUNCTION probis_organisation_revision_on_edit();
