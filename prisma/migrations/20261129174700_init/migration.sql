-- CreateEnum
CREATE TYPE "ExpertRole" AS ENUM ('AUTHOR', 'QUOTED', 'REVIEWER');

-- CreateEnum
CREATE TYPE "RelatedLinkKind" AS ENUM ('RELATED_ARTICLE', 'TRENDING_TOPIC', 'EXTERNAL_REFERENCE');

-- CreateTable
CREATE TABLE "Category" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "credentials" TEXT,
    "jobTitle" TEXT,
    "bio" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Image" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "alt" TEXT NOT NULL,
    "credit" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "dek" TEXT,
    "summary" TEXT,
    "categoryId" UUID,
    "heroImageId" UUID,
    "body" JSONB NOT NULL DEFAULT '[]',
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleExpert" (
    "articleId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "ExpertRole" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ArticleExpert_pkey" PRIMARY KEY ("articleId","personId","role")
);

-- CreateTable
CREATE TABLE "Treatment" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT,
    "description" JSONB NOT NULL DEFAULT '[]',
    "otherNames" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Treatment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleTreatment" (
    "articleId" UUID NOT NULL,
    "treatmentId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ArticleTreatment_pkey" PRIMARY KEY ("articleId","treatmentId")
);

-- CreateTable
CREATE TABLE "Comparison" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT,
    "verdict" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Comparison_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComparisonTreatment" (
    "comparisonId" UUID NOT NULL,
    "treatmentId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ComparisonTreatment_pkey" PRIMARY KEY ("comparisonId","treatmentId")
);

-- CreateTable
CREATE TABLE "ComparisonRow" (
    "id" UUID NOT NULL,
    "comparisonId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "aspect" TEXT NOT NULL,

    CONSTRAINT "ComparisonRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComparisonCell" (
    "rowId" UUID NOT NULL,
    "comparisonId" UUID NOT NULL,
    "treatmentId" UUID NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ComparisonCell_pkey" PRIMARY KEY ("rowId","treatmentId")
);

-- CreateTable
CREATE TABLE "ArticleComparison" (
    "articleId" UUID NOT NULL,
    "comparisonId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ArticleComparison_pkey" PRIMARY KEY ("articleId","comparisonId")
);

-- CreateTable
CREATE TABLE "RelatedLink" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "RelatedLinkKind" NOT NULL,
    "label" TEXT,
    "targetArticleId" UUID,
    "url" TEXT,

    CONSTRAINT "RelatedLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Category_slug_key" ON "Category"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Category_name_key" ON "Category"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_slug_key" ON "Person"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Article_categoryId_publishedAt_id_idx" ON "Article"("categoryId", "publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "ArticleExpert_personId_idx" ON "ArticleExpert"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Treatment_slug_key" ON "Treatment"("slug");

-- CreateIndex
CREATE INDEX "Treatment_createdAt_id_idx" ON "Treatment"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "ArticleTreatment_treatmentId_idx" ON "ArticleTreatment"("treatmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Comparison_slug_key" ON "Comparison"("slug");

-- CreateIndex
CREATE INDEX "Comparison_createdAt_id_idx" ON "Comparison"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "ComparisonTreatment_treatmentId_idx" ON "ComparisonTreatment"("treatmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonRow_comparisonId_position_key" ON "ComparisonRow"("comparisonId", "position");

-- CreateIndex
CREATE INDEX "ComparisonCell_comparisonId_treatmentId_idx" ON "ComparisonCell"("comparisonId", "treatmentId");

-- CreateIndex
CREATE INDEX "ArticleComparison_comparisonId_idx" ON "ArticleComparison"("comparisonId");

-- CreateIndex
CREATE INDEX "RelatedLink_targetArticleId_idx" ON "RelatedLink"("targetArticleId");

-- CreateIndex
CREATE UNIQUE INDEX "RelatedLink_articleId_position_key" ON "RelatedLink"("articleId", "position");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_heroImageId_fkey" FOREIGN KEY ("heroImageId") REFERENCES "Image"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleExpert" ADD CONSTRAINT "ArticleExpert_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleExpert" ADD CONSTRAINT "ArticleExpert_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTreatment" ADD CONSTRAINT "ArticleTreatment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTreatment" ADD CONSTRAINT "ArticleTreatment_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonTreatment" ADD CONSTRAINT "ComparisonTreatment_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonTreatment" ADD CONSTRAINT "ComparisonTreatment_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonRow" ADD CONSTRAINT "ComparisonRow_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonCell" ADD CONSTRAINT "ComparisonCell_rowId_fkey" FOREIGN KEY ("rowId") REFERENCES "ComparisonRow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonCell" ADD CONSTRAINT "ComparisonCell_treatmentId_fkey" FOREIGN KEY ("treatmentId") REFERENCES "Treatment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonCell" ADD CONSTRAINT "ComparisonCell_comparisonId_treatmentId_fkey" FOREIGN KEY ("comparisonId", "treatmentId") REFERENCES "ComparisonTreatment"("comparisonId", "treatmentId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleComparison" ADD CONSTRAINT "ArticleComparison_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleComparison" ADD CONSTRAINT "ArticleComparison_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelatedLink" ADD CONSTRAINT "RelatedLink_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelatedLink" ADD CONSTRAINT "RelatedLink_targetArticleId_fkey" FOREIGN KEY ("targetArticleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
