ALTER TABLE "flow_nodes" ADD COLUMN "outputs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "flow_nodes" ADD COLUMN "co_performers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "flow_nodes" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "flow_nodes" ADD COLUMN "placeholder" boolean DEFAULT false NOT NULL;