CREATE TABLE "knowledge_embeddings" (
	"model" text NOT NULL,
	"content_hash" text NOT NULL,
	"dimensions" integer NOT NULL,
	"vector" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "knowledge_embeddings_model_content_hash_pk" PRIMARY KEY("model","content_hash")
);
