/**
 * Writing an article's draft content: the scalar fields and every relation list, after
 * checking that what it refers to exists. Used by edits and by restoring a revision.
 */
import type { Prisma } from '../__generated__/prisma/client.js';
import { bodyJson, quotedPeople } from '../content/body.js';
import type { Db } from '../context.js';
import { checkLinks, replaceLinks } from '../links/links.service.js';
import { missingReferences, type Reference } from '../shared/references.js';
import { assertNoIssues } from '../shared/validation.js';
import type { ArticleSnapshot } from './articles.snapshot.js';
import type { ArticleInputData } from './articles.validation.js';

/** Every id the input refers to must exist; each that does not is an issue naming its field. */
export async function checkArticleReferences(tx: Db, articleId: string | null, data: Partial<ArticleInputData>, linksPath = 'input.related'): Promise<void> {
  const references: Reference[] = [
    ...(data.categoryId ? [{ model: 'category' as const, id: data.categoryId, path: 'input.categoryId' }] : []),
    ...(data.experts ?? []).map((e, i) => ({ model: 'person' as const, id: e.personId, path: `input.experts.${i}.personId` })),
    ...quotedPeople(data.body ?? [], 'input.body').map((q) => ({ model: 'person' as const, id: q.personId, path: q.path })),
    ...(data.treatmentIds ?? []).map((t, i) => ({ model: 'treatment' as const, id: t, path: `input.treatmentIds.${i}` })),
    ...(data.comparisonIds ?? []).map((c, i) => ({ model: 'comparison' as const, id: c, path: `input.comparisonIds.${i}` })),
    ...(data.tagIds ?? []).map((t, i) => ({ model: 'tag' as const, id: t, path: `input.tagIds.${i}` })),
  ];
  assertNoIssues(await missingReferences(tx, references));
  if (data.related) await checkLinks(tx, articleId, data.related, linksPath);
}

/** Writes the fields and lists `data` gives to the draft; what it leaves out stays. */
export async function writeArticleContent(tx: Db, articleId: string, data: Partial<ArticleInputData>): Promise<void> {
  const current = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { heroImageId: true } });
  await tx.article.update({
    where: { id: articleId },
    data: {
      slug: data.slug,
      title: data.title,
      dek: data.dek,
      summary: data.summary,
      category: categoryChange(data.categoryId),
      publishedAt: data.publishedAt,
      body: data.body && bodyJson(data.body),
      heroImage: heroImageChange(current.heroImageId, data.heroImage),
    },
  });
  if (data.experts) {
    await tx.articleExpert.deleteMany({ where: { articleId } });
    await tx.articleExpert.createMany({ data: data.experts.map((e, position) => ({ articleId, personId: e.personId, role: e.role, position })) });
  }
  if (data.treatmentIds) {
    await tx.articleTreatment.deleteMany({ where: { articleId } });
    await tx.articleTreatment.createMany({ data: data.treatmentIds.map((treatmentId, position) => ({ articleId, treatmentId, position })) });
  }
  if (data.comparisonIds) {
    await tx.articleComparison.deleteMany({ where: { articleId } });
    await tx.articleComparison.createMany({ data: data.comparisonIds.map((comparisonId, position) => ({ articleId, comparisonId, position })) });
  }
  if (data.tagIds) {
    await tx.articleTag.deleteMany({ where: { articleId } });
    await tx.articleTag.createMany({ data: data.tagIds.map((tagId, position) => ({ articleId, tagId, position })) });
  }
  if (data.related) await replaceLinks(tx, articleId, data.related);
}

/** A revision's snapshot as a complete edit of the draft. */
export function snapshotAsInput(snapshot: ArticleSnapshot): Required<ArticleInputData> {
  return {
    slug: snapshot.slug,
    title: snapshot.title,
    dek: snapshot.dek,
    summary: snapshot.summary,
    categoryId: snapshot.categoryId,
    heroImage: snapshot.heroImage,
    body: snapshot.body,
    experts: snapshot.experts,
    treatmentIds: snapshot.treatmentIds,
    comparisonIds: snapshot.comparisonIds,
    tagIds: snapshot.tagIds,
    related: snapshot.related.map((link) => ({ kind: link.kind, label: link.label, articleId: link.articleId, url: link.url })),
    publishedAt: snapshot.publishedAt ? new Date(snapshot.publishedAt) : null,
  };
}

function categoryChange(categoryId: string | null | undefined): Prisma.ArticleUpdateInput['category'] {
  if (categoryId === undefined) return undefined;
  return categoryId === null ? { disconnect: true } : { connect: { id: categoryId } };
}

function heroImageChange(currentId: string | null, image: ArticleInputData['heroImage']): Prisma.ArticleUpdateInput['heroImage'] {
  if (image === undefined) return undefined;
  if (image === null) return currentId ? { disconnect: true } : undefined;
  return currentId ? { update: image } : { create: image };
}
