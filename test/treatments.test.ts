/**
 * Treatments: what articles are about and comparisons compare. Editors create and update drafts,
 * publish them, and move them to the trash (and back, or out for good); frontends read the
 * published versions by slug or as a list, with the published articles and comparisons that use
 * each; editors read the drafts with `preview: true`.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts, makeArticle, makeCategory, makeComparison, makePerson, makeTreatment, type Made } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const TREATMENT_FIELDS = `
  id slug name summary otherNames
  description {
    __typename
    ... on HeadingBlock { level text anchor }
    ... on ParagraphBlock { text }
    ... on QuoteBlock { text person { slug } }
  }
  version status
  createdAt updatedAt`;
const CREATE = `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { ${TREATMENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTreatmentInput!, $v: Int!) { updateTreatment(id: $id, input: $input, expectedVersion: $v) { ${TREATMENT_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishTreatment(id: $id, expectedVersion: $v) { ${TREATMENT_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteTreatment(id: $id) }';
const RESTORE = `mutation($id: ID!) { restoreTreatment(id: $id) { ${TREATMENT_FIELDS} deletedAt } }`;
const PURGE = 'mutation($id: ID!) { purgeTreatment(id: $id) }';
const GET = `query($slug: String!, $preview: Boolean) { treatment(slug: $slug, preview: $preview) { ${TREATMENT_FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $where: TreatmentWhereInput, $preview: Boolean) {
  treatments(first: $first, after: $after, where: $where, preview: $preview) {
    totalCount
    edges { cursor node { slug } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const USES = `query($slug: String!, $first: Int, $preview: Boolean) {
  treatment(slug: $slug, preview: $preview) { articles(first: $first) { slug } comparisons { slug } }
}`;
const TRASH = 'query { trash(first: 1) { edges { node { __typename id slug deletedAt } } } }';

const MISSING_ID = '01900000-0000-7000-8000-000000000000';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Edges = { edges: { node: { slug: string } }[] };
const slugsOf = (connection: Edges) => connection.edges.map((e) => e.node.slug);

describe('treatments', () => {
  const api = useTestApi();

  /** The treatment as the public sees it (null when not published). */
  async function publicRead(slug: string) {
    const { data, errors } = await api.query(GET, { slug });
    expect(errors).toBeUndefined();
    return data!.treatment;
  }

  /** The treatment's draft, as an editor previews it (null when there is none, or it is trashed). */
  async function previewRead(slug: string) {
    const { data, errors } = await api.asEditor(GET, { slug, preview: true });
    expect(errors).toBeUndefined();
    return data!.treatment;
  }

  /** The slugs a list answers, as the public (or, with `preview`, as an editor) sees it. */
  async function listed(variables: Record<string, unknown>, preview = false) {
    const response = preview ? await api.asEditor(LIST, { ...variables, preview: true }) : await api.query(LIST, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.treatments;
  }

  describe('createTreatment', () => {
    it('needs only a slug and a name, and makes an unpublished draft at version 1', async () => {
      const { data, errors } = await api.asEditor(CREATE, { input: { slug: 'cupping', name: 'Cupping' } });
      expect(errors).toBeUndefined();
      expect(data!.createTreatment).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        slug: 'cupping',
        name: 'Cupping',
        summary: null,
        otherNames: [],
        description: [],
        version: 1,
        status: 'DRAFT',
        createdAt: expect.stringMatching(ISO_INSTANT),
        updatedAt: expect.stringMatching(ISO_INSTANT),
      });
      // Editors preview the draft; the public does not see it until it is published.
      expect(await previewRead('cupping')).toEqual(data!.createTreatment);
      expect(await publicRead('cupping')).toBeNull();
    });

    it('stores a summary, other names and a description, and serves them back by slug once published', async () => {
      const expert = await makePerson(api);
      const { data, errors } = await api.asEditor(CREATE, {
        input: {
          slug: 'dry-needling',
          name: '  Dry needling  ',
          summary: 'Thin needles into trigger points.',
          otherNames: ['Intramuscular stimulation', 'Trigger point dry needling'],
          description: [
            { heading: { level: 2, text: 'How it works' } },
            { paragraph: { spans: [{ text: 'A needle ' }, { text: 'releases', bold: true }, { text: ' the knot.' }] } },
            { quote: { text: 'It is not acupuncture.', personId: expert.id } },
          ],
        },
      });
      expect(errors).toBeUndefined();
      const created = data!.createTreatment;
      expect(created).toMatchObject({
        slug: 'dry-needling',
        name: 'Dry needling',
        summary: 'Thin needles into trigger points.',
        otherNames: ['Intramuscular stimulation', 'Trigger point dry needling'],
        description: [
          { __typename: 'HeadingBlock', level: 2, text: 'How it works', anchor: 'how-it-works' },
          { __typename: 'ParagraphBlock', text: 'A needle releases the knot.' },
          { __typename: 'QuoteBlock', text: 'It is not acupuncture.', person: { slug: expert.slug } },
        ],
        version: 1,
        status: 'DRAFT',
      });
      // The editor previews exactly what they wrote; the public sees nothing yet.
      expect(await api.asEditor(GET, { slug: 'dry-needling', preview: true })).toEqual({ status: 200, data: { treatment: created } });
      expect(await api.query(GET, { slug: 'dry-needling' })).toEqual({ status: 200, data: { treatment: null } });

      // Once published, the public reads exactly what the editor wrote.
      const published = await api.asEditor(PUBLISH, { id: created.id, v: created.version });
      expect(published.errors).toBeUndefined();
      expect(published.data!.publishTreatment).toEqual({ ...created, version: 2, status: 'PUBLISHED', updatedAt: expect.stringMatching(ISO_INSTANT) });
      expect(await api.query(GET, { slug: 'dry-needling' })).toEqual({ status: 200, data: { treatment: published.data!.publishTreatment } });
      expect(await previewRead('dry-needling')).toEqual(published.data!.publishTreatment);
    });

    it('names every invalid field in one BAD_USER_INPUT and writes nothing', async () => {
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(CREATE, {
          input: {
            slug: 'Dry Needling',
            name: '   ',
            summary: 'x'.repeat(1001),
            otherNames: ['IMS', 'ims'],
          },
        }),
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.issues).toEqual([
        { path: 'input.slug', message: 'must be lowercase words joined by single hyphens (e.g. "dry-needling")' },
        { path: 'input.name', message: 'must not be empty' },
        { path: 'input.summary', message: 'must be at most 1000 characters' },
        { path: 'input.otherNames', message: 'must not repeat a name' },
      ]);
      expect(error.message).toContain('input.summary: must be at most 1000 characters');
      expect(await contentCounts(api)).toEqual(before);
    });

    it('accepts a summary of exactly 1000 characters', async () => {
      const { data, errors } = await api.asEditor(CREATE, { input: { slug: 'long-summary', name: 'Long summary', summary: 'x'.repeat(1000) } });
      expect(errors).toBeUndefined();
      expect(data!.createTreatment.summary).toHaveLength(1000);
    });

    it('refuses a description quoting a person who does not exist, naming the block', async () => {
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(CREATE, {
          input: { slug: 'quoting-nobody', name: 'Quoting nobody', description: [{ heading: { text: 'Intro' } }, { quote: { text: 'Hm.', personId: MISSING_ID } }] },
        }),
      );
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.description.1.quote.personId', message: `no person has id "${MISSING_ID}"` }],
      });
      expect(await contentCounts(api)).toEqual(before);
      expect(await previewRead('quoting-nobody')).toBeNull();
    });

    it('refuses a slug a published or a draft treatment has with CONFLICT and writes nothing', async () => {
      const published = await makeTreatment(api);
      const draft = await makeTreatment(api, {}, { publish: false });
      for (const existing of [published, draft]) {
        const before = await contentCounts(api);
        const error = onlyError(await api.asEditor(CREATE, { input: { slug: existing.slug, name: 'Someone else' } }));
        expect(error.extensions.code).toBe('CONFLICT');
        expect(error.message).toBe('Another treatment already uses this slug.');
        expect(await contentCounts(api)).toEqual(before);
        expect((await previewRead(existing.slug)).name).toBe(`Treatment ${existing.slug}`);
      }
    });

    it('is for editors only', async () => {
      const before = await contentCounts(api);
      const error = onlyError(await api.query(CREATE, { input: { slug: 'anonymous', name: 'Anonymous' } }));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(await contentCounts(api)).toEqual(before);
    });
  });

  describe('treatment(slug)', () => {
    it('answers null, not an error, for an unknown slug, publicly and in preview', async () => {
      expect(await api.query(GET, { slug: 'no-such-treatment' })).toEqual({ status: 200, data: { treatment: null } });
      expect(await api.asEditor(GET, { slug: 'no-such-treatment', preview: true })).toEqual({ status: 200, data: { treatment: null } });
    });

    it('refuses a preview without a token', async () => {
      const treatment = await makeTreatment(api, {}, { publish: false });
      const error = onlyError(await api.query(GET, { slug: treatment.slug, preview: true }));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
    });

    it('shows the public the published version while the draft changes, until it is published again', async () => {
      const treatment = await makeTreatment(api, { summary: 'First words.' });
      const published = await publicRead(treatment.slug);
      expect(published).toMatchObject({ id: treatment.id, summary: 'First words.', version: treatment.version, status: 'PUBLISHED' });

      const edited = await api.asEditor(UPDATE, { id: treatment.id, v: treatment.version, input: { summary: 'Second thoughts.' } });
      expect(edited.errors).toBeUndefined();
      expect(edited.data!.updateTreatment).toMatchObject({ summary: 'Second thoughts.', version: treatment.version + 1, status: 'CHANGED' });
      expect(await previewRead(treatment.slug)).toEqual(edited.data!.updateTreatment);
      expect(await publicRead(treatment.slug)).toEqual(published);

      const republished = await api.asEditor(PUBLISH, { id: treatment.id, v: treatment.version + 1 });
      expect(republished.errors).toBeUndefined();
      expect(republished.data!.publishTreatment).toMatchObject({ summary: 'Second thoughts.', version: treatment.version + 2, status: 'PUBLISHED' });
      expect(await publicRead(treatment.slug)).toEqual(republished.data!.publishTreatment);
    });
  });

  describe('old slugs and editors-only fields', () => {
    it('finds a published treatment by the slug it was published under before, giving the new one in redirectTo', async () => {
      const treatment = await makeTreatment(api);
      const renamed = await api.asEditor(UPDATE, { id: treatment.id, v: treatment.version, input: { slug: `${treatment.slug}-renamed` } });
      expect(renamed.errors).toBeUndefined();
      const REDIRECT = 'query($slug: String!, $preview: Boolean) { treatment(slug: $slug, preview: $preview) { id slug redirectTo } }';
      // Not yet published: the public still finds it by the old slug only, the editor by both.
      expect((await api.query(REDIRECT, { slug: treatment.slug })).data!.treatment).toEqual({ id: treatment.id, slug: treatment.slug, redirectTo: null });
      expect((await api.query(REDIRECT, { slug: `${treatment.slug}-renamed` })).data!.treatment).toBeNull();
      expect((await api.asEditor(REDIRECT, { slug: `${treatment.slug}-renamed`, preview: true })).data!.treatment).toEqual({
        id: treatment.id,
        slug: `${treatment.slug}-renamed`,
        redirectTo: null,
      });

      expect((await api.asEditor(PUBLISH, { id: treatment.id, v: treatment.version + 1 })).errors).toBeUndefined();
      expect((await api.query(REDIRECT, { slug: `${treatment.slug}-renamed` })).data!.treatment).toEqual({ id: treatment.id, slug: `${treatment.slug}-renamed`, redirectTo: null });
      expect((await api.query(REDIRECT, { slug: treatment.slug })).data!.treatment).toEqual({
        id: treatment.id,
        slug: `${treatment.slug}-renamed`,
        redirectTo: `${treatment.slug}-renamed`,
      });
    });

    it('tells editors, not the public, who saved the last change', async () => {
      const treatment = await makeTreatment(api);
      const WHO = 'query($slug: String!, $preview: Boolean) { treatment(slug: $slug, preview: $preview) { updatedBy deletedAt } }';
      const previewed = (await api.asEditor(WHO, { slug: treatment.slug, preview: true })).data!.treatment;
      expect(previewed.updatedBy).toEqual(expect.any(String));
      expect(previewed.updatedBy).not.toBe('');
      expect(previewed.deletedAt).toBeNull();
      expect((await api.query(WHO, { slug: treatment.slug })).data!.treatment).toEqual({ updatedBy: null, deletedAt: null });
      expect((await api.asEditor(WHO, { slug: treatment.slug })).data!.treatment).toEqual({ updatedBy: null, deletedAt: null });
    });
  });

  describe('treatments (the list)', () => {
    it('pages through every published treatment, most recently created first, each once', async () => {
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await makeTreatment(api)).slug);
      const total = await api.db.prisma.publishedTreatment.count();

      const first = await api.query(LIST, { first: 3 });
      expect(first.errors).toBeUndefined();
      expect(first.data!.treatments.totalCount).toBe(total);
      expect(slugsOf(first.data!.treatments)).toEqual(created.slice(2).reverse());
      expect(first.data!.treatments.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

      const seen = slugsOf(first.data!.treatments);
      let after: string = first.data!.treatments.pageInfo.endCursor;
      let pages = 1;
      for (;;) {
        const { data, errors }: { data?: any; errors?: unknown } = await api.query(LIST, { first: 3, after });
        expect(errors).toBeUndefined();
        expect(data.treatments.totalCount).toBe(total);
        expect(data.treatments.pageInfo.hasPreviousPage).toBe(true);
        seen.push(...slugsOf(data.treatments));
        pages += 1;
        if (!data.treatments.pageInfo.hasNextPage) break;
        after = data.treatments.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil(total / 3));
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(seen.slice(0, 5)).toEqual([...created].reverse());
    });

    it('lists drafts only in preview, and leaves trashed treatments out of both', async () => {
      const published = await makeTreatment(api);
      const draft = await makeTreatment(api, {}, { publish: false });
      const trashed = await makeTreatment(api);
      expect((await api.asEditor(DELETE, { id: trashed.id })).errors).toBeUndefined();

      const publicList = await listed({ first: 100 });
      expect(publicList.totalCount).toBe(await api.db.prisma.publishedTreatment.count());
      expect(slugsOf(publicList)[0]).toBe(published.slug);
      expect(slugsOf(publicList)).not.toContain(draft.slug);
      expect(slugsOf(publicList)).not.toContain(trashed.slug);

      const previewList = await listed({ first: 100 }, true);
      expect(previewList.totalCount).toBe(await api.db.prisma.treatment.count({ where: { deletedAt: null } }));
      expect(previewList.totalCount).toBeGreaterThan(publicList.totalCount);
      expect(slugsOf(previewList).slice(0, 2)).toEqual([draft.slug, published.slug]);
      expect(slugsOf(previewList)).not.toContain(trashed.slug);

      expect(onlyError(await api.query(LIST, { preview: true })).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('gives each edge a cursor that continues right after it', async () => {
      const [a, b, c] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      const { data } = await api.query(LIST, { first: 3 });
      expect(slugsOf(data!.treatments)).toEqual([c.slug, b.slug, a.slug]);
      const middle = data!.treatments.edges[1].cursor;
      expect(data!.treatments.pageInfo.startCursor).toBe(data!.treatments.edges[0].cursor);
      const next = await api.query(LIST, { first: 1, after: middle });
      expect(slugsOf(next.data!.treatments)).toEqual([a.slug]);

      // Preview cursors work the same way over the drafts.
      const previewed = await listed({ first: 3 }, true);
      expect(slugsOf(previewed)).toEqual([c.slug, b.slug, a.slug]);
      expect(slugsOf(await listed({ first: 1, after: previewed.edges[1].cursor }, true))).toEqual([a.slug]);
    });

    it('filters to treatments covered by articles in a category, each once: published ones publicly, drafts in preview', async () => {
      const [pain, sleep] = [await makeCategory(api), await makeCategory(api)];
      const [t1, t2, t3, uncovered, coveredByDraft] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      const unpublishedTreatment = await makeTreatment(api, {}, { publish: false });
      await makeArticle(api, { categoryId: pain.id, treatmentIds: [t1.id, t2.id] });
      await makeArticle(api, { categoryId: pain.id, treatmentIds: [t1.id, unpublishedTreatment.id] });
      await makeArticle(api, { categoryId: sleep.id, treatmentIds: [t3.id] });
      await makeArticle(api, { treatmentIds: [uncovered.id] });
      await makeArticle(api, { categoryId: pain.id, treatmentIds: [coveredByDraft.id] }, { publish: false });

      const { data, errors } = await api.query(LIST, { where: { categorySlug: pain.slug } });
      expect(errors).toBeUndefined();
      expect(data!.treatments).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false, hasPreviousPage: false } });
      expect(slugsOf(data!.treatments)).toEqual([t2.slug, t1.slug]);

      const paged = await api.query(LIST, { first: 1, where: { categorySlug: pain.slug } });
      expect(paged.data!.treatments).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const rest = await api.query(LIST, { first: 1, after: paged.data!.treatments.pageInfo.endCursor, where: { categorySlug: pain.slug } });
      expect(slugsOf(rest.data!.treatments)).toEqual([t1.slug]);
      expect(rest.data!.treatments.pageInfo.hasNextPage).toBe(false);

      // In preview, the unpublished article's treatment and the unpublished treatment count too.
      const previewed = await listed({ where: { categorySlug: pain.slug } }, true);
      expect(previewed.totalCount).toBe(4);
      expect(slugsOf(previewed)).toEqual([unpublishedTreatment.slug, coveredByDraft.slug, t2.slug, t1.slug]);

      const none = await api.query(LIST, { where: { categorySlug: 'no-such-category' } });
      expect(none.data!.treatments).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
      expect(await listed({ where: { categorySlug: 'no-such-category' } }, true)).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('filters to the treatments compared with one, leaving that one out: in published comparisons publicly, in drafts in preview', async () => {
      const [base, x, y, z, onlyInDraft] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      const unpublishedTreatment = await makeTreatment(api, {}, { publish: false });
      await makeComparison(api, { treatmentIds: [base.id, x.id] });
      await makeComparison(api, { treatmentIds: [y.id, base.id, x.id] });
      await makeComparison(api, { treatmentIds: [y.id, z.id] });
      await makeComparison(api, { treatmentIds: [base.id, onlyInDraft.id] }, { publish: false });
      await makeComparison(api, { treatmentIds: [unpublishedTreatment.id, base.id] });

      const { data, errors } = await api.query(LIST, { where: { comparedWithSlug: base.slug } });
      expect(errors).toBeUndefined();
      expect(data!.treatments.totalCount).toBe(2);
      expect(slugsOf(data!.treatments)).toEqual([y.slug, x.slug]);

      const withZ = await api.query(LIST, { where: { comparedWithSlug: z.slug } });
      expect(withZ.data!.treatments.totalCount).toBe(1);
      expect(slugsOf(withZ.data!.treatments)).toEqual([y.slug]);

      // A treatment only in an unpublished comparison is compared with `base` only in preview.
      const previewed = await listed({ where: { comparedWithSlug: base.slug } }, true);
      expect(previewed.totalCount).toBe(4);
      expect(slugsOf(previewed)).toEqual([unpublishedTreatment.slug, onlyInDraft.slug, y.slug, x.slug]);

      // The public knows nothing compared with an unpublished treatment; preview does.
      expect(await listed({ where: { comparedWithSlug: unpublishedTreatment.slug } })).toMatchObject({ totalCount: 0, edges: [] });
      expect(slugsOf(await listed({ where: { comparedWithSlug: unpublishedTreatment.slug } }, true))).toEqual([base.slug]);
    });

    it('combines both filters', async () => {
      const category = await makeCategory(api);
      const [base, inCategory, elsewhere] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      await makeComparison(api, { treatmentIds: [base.id, inCategory.id, elsewhere.id] });
      await makeArticle(api, { categoryId: category.id, treatmentIds: [inCategory.id, base.id] });
      const where = { categorySlug: category.slug, comparedWithSlug: base.slug };
      const { data } = await api.query(LIST, { where });
      expect(data!.treatments.totalCount).toBe(1);
      expect(slugsOf(data!.treatments)).toEqual([inCategory.slug]);

      const previewed = await listed({ where }, true);
      expect(previewed.totalCount).toBe(1);
      expect(slugsOf(previewed)).toEqual([inCategory.slug]);
    });

    it('refuses a page size outside 1..100 and a cursor it did not give out', async () => {
      for (const first of [0, 101]) {
        const error = onlyError(await api.query(LIST, { first }));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'first', message: 'must be between 1 and 100' }] });
        const previewError = onlyError(await api.asEditor(LIST, { first, preview: true }));
        expect(previewError.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'first', message: 'must be between 1 and 100' }] });
      }
      const error = onlyError(await api.query(LIST, { after: 'not-a-cursor' }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'after', message: 'is not a cursor this list gave out' }] });
    });
  });

  describe('Treatment.articles and Treatment.comparisons', () => {
    it('lists the articles about a treatment, newest first, at most `first`: published ones publicly, drafts in preview', async () => {
      const [treatment, other] = [await makeTreatment(api), await makeTreatment(api)];
      const january = await makeArticle(api, { treatmentIds: [treatment.id], publishedAt: '2024-01-01T00:00:00Z' });
      const march = await makeArticle(api, { treatmentIds: [other.id, treatment.id], publishedAt: '2024-03-01T00:00:00Z' });
      // Undated until published: publishing dates it now, so it is the newest.
      const undated = await makeArticle(api, { treatmentIds: [treatment.id] });
      const february = await makeArticle(api, { treatmentIds: [treatment.id], publishedAt: '2024-02-01T00:00:00Z' });
      await makeArticle(api, { treatmentIds: [other.id], publishedAt: '2024-04-01T00:00:00Z' });
      const unpublished = await makeArticle(api, { treatmentIds: [treatment.id], publishedAt: '2024-05-01T00:00:00Z' }, { publish: false });

      const all = await api.query(USES, { slug: treatment.slug });
      expect(all.errors).toBeUndefined();
      expect(all.data!.treatment.articles).toEqual([{ slug: undated.slug }, { slug: march.slug }, { slug: february.slug }, { slug: january.slug }]);

      const two = await api.query(USES, { slug: treatment.slug, first: 2 });
      expect(two.data!.treatment.articles).toEqual([{ slug: undated.slug }, { slug: march.slug }]);

      const previewed = await api.asEditor(USES, { slug: treatment.slug, preview: true });
      expect(previewed.errors).toBeUndefined();
      expect(previewed.data!.treatment.articles).toEqual([
        { slug: undated.slug },
        { slug: unpublished.slug },
        { slug: march.slug },
        { slug: february.slug },
        { slug: january.slug },
      ]);
      const previewedTwo = await api.asEditor(USES, { slug: treatment.slug, first: 2, preview: true });
      expect(previewedTwo.data!.treatment.articles).toEqual([{ slug: undated.slug }, { slug: unpublished.slug }]);
    });

    it('lists the comparisons that include a treatment, newest first: published ones publicly, drafts in preview', async () => {
      const [treatment, a, b] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      const older = await makeComparison(api, { treatmentIds: [treatment.id, a.id] });
      await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const newer = await makeComparison(api, { treatmentIds: [b.id, treatment.id] });
      const unpublished = await makeComparison(api, { treatmentIds: [treatment.id, b.id] }, { publish: false });

      const { data, errors } = await api.query(USES, { slug: treatment.slug });
      expect(errors).toBeUndefined();
      expect(data!.treatment).toEqual({ articles: [], comparisons: [{ slug: newer.slug }, { slug: older.slug }] });

      const previewed = await api.asEditor(USES, { slug: treatment.slug, preview: true });
      expect(previewed.errors).toBeUndefined();
      expect(previewed.data!.treatment).toEqual({ articles: [], comparisons: [{ slug: unpublished.slug }, { slug: newer.slug }, { slug: older.slug }] });
    });
  });

  describe('updateTreatment', () => {
    it('changes only the fields given: null clears the summary, otherNames are replaced', async () => {
      const { data: created } = await api.asEditor(CREATE, {
        input: {
          slug: 'acupuncture',
          name: 'Acupuncture',
          summary: 'Needles along meridians.',
          otherNames: ['Zhen jiu', 'TCM acupuncture'],
          description: [{ paragraph: { spans: [{ text: 'An ancient practice.' }] } }],
        },
      });
      const original = created!.createTreatment;

      const renamed = await api.asEditor(UPDATE, { id: original.id, v: original.version, input: { name: 'Acupuncture (traditional)' } });
      expect(renamed.errors).toBeUndefined();
      expect(renamed.data!.updateTreatment).toEqual({
        ...original,
        name: 'Acupuncture (traditional)',
        version: original.version + 1,
        updatedAt: expect.stringMatching(ISO_INSTANT),
      });

      const cleared = await api.asEditor(UPDATE, { id: original.id, v: original.version + 1, input: { summary: null, otherNames: ['Acupressure with needles'] } });
      expect(cleared.errors).toBeUndefined();
      expect(cleared.data!.updateTreatment).toMatchObject({
        slug: 'acupuncture',
        name: 'Acupuncture (traditional)',
        summary: null,
        otherNames: ['Acupressure with needles'],
        description: [{ __typename: 'ParagraphBlock', text: 'An ancient practice.' }],
        version: original.version + 2,
        status: 'DRAFT',
      });

      const emptied = await api.asEditor(UPDATE, {
        id: original.id,
        v: original.version + 2,
        input: { otherNames: [], description: [{ heading: { level: 3, text: 'Rewritten' } }], slug: 'acupuncture-traditional' },
      });
      expect(emptied.errors).toBeUndefined();
      expect(emptied.data!.updateTreatment).toMatchObject({
        slug: 'acupuncture-traditional',
        otherNames: [],
        summary: null,
        description: [{ __typename: 'HeadingBlock', level: 3, text: 'Rewritten' }],
        version: original.version + 3,
      });
      expect(await previewRead('acupuncture')).toBeNull();
      expect(await previewRead('acupuncture-traditional')).toEqual(emptied.data!.updateTreatment);
      // Never published: the public sees neither slug, until it is.
      expect(await publicRead('acupuncture-traditional')).toBeNull();
      const published = await api.asEditor(PUBLISH, { id: original.id, v: original.version + 3 });
      expect(published.errors).toBeUndefined();
      expect(await publicRead('acupuncture-traditional')).toEqual(published.data!.publishTreatment);
      expect(published.data!.publishTreatment).toMatchObject({ name: 'Acupuncture (traditional)', description: [{ __typename: 'HeadingBlock', text: 'Rewritten' }] });
      expect(await publicRead('acupuncture')).toBeNull();
    });

    it('refuses a stale expectedVersion with CONFLICT naming the current version, and changes nothing', async () => {
      const treatment = await makeTreatment(api, { summary: 'Kept' });
      const first = await api.asEditor(UPDATE, { id: treatment.id, v: treatment.version, input: { name: 'First edit' } });
      expect(first.errors).toBeUndefined();
      const current = first.data!.updateTreatment;
      const before = await contentCounts(api);

      const error = onlyError(await api.asEditor(UPDATE, { id: treatment.id, v: treatment.version, input: { name: 'Lost edit', summary: null } }));
      expect(error.extensions).toEqual({
        code: 'CONFLICT',
        currentVersion: treatment.version + 1,
        updatedBy: expect.any(String),
        updatedAt: expect.stringMatching(ISO_INSTANT),
      });
      expect(error.extensions.updatedAt).toBe(current.updatedAt);
      expect(await contentCounts(api)).toEqual(before);
      expect(await previewRead(treatment.slug)).toEqual(current);
      expect(await publicRead(treatment.slug)).toMatchObject({ name: `Treatment ${treatment.slug}`, summary: 'Kept' });

      // A version from the future is just as stale.
      expect(onlyError(await api.asEditor(UPDATE, { id: treatment.id, v: treatment.version + 5, input: { name: 'Future' } })).extensions).toMatchObject({
        code: 'CONFLICT',
        currentVersion: treatment.version + 1,
      });
      expect(await previewRead(treatment.slug)).toEqual(current);
    });

    it('refuses invalid fields with BAD_USER_INPUT naming each, and changes nothing', async () => {
      const treatment = await makeTreatment(api, { summary: 'Kept', otherNames: ['Kept name'] });
      const before = await previewRead(treatment.slug);
      const counts = await contentCounts(api);

      const error = onlyError(
        await api.asEditor(UPDATE, {
          id: treatment.id,
          v: treatment.version,
          input: { slug: 'bad--slug', name: '', summary: 's'.repeat(1001), otherNames: ['Same', 'SAME'] },
        }),
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.issues.map((i: { path: string }) => i.path)).toEqual(['input.slug', 'input.name', 'input.summary', 'input.otherNames']);
      expect(await previewRead(treatment.slug)).toEqual(before);
      expect(await contentCounts(api)).toEqual(counts);
    });

    it('refuses a description quoting a person who does not exist, and changes nothing', async () => {
      const treatment = await makeTreatment(api);
      const before = await previewRead(treatment.slug);
      const counts = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(UPDATE, { id: treatment.id, v: treatment.version, input: { name: 'Changed', description: [{ quote: { text: 'Hm.', personId: MISSING_ID } }] } }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.description.0.quote.personId', message: `no person has id "${MISSING_ID}"` }] });
      expect(await previewRead(treatment.slug)).toEqual(before);
      expect(await contentCounts(api)).toEqual(counts);
    });

    it('refuses a slug another treatment has (published or draft) with CONFLICT, and changes nothing', async () => {
      const taken = await makeTreatment(api);
      const takenByDraft = await makeTreatment(api, {}, { publish: false });
      const treatment = await makeTreatment(api);
      const before = await previewRead(treatment.slug);
      const counts = await contentCounts(api);
      for (const other of [taken, takenByDraft]) {
        const error = onlyError(await api.asEditor(UPDATE, { id: treatment.id, v: treatment.version, input: { slug: other.slug, name: 'Changed' } }));
        expect(error.extensions.code).toBe('CONFLICT');
        expect(error.message).toBe('Another treatment already uses this slug.');
      }
      expect(await previewRead(treatment.slug)).toEqual(before);
      expect(before).toMatchObject({ name: `Treatment ${treatment.slug}`, version: treatment.version });
      expect(await contentCounts(api)).toEqual(counts);
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(UPDATE, { id, v: 1, input: { name: 'x' } }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No treatment with id "${id}".`);
      }
    });

    it('is for editors only', async () => {
      const treatment = await makeTreatment(api);
      const counts = await contentCounts(api);
      const error = onlyError(await api.query(UPDATE, { id: treatment.id, v: treatment.version, input: { name: 'Anonymous edit' } }));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(await contentCounts(api)).toEqual(counts);
      expect((await previewRead(treatment.slug)).name).toBe(`Treatment ${treatment.slug}`);
    });
  });

  describe('deleteTreatment (to the trash)', () => {
    it('moves a treatment nothing uses to the trash: gone from public and preview reads and lists', async () => {
      const treatment = await makeTreatment(api);
      const [publicBefore, previewBefore] = [await listed({ first: 100 }), await listed({ first: 100 }, true)];
      expect(slugsOf(publicBefore)).toContain(treatment.slug);
      const before = await contentCounts(api);

      expect(await api.asEditor(DELETE, { id: treatment.id })).toEqual({ status: 200, data: { deleteTreatment: treatment.id } });
      expect(await publicRead(treatment.slug)).toBeNull();
      expect(await previewRead(treatment.slug)).toBeNull();
      const [publicAfter, previewAfter] = [await listed({ first: 100 }), await listed({ first: 100 }, true)];
      expect(publicAfter.totalCount).toBe(publicBefore.totalCount - 1);
      expect(previewAfter.totalCount).toBe(previewBefore.totalCount - 1);
      expect(slugsOf(publicAfter)).not.toContain(treatment.slug);
      expect(slugsOf(previewAfter)).not.toContain(treatment.slug);
      // The row stays (in the trash); only the published version goes.
      expect(await contentCounts(api)).toEqual({ ...before, published: before.published! - 1, revisions: before.revisions! + 1 });

      const trash = await api.asEditor(TRASH);
      expect(trash.errors).toBeUndefined();
      expect(trash.data!.trash.edges[0].node).toEqual({ __typename: 'Treatment', id: treatment.id, slug: treatment.slug, deletedAt: expect.stringMatching(ISO_INSTANT) });
    });

    it('makes a trashed treatment NOT_FOUND to further edits, publishing and deleting', async () => {
      const treatment = await makeTreatment(api, {}, { publish: false });
      expect((await api.asEditor(DELETE, { id: treatment.id })).errors).toBeUndefined();
      const before = await contentCounts(api);
      const version = (await api.db.prisma.treatment.findUniqueOrThrow({ where: { id: treatment.id } })).version;
      for (const [query, variables] of [
        [UPDATE, { id: treatment.id, v: version, input: { name: 'Edited in the trash' } }],
        [PUBLISH, { id: treatment.id, v: version }],
        [DELETE, { id: treatment.id }],
      ] as const) {
        const error = onlyError(await api.asEditor(query, variables));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No treatment with id "${treatment.id}".`);
      }
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(treatment.slug)).toBeNull();
    });

    it('is refused with CONFLICT naming the comparison and article that use it, deleting nothing', async () => {
      const [treatment, other] = [await makeTreatment(api), await makeTreatment(api)];
      const comparison = await makeComparison(api, {
        treatmentIds: [treatment.id, other.id],
        rows: [{ aspect: 'Cost', cells: [{ treatmentId: treatment.id, text: 'Cheap' }] }],
      });
      const article = await makeArticle(api, { treatmentIds: [treatment.id] });
      const before = await contentCounts(api);

      const error = onlyError(await api.asEditor(DELETE, { id: treatment.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { comparisons: [comparison.slug], articles: [article.slug] } });
      expect(error.message).toContain(`"${treatment.slug}"`);
      expect(error.message).toContain(`comparison(s) "${comparison.slug}"`);
      expect(error.message).toContain(`article(s) "${article.slug}"`);
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(treatment.slug)).toMatchObject({ id: treatment.id, version: treatment.version, status: 'PUBLISHED' });
      expect(await previewRead(treatment.slug)).toMatchObject({ id: treatment.id, version: treatment.version });
    });

    it('names every article that uses it, published or draft', async () => {
      const treatment = await makeTreatment(api);
      const [first, second] = [await makeArticle(api, { treatmentIds: [treatment.id] }), await makeArticle(api, { treatmentIds: [treatment.id] }, { publish: false })];
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(DELETE, { id: treatment.id }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.extensions.usedBy.comparisons).toEqual([]);
      expect([...error.extensions.usedBy.articles].sort()).toEqual([first.slug, second.slug].sort());
      expect(error.message).toContain(`"${first.slug}"`);
      expect(error.message).toContain(`"${second.slug}"`);
      expect(await contentCounts(api)).toEqual(before);
    });

    it('is refused while only a comparison uses it, published or draft', async () => {
      for (const publish of [true, false]) {
        const [treatment, other] = [await makeTreatment(api), await makeTreatment(api)];
        const comparison = await makeComparison(api, { treatmentIds: [other.id, treatment.id] }, { publish });
        const before = await contentCounts(api);
        const error = onlyError(await api.asEditor(DELETE, { id: treatment.id }));
        expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { comparisons: [comparison.slug], articles: [] } });
        expect(error.message).toContain(`comparison(s) "${comparison.slug}"`);
        expect(error.message).not.toContain('article(s)');
        expect(await contentCounts(api)).toEqual(before);
        expect(await publicRead(treatment.slug)).not.toBeNull();
      }
    });

    it('is allowed once the comparison and article that used it are in the trash', async () => {
      const [treatment, other] = [await makeTreatment(api), await makeTreatment(api)];
      const comparison = await makeComparison(api, { treatmentIds: [treatment.id, other.id] });
      const article = await makeArticle(api, { treatmentIds: [treatment.id] });
      expect(onlyError(await api.asEditor(DELETE, { id: treatment.id })).extensions.code).toBe('CONFLICT');

      expect((await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: article.id })).errors).toBeUndefined();
      expect(onlyError(await api.asEditor(DELETE, { id: treatment.id })).extensions).toEqual({
        code: 'CONFLICT',
        usedBy: { comparisons: [comparison.slug], articles: [] },
      });
      expect((await api.asEditor('mutation($id: ID!) { deleteComparison(id: $id) }', { id: comparison.id })).errors).toBeUndefined();
      expect(await api.asEditor(DELETE, { id: treatment.id })).toEqual({ status: 200, data: { deleteTreatment: treatment.id } });
      expect(await publicRead(treatment.slug)).toBeNull();
    });

    it('is NOT_FOUND for an unknown id', async () => {
      const before = await contentCounts(api);
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(DELETE, { id }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No treatment with id "${id}".`);
      }
      expect(await contentCounts(api)).toEqual(before);
    });

    it('is for editors only', async () => {
      const treatment = await makeTreatment(api);
      const before = await contentCounts(api);
      expect(onlyError(await api.query(DELETE, { id: treatment.id })).extensions.code).toBe('UNAUTHENTICATED');
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(treatment.slug)).not.toBeNull();
    });
  });

  describe('restoreTreatment', () => {
    it('brings a trashed treatment back as an unpublished draft with its content, which can be published again', async () => {
      const treatment = await makeTreatment(api, { summary: 'Worth keeping.', otherNames: ['Keeper'] });
      const published = await publicRead(treatment.slug);
      expect((await api.asEditor(DELETE, { id: treatment.id })).errors).toBeUndefined();

      const restored = await api.asEditor(RESTORE, { id: treatment.id });
      expect(restored.errors).toBeUndefined();
      const { deletedAt, ...draft } = restored.data!.restoreTreatment;
      expect(deletedAt).toBeNull();
      expect(draft).toMatchObject({
        id: treatment.id,
        slug: treatment.slug,
        name: published.name,
        summary: 'Worth keeping.',
        otherNames: ['Keeper'],
        description: published.description,
        status: 'ARCHIVED',
      });
      expect(draft.version).toBeGreaterThan(treatment.version);
      expect(await previewRead(treatment.slug)).toEqual(draft);
      expect(await publicRead(treatment.slug)).toBeNull();

      const republished = await api.asEditor(PUBLISH, { id: treatment.id, v: draft.version });
      expect(republished.errors).toBeUndefined();
      expect(await publicRead(treatment.slug)).toEqual(republished.data!.publishTreatment);
      expect(republished.data!.publishTreatment).toMatchObject({ summary: 'Worth keeping.', status: 'PUBLISHED' });
    });

    it('refuses a treatment that is not in the trash with CONFLICT, and an unknown one with NOT_FOUND', async () => {
      const treatment = await makeTreatment(api);
      const before = await contentCounts(api);
      const live = onlyError(await api.asEditor(RESTORE, { id: treatment.id }));
      expect(live.extensions.code).toBe('CONFLICT');
      expect(live.message).toBe('The treatment is not in the trash.');
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(RESTORE, { id }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No treatment with id "${id}".`);
      }
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(treatment.slug)).toMatchObject({ version: treatment.version });
    });
  });

  describe('purgeTreatment', () => {
    it('deletes a trashed treatment for good, with its history, freeing its slug', async () => {
      const treatment = await makeTreatment(api);
      const edited = await api.asEditor(UPDATE, { id: treatment.id, v: treatment.version, input: { summary: 'An edit' } });
      expect(edited.errors).toBeUndefined();
      expect((await api.asEditor(DELETE, { id: treatment.id })).errors).toBeUndefined();
      const revisions = await api.db.prisma.revision.count({ where: { documentId: treatment.id } });
      expect(revisions).toBeGreaterThan(0);
      const before = await contentCounts(api);

      expect(await api.asEditor(PURGE, { id: treatment.id })).toEqual({ status: 200, data: { purgeTreatment: treatment.id } });
      expect(await contentCounts(api)).toEqual({ ...before, treatments: before.treatments! - 1, revisions: before.revisions! - revisions });
      expect(await previewRead(treatment.slug)).toBeNull();

      // Gone for good: it cannot be restored or purged again, and its slug is free.
      for (const query of [RESTORE, PURGE]) {
        const error = onlyError(await api.asEditor(query, { id: treatment.id }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No treatment with id "${treatment.id}".`);
      }
      const again = await api.asEditor(CREATE, { input: { slug: treatment.slug, name: 'A new one' } });
      expect(again.errors).toBeUndefined();
      expect(again.data!.createTreatment).toMatchObject({ slug: treatment.slug, version: 1, status: 'DRAFT' });
      expect(again.data!.createTreatment.id).not.toBe(treatment.id);
    });

    it('purges a trashed treatment that only trashed comparisons and articles used', async () => {
      const [treatment, other] = [await makeTreatment(api), await makeTreatment(api)];
      const comparison = await makeComparison(api, { treatmentIds: [treatment.id, other.id], rows: [{ aspect: 'Cost', cells: [{ treatmentId: treatment.id, text: 'Cheap' }] }] });
      const article = await makeArticle(api, { treatmentIds: [treatment.id] });
      expect((await api.asEditor('mutation($id: ID!) { deleteComparison(id: $id) }', { id: comparison.id })).errors).toBeUndefined();
      expect((await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: article.id })).errors).toBeUndefined();
      // Only live documents hold a treatment back from the trash...
      expect(await api.asEditor(DELETE, { id: treatment.id })).toEqual({ status: 200, data: { deleteTreatment: treatment.id } });
      // ...and a trashed treatment is deleted for good on request.
      expect(await api.asEditor(PURGE, { id: treatment.id })).toEqual({ status: 200, data: { purgeTreatment: treatment.id } });
      expect(onlyError(await api.asEditor(RESTORE, { id: treatment.id })).extensions.code).toBe('NOT_FOUND');
    });

    it('refuses a treatment that is not in the trash with CONFLICT, deleting nothing', async () => {
      const treatment = await makeTreatment(api);
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(PURGE, { id: treatment.id }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toBe('The treatment is not in the trash.');
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(treatment.slug)).toMatchObject({ id: treatment.id, version: treatment.version });
    });

    it('is NOT_FOUND for an unknown id and for editors only', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(PURGE, { id }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No treatment with id "${id}".`);
      }
      const treatment: Made = await makeTreatment(api, {}, { publish: false });
      expect((await api.asEditor(DELETE, { id: treatment.id })).errors).toBeUndefined();
      const before = await contentCounts(api);
      expect(onlyError(await api.query(PURGE, { id: treatment.id })).extensions.code).toBe('UNAUTHENTICATED');
      expect(await contentCounts(api)).toEqual(before);
    });
  });
});
