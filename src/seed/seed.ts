/**
 * Loads the sample content (the dry needling vs. acupuncture page and what it links to) into an
 * empty database, through the same services editors use, and publishes it, in one transaction:
 * a seed that fails part-way leaves nothing behind and is tried again at the next start.
 */
import type { BodyBlockInput, ExpertRole, RelatedLinkKind } from '../__generated__/graphql.js';
import * as articles from '../articles/articles.service.js';
import type { Viewer } from '../auth/viewer.js';
import * as categories from '../categories/categories.service.js';
import * as comparisons from '../comparisons/comparisons.service.js';
import { runTransaction, type Db, type ServiceContext } from '../context.js';
import type { PrismaClient } from '../db/client.js';
import * as people from '../people/people.service.js';
import * as tags from '../tags/tags.service.js';
import * as treatments from '../treatments/treatments.service.js';
import { articleAdapter } from '../articles/articles.workflow.js';
import { comparisonAdapter } from '../comparisons/comparisons.workflow.js';
import { treatmentAdapter } from '../treatments/treatments.workflow.js';
import * as workflow from '../workflow/workflow.service.js';
import { sampleContent } from './sample-content.js';

/** A body block as sample content writes it: quotes name their person by slug. */
export type SampleBlock =
  | Exclude<BodyBlockInput, { quote: unknown }>
  | { quote: { text: string; personSlug?: string; attribution?: string } };

export interface SampleContent {
  categories: { slug: string; name: string; description?: string }[];
  tags: { slug: string; name: string; description?: string }[];
  people: { slug: string; name: string; credentials?: string; jobTitle?: string; bio?: string }[];
  treatments: { slug: string; name: string; summary?: string; otherNames?: string[]; description?: SampleBlock[] }[];
  comparisons: {
    slug: string;
    title: string;
    intro?: string;
    verdict?: string;
    /** Treatment slugs, in column order. */
    treatments: string[];
    /** Each row's cells keyed by treatment slug. */
    rows: { aspect: string; cells: Record<string, string> }[];
  }[];
  articles: {
    slug: string;
    title: string;
    dek?: string;
    summary?: string;
    /** Category slug. */
    category?: string;
    /** ISO date, e.g. "2024-02-13". */
    publishedAt?: string;
    heroImage?: { url: string; alt: string; credit?: string; width?: number; height?: number };
    body?: SampleBlock[];
    experts?: { person: string; role: ExpertRole }[];
    treatments?: string[];
    comparisons?: string[];
    /** Tag slugs, in order. */
    tags?: string[];
    /** Links to other sample articles (by slug) or to external URLs. */
    related?: { kind: RelatedLinkKind; article?: string; url?: string; label?: string }[];
  }[];
}

const seeder: Viewer = { id: 'sample-content', role: 'ADMIN', kind: 'system' };

/** Loads the sample content when the database has no articles; answers whether it did. */
export async function seedSampleContent({ prisma }: { prisma: PrismaClient }): Promise<boolean> {
  if ((await prisma.article.count()) > 0) return false;
  await runTransaction(prisma, (tx) => loadContent({ prisma: tx, viewer: seeder }, sampleContent), { timeout: 60_000, maxWait: 10_000 });
  return true;
}

/** Writes `content` through the services; ids are resolved from slugs as items are created. */
export async function loadContent(ctx: ServiceContext & { prisma: Db }, content: SampleContent): Promise<void> {
  const ids = {
    category: new Map<string, string>(),
    tag: new Map<string, string>(),
    person: new Map<string, string>(),
    treatment: new Map<string, string>(),
    comparison: new Map<string, string>(),
    article: new Map<string, string>(),
  };
  const idOf = (kind: keyof typeof ids, slug: string): string => {
    const id = ids[kind].get(slug);
    if (!id) throw new Error(`sample content refers to unknown ${kind} "${slug}"`);
    return id;
  };
  const body = (blocks: SampleBlock[] | undefined): BodyBlockInput[] | undefined =>
    blocks?.map((block) =>
      'quote' in block && block.quote
        ? { quote: { text: block.quote.text, attribution: block.quote.attribution, personId: block.quote.personSlug ? idOf('person', block.quote.personSlug) : undefined } }
        : (block as BodyBlockInput),
    );

  for (const category of content.categories) ids.category.set(category.slug, (await categories.create(ctx, category)).id);
  for (const tag of content.tags) ids.tag.set(tag.slug, (await tags.create(ctx, tag)).id);
  for (const person of content.people) ids.person.set(person.slug, (await people.create(ctx, person)).id);
  const versions = new Map<string, number>();
  for (const treatment of content.treatments) {
    const created = await treatments.create(ctx, { ...treatment, description: body(treatment.description) });
    ids.treatment.set(treatment.slug, created.id);
    versions.set(created.id, created.version);
  }
  for (const comparison of content.comparisons) {
    const created = await comparisons.create(ctx, {
      slug: comparison.slug,
      title: comparison.title,
      intro: comparison.intro,
      verdict: comparison.verdict,
      treatmentIds: comparison.treatments.map((slug) => idOf('treatment', slug)),
      rows: comparison.rows.map((row) => ({
        aspect: row.aspect,
        cells: Object.entries(row.cells).map(([slug, text]) => ({ treatmentId: idOf('treatment', slug), text })),
      })),
    });
    ids.comparison.set(comparison.slug, created.id);
    versions.set(created.id, created.version);
  }
  // Articles first, links second: related links point at articles created later in the list.
  for (const article of content.articles) {
    const created = await articles.create(ctx, {
      slug: article.slug,
      title: article.title,
      dek: article.dek,
      summary: article.summary,
      categoryId: article.category ? idOf('category', article.category) : undefined,
      publishedAt: article.publishedAt ? new Date(article.publishedAt) : undefined,
      heroImage: article.heroImage,
      body: body(article.body),
      experts: article.experts?.map((e) => ({ personId: idOf('person', e.person), role: e.role })),
      treatmentIds: article.treatments?.map((slug) => idOf('treatment', slug)),
      comparisonIds: article.comparisons?.map((slug) => idOf('comparison', slug)),
      tagIds: article.tags?.map((slug) => idOf('tag', slug)),
    });
    ids.article.set(article.slug, created.id);
    versions.set(created.id, created.version);
  }
  for (const article of content.articles) {
    if (!article.related?.length) continue;
    const id = idOf('article', article.slug);
    const updated = await articles.setRelatedLinks(
      ctx,
      id,
      article.related.map((link) => ({ kind: link.kind, label: link.label, url: link.url, articleId: link.article ? idOf('article', link.article) : undefined })),
      versions.get(id)!,
    );
    versions.set(id, updated.version);
  }

  // Everything in the sample is live: publish it all.
  const publishAll = async (adapter: Parameters<typeof workflow.publish>[1], slugs: Map<string, string>) => {
    for (const id of slugs.values()) await workflow.publish(ctx, adapter, id, versions.get(id)!, 'Sample content');
  };
  await publishAll(treatmentAdapter, ids.treatment);
  await publishAll(comparisonAdapter, ids.comparison);
  await publishAll(articleAdapter, ids.article);
}
