-- A step's output was one text with several outputs joined by commas: keep them as a list.
UPDATE "flow_nodes"
SET "outputs" = ARRAY(
  SELECT btrim(part) FROM unnest(string_to_array("output", ',')) AS part WHERE btrim(part) <> ''
)
WHERE "output" IS NOT NULL;--> statement-breakpoint
UPDATE "flow_nodes" SET "outcome" = 'selesai' WHERE "kind" = 'end' AND "outcome" IS NULL;
