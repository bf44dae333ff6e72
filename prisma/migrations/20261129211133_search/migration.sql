-- CreateTable
CREATE TABLE "SearchDocument" (
    "documentType" "DocumentType" NOT NULL,
    "documentId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "vector" tsvector NOT NULL,
    "rankVector" tsvector NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL,
    "textVersion" INTEGER NOT NULL,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("documentType","documentId")
);

-- CreateIndex
CREATE INDEX "SearchDocument_vector_idx" ON "SearchDocument" USING GIN ("vector");

-- Column storage, which schema.prisma cannot express (so the schema engine's diff neither sees
-- nor undoes it). The ranking vector stays in the row (compressed there only if it must be), so
-- ranking every match reads no TOAST. The texts and the full vector, read only for a page's
-- snippets and to recheck phrase matches, are moved out of the row first.
-- (No semicolon in these comments: the pg driver adapter splits scripts at every one.)
ALTER TABLE "SearchDocument" ALTER COLUMN "rankVector" SET STORAGE MAIN;
