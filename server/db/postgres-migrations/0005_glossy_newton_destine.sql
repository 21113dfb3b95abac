CREATE TABLE "meta_flows" (
	"flow_id" text NOT NULL,
	"version" integer NOT NULL,
	"waba_id" text NOT NULL,
	"node_id" text NOT NULL,
	"meta_flow_id" text NOT NULL,
	"form_hash" text NOT NULL,
	"status" text NOT NULL,
	"validation_errors" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "meta_flows_flow_id_version_waba_id_node_id_pk" PRIMARY KEY("flow_id","version","waba_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "whatsapp_templates" (
	"waba_id" text NOT NULL,
	"name" text NOT NULL,
	"language" text NOT NULL,
	"template_id" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"components" text NOT NULL,
	"fetched_at" bigint NOT NULL,
	CONSTRAINT "whatsapp_templates_waba_id_name_language_pk" PRIMARY KEY("waba_id","name","language")
);
--> statement-breakpoint
ALTER TABLE "meta_flows" ADD CONSTRAINT "meta_flows_flow_id_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."flows"("id") ON DELETE no action ON UPDATE no action;