-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CHANGED', 'SCHEDULED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('ARTICLE', 'TREATMENT', 'COMPARISON');

-- CreateEnum
CREATE TYPE "RevisionAction" AS ENUM ('CREATE', 'UPDATE', 'PUBLISH', 'UNPUBLISH', 'SCHEDULE', 'UNSCHEDULE', 'RESTORE_REVISION', 'DELETE', 'RESTORE');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "scheduledAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" "DocumentStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "updatedBy" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Comparison" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "scheduledAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" "DocumentStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "updatedBy" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Treatment" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "scheduledAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" "DocumentStatus" NOT NULL DEFAULT 'DRAFT',
ADD COLUMN     "updatedBy" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "PublishedArticle" (
    "articleId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "categoryId" UUID,
    "treatmentIds" UUID[],
    "comparisonIds" UUID[],
    "publishedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "PublishedArticle_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "PublishedTreatment" (
    "treatmentId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "PublishedTreatment_pkey" PRIMARY KEY ("treatmentId")
);

-- CreateTable
CREATE TABLE "PublishedComparison" (
    "comparisonId" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "treatmentIds" UUID[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "PublishedComparison_pkey" PRIMARY KEY ("comparisonId")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" UUID NOT NULL,
    "documentType" "DocumentType" NOT NULL,
    "documentId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "action" "RevisionAction" NOT NULL,
    "author" TEXT NOT NULL,
    "summary" TEXT,
    "snapshot" JSONB NOT NULL,
    "changedFields" TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlugRedirect" (
    "documentType" "DocumentType" NOT NULL,
    "slug" TEXT NOT NULL,
    "documentId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlugRedirect_pkey" PRIMARY KEY ("documentType","slug")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublishedArticle_slug_key" ON "PublishedArticle"("slug");

-- CreateIndex
CREATE INDEX "PublishedArticle_publishedAt_articleId_idx" ON "PublishedArticle"("publishedAt" DESC, "articleId" DESC);

-- CreateIndex
CREATE INDEX "PublishedArticle_categoryId_publishedAt_articleId_idx" ON "PublishedArticle"("categoryId", "publishedAt" DESC, "articleId" DESC);

-- CreateIndex
CREATE INDEX "PublishedArticle_treatmentIds_idx" ON "PublishedArticle" USING GIN ("treatmentIds");

-- CreateIndex
CREATE INDEX "PublishedArticle_comparisonIds_idx" ON "PublishedArticle" USING GIN ("comparisonIds");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedTreatment_slug_key" ON "PublishedTreatment"("slug");

-- CreateIndex
CREATE INDEX "PublishedTreatment_createdAt_treatmentId_idx" ON "PublishedTreatment"("createdAt" DESC, "treatmentId" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "PublishedComparison_slug_key" ON "PublishedComparison"("slug");

-- CreateIndex
CREATE INDEX "PublishedComparison_createdAt_comparisonId_idx" ON "PublishedComparison"("createdAt" DESC, "comparisonId" DESC);

-- CreateIndex
CREATE INDEX "PublishedComparison_treatmentIds_idx" ON "PublishedComparison" USING GIN ("treatmentIds");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_documentType_documentId_version_key" ON "Revision"("documentType", "documentId", "version");

-- CreateIndex
CREATE INDEX "SlugRedirect_documentId_idx" ON "SlugRedirect"("documentId");

-- CreateIndex
CREATE INDEX "Article_scheduledAt_idx" ON "Article"("scheduledAt");

-- CreateIndex
CREATE INDEX "Comparison_scheduledAt_idx" ON "Comparison"("scheduledAt");

-- CreateIndex
CREATE INDEX "Treatment_scheduledAt_idx" ON "Treatment"("scheduledAt");

-- AddForeignKey
ALTER TABLE "PublishedArticle" ADD CONSTRAINT "PublishedArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedTreatment" ADD CONSTRAINT "PublishedTreatment_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedComparison" ADD CONSTRAINT "PublishedComparison_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;
