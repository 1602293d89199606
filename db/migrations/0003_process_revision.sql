ALTER TABLE "organisations" ADD COLUMN "processes_revision" bigint DEFAULT nextval('organisation_revisions') NOT NULL;--> statement-breakpoint
-- Any change to an organisation's processes gives it a new processes_revision, whatever code made
-- it: a bot process keeps each organisation's list of processes in memory and reads it again
-- only when this moved. Kept apart from `revision`, so a process saved does not make every bot
-- process read the whole organisation (units and people) again.
CREATE OR REPLACE FUNCTION probis_bump_processes_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE organisations SET processes_revision = nextval('organisation_revisions')
      WHERE id = OLD.organisation_id;
  END IF;
  IF TG_OP = 'INSERT'
     OR (TG_OP = 'UPDATE' AND NEW.organisation_id IS DISTINCT FROM OLD.organisation_id) THEN
    UPDATE organisations SET processes_revision = nextval('organisation_revisions')
      WHERE id = NEW.organisation_id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER processes_bump_processes_revision
  AFTER INSERT OR UPDATE OR DELETE ON processes
  FOR EACH ROW EXECUTE FUNCTION probis_bump_processes_revision();
