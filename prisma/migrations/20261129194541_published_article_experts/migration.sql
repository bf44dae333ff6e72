-- AlterTable
ALTER TABLE "PublishedArticle" ADD COLUMN     "expertIds" UUID[];

-- CreateIndex
CREATE INDEX "PublishedArticle_expertIds_idx" ON "PublishedArticle" USING GIN ("expertIds");
