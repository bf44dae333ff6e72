-- A published article always has a date now: publishing dates an undated draft. Articles
-- published undated before this take the time of their publish, in the published version and
-- in the draft (so the draft does not look changed).
UPDATE "PublishedArticle"
   SET "publishedAt" = "updatedAt",
       snapshot = jsonb_set(snapshot::jsonb, '{publishedAt}', to_jsonb(to_char("updatedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
 WHERE "publishedAt" IS NULL;

UPDATE "Article" a
   SET "publishedAt" = p."publishedAt"
  FROM "PublishedArticle" p
 WHERE p."articleId" = a.id AND a."publishedAt" IS NULL;

-- AlterTable
ALTER TABLE "PublishedArticle" ALTER COLUMN "publishedAt" SET NOT NULL;

-- CreateIndex
CREATE INDEX "PublishedArticle_updatedAt_articleId_idx" ON "PublishedArticle"("updatedAt" DESC, "articleId" DESC);

-- CreateIndex
CREATE INDEX "PublishedArticle_title_articleId_idx" ON "PublishedArticle"("title", "articleId");
