/**
 * Treatments: what articles are about and comparisons compare. Editors create, update and
 * delete them; frontends read one by slug or list them, with the articles and comparisons
 * that use each.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts, makeArticle, makeCategory, makeComparison, makePerson, makeTreatment } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const TREATMENT_FIELDS = `
  id slug name summary otherNames
  description {
    __typename
    ... on HeadingBlock { level text anchor }
    ... on ParagraphBlock { text }
    ... on QuoteBlock { text person { slug } }
  }
  createdAt updatedAt`;
const CREATE = `mutation($input: CreateTreatmentInput!) { createTreatment(input: $input) { ${TREATMENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTreatmentInput!) { updateTreatment(id: $id, input: $input) { ${TREATMENT_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteTreatment(id: $id) }';
const GET = `query($slug: String!) { treatment(slug: $slug) { ${TREATMENT_FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $where: TreatmentWhereInput) {
  treatments(first: $first, after: $after, where: $where) {
    totalCount
    edges { cursor node { slug } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const USES = `query($slug: String!, $first: Int) {
  treatment(slug: $slug) { articles(first: $first) { slug } comparisons { slug } }
}`;

const MISSING_ID = '01900000-0000-7000-8000-000000000000';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Edges = { edges: { node: { slug: string } }[] };
const slugsOf = (connection: Edges) => connection.edges.map((e) => e.node.slug);

describe('treatments', () => {
  const api = useTestApi();

  describe('createTreatment', () => {
    it('needs only a slug and a name', async () => {
      const { data, errors } = await api.asEditor(CREATE, { input: { slug: 'cupping', name: 'Cupping' } });
      expect(errors).toBeUndefined();
      expect(data!.createTreatment).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        slug: 'cupping',
        name: 'Cupping',
        summary: null,
        otherNames: [],
        description: [],
        createdAt: expect.stringMatching(ISO_INSTANT),
        updatedAt: expect.stringMatching(ISO_INSTANT),
      });
    });

    it('stores a summary, other names and a description, and serves them back by slug', async () => {
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
      expect(data!.createTreatment).toMatchObject({
        slug: 'dry-needling',
        name: 'Dry needling',
        summary: 'Thin needles into trigger points.',
        otherNames: ['Intramuscular stimulation', 'Trigger point dry needling'],
        description: [
          { __typename: 'HeadingBlock', level: 2, text: 'How it works', anchor: 'how-it-works' },
          { __typename: 'ParagraphBlock', text: 'A needle releases the knot.' },
          { __typename: 'QuoteBlock', text: 'It is not acupuncture.', person: { slug: expert.slug } },
        ],
      });
      // The public reads exactly what the editor wrote.
      const read = await api.query(GET, { slug: 'dry-needling' });
      expect(read).toEqual({ status: 200, data: { treatment: data!.createTreatment } });
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
    });

    it('refuses a taken slug with CONFLICT and writes nothing', async () => {
      const existing = await makeTreatment(api);
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(CREATE, { input: { slug: existing.slug, name: 'Someone else' } }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toBe('Another treatment already uses this slug.');
      expect(await contentCounts(api)).toEqual(before);
    });

    it('is for editors only', async () => {
      const before = await contentCounts(api);
      const error = onlyError(await api.query(CREATE, { input: { slug: 'anonymous', name: 'Anonymous' } }));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(await contentCounts(api)).toEqual(before);
    });
  });

  describe('treatment(slug)', () => {
    it('answers null, not an error, for an unknown slug', async () => {
      expect(await api.query(GET, { slug: 'no-such-treatment' })).toEqual({ status: 200, data: { treatment: null } });
    });
  });

  describe('treatments (the list)', () => {
    it('pages through every treatment, most recently created first, each once', async () => {
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await makeTreatment(api)).slug);
      const total = await api.db.prisma.treatment.count();

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

    it('gives each edge a cursor that continues right after it', async () => {
      const [a, b, c] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      const { data } = await api.query(LIST, { first: 3 });
      expect(slugsOf(data!.treatments)).toEqual([c.slug, b.slug, a.slug]);
      const middle = data!.treatments.edges[1].cursor;
      expect(data!.treatments.pageInfo.startCursor).toBe(data!.treatments.edges[0].cursor);
      const next = await api.query(LIST, { first: 1, after: middle });
      expect(slugsOf(next.data!.treatments)).toEqual([a.slug]);
    });

    it('filters to treatments covered by articles in a category, each once', async () => {
      const [pain, sleep] = [await makeCategory(api), await makeCategory(api)];
      const [t1, t2, t3, uncovered] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      await makeArticle(api, { categoryId: pain.id, treatmentIds: [t1.id, t2.id] });
      await makeArticle(api, { categoryId: pain.id, treatmentIds: [t1.id] });
      await makeArticle(api, { categoryId: sleep.id, treatmentIds: [t3.id] });
      await makeArticle(api, { treatmentIds: [uncovered.id] });

      const { data, errors } = await api.query(LIST, { where: { categorySlug: pain.slug } });
      expect(errors).toBeUndefined();
      expect(data!.treatments).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false, hasPreviousPage: false } });
      expect(slugsOf(data!.treatments)).toEqual([t2.slug, t1.slug]);

      const paged = await api.query(LIST, { first: 1, where: { categorySlug: pain.slug } });
      expect(paged.data!.treatments).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const rest = await api.query(LIST, { first: 1, after: paged.data!.treatments.pageInfo.endCursor, where: { categorySlug: pain.slug } });
      expect(slugsOf(rest.data!.treatments)).toEqual([t1.slug]);
      expect(rest.data!.treatments.pageInfo.hasNextPage).toBe(false);

      const none = await api.query(LIST, { where: { categorySlug: 'no-such-category' } });
      expect(none.data!.treatments).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    });

    it('filters to the treatments compared with one, leaving that one out', async () => {
      const [base, x, y, z] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      await makeComparison(api, { treatmentIds: [base.id, x.id] });
      await makeComparison(api, { treatmentIds: [y.id, base.id, x.id] });
      await makeComparison(api, { treatmentIds: [y.id, z.id] });

      const { data, errors } = await api.query(LIST, { where: { comparedWithSlug: base.slug } });
      expect(errors).toBeUndefined();
      expect(data!.treatments.totalCount).toBe(2);
      expect(slugsOf(data!.treatments)).toEqual([y.slug, x.slug]);

      const withZ = await api.query(LIST, { where: { comparedWithSlug: z.slug } });
      expect(withZ.data!.treatments.totalCount).toBe(1);
      expect(slugsOf(withZ.data!.treatments)).toEqual([y.slug]);
    });

    it('combines both filters', async () => {
      const category = await makeCategory(api);
      const [base, inCategory, elsewhere] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      await makeComparison(api, { treatmentIds: [base.id, inCategory.id, elsewhere.id] });
      await makeArticle(api, { categoryId: category.id, treatmentIds: [inCategory.id, base.id] });
      const { data } = await api.query(LIST, { where: { categorySlug: category.slug, comparedWithSlug: base.slug } });
      expect(data!.treatments.totalCount).toBe(1);
      expect(slugsOf(data!.treatments)).toEqual([inCategory.slug]);
    });

    it('refuses a page size outside 1..100 and a cursor it did not give out', async () => {
      for (const first of [0, 101]) {
        const error = onlyError(await api.query(LIST, { first }));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'first', message: 'must be between 1 and 100' }] });
      }
      const error = onlyError(await api.query(LIST, { after: 'not-a-cursor' }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'after', message: 'is not a cursor this list gave out' }] });
    });
  });

  describe('Treatment.articles and Treatment.comparisons', () => {
    it('lists the articles about a treatment, newest first and undated last, at most `first`', async () => {
      const [treatment, other] = [await makeTreatment(api), await makeTreatment(api)];
      const january = await makeArticle(api, { treatmentIds: [treatment.id], publishedAt: '2024-01-01T00:00:00Z' });
      const march = await makeArticle(api, { treatmentIds: [other.id, treatment.id], publishedAt: '2024-03-01T00:00:00Z' });
      const undated = await makeArticle(api, { treatmentIds: [treatment.id] });
      const february = await makeArticle(api, { treatmentIds: [treatment.id], publishedAt: '2024-02-01T00:00:00Z' });
      await makeArticle(api, { treatmentIds: [other.id], publishedAt: '2024-04-01T00:00:00Z' });

      const all = await api.query(USES, { slug: treatment.slug });
      expect(all.errors).toBeUndefined();
      expect(all.data!.treatment.articles).toEqual([{ slug: march.slug }, { slug: february.slug }, { slug: january.slug }, { slug: undated.slug }]);

      const two = await api.query(USES, { slug: treatment.slug, first: 2 });
      expect(two.data!.treatment.articles).toEqual([{ slug: march.slug }, { slug: february.slug }]);
    });

    it('lists the comparisons that include a treatment, newest first', async () => {
      const [treatment, a, b] = [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
      const older = await makeComparison(api, { treatmentIds: [treatment.id, a.id] });
      await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const newer = await makeComparison(api, { treatmentIds: [b.id, treatment.id] });

      const { data, errors } = await api.query(USES, { slug: treatment.slug });
      expect(errors).toBeUndefined();
      expect(data!.treatment).toEqual({ articles: [], comparisons: [{ slug: newer.slug }, { slug: older.slug }] });
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

      const renamed = await api.asEditor(UPDATE, { id: original.id, input: { name: 'Acupuncture (traditional)' } });
      expect(renamed.errors).toBeUndefined();
      expect(renamed.data!.updateTreatment).toEqual({ ...original, name: 'Acupuncture (traditional)', updatedAt: expect.stringMatching(ISO_INSTANT) });

      const cleared = await api.asEditor(UPDATE, { id: original.id, input: { summary: null, otherNames: ['Acupressure with needles'] } });
      expect(cleared.errors).toBeUndefined();
      expect(cleared.data!.updateTreatment).toMatchObject({
        slug: 'acupuncture',
        name: 'Acupuncture (traditional)',
        summary: null,
        otherNames: ['Acupressure with needles'],
        description: [{ __typename: 'ParagraphBlock', text: 'An ancient practice.' }],
      });

      const emptied = await api.asEditor(UPDATE, { id: original.id, input: { otherNames: [], description: [{ heading: { level: 3, text: 'Rewritten' } }], slug: 'acupuncture-traditional' } });
      expect(emptied.data!.updateTreatment).toMatchObject({
        slug: 'acupuncture-traditional',
        otherNames: [],
        summary: null,
        description: [{ __typename: 'HeadingBlock', level: 3, text: 'Rewritten' }],
      });
      expect((await api.query(GET, { slug: 'acupuncture' })).data).toEqual({ treatment: null });
      expect((await api.query(GET, { slug: 'acupuncture-traditional' })).data!.treatment).toEqual(emptied.data!.updateTreatment);
    });

    it('refuses invalid fields with BAD_USER_INPUT naming each, and changes nothing', async () => {
      const treatment = await makeTreatment(api, { summary: 'Kept', otherNames: ['Kept name'] });
      const before = (await api.query(GET, { slug: treatment.slug })).data!.treatment;

      const error = onlyError(
        await api.asEditor(UPDATE, {
          id: treatment.id,
          input: { slug: 'bad--slug', name: '', summary: 's'.repeat(1001), otherNames: ['Same', 'SAME'] },
        }),
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.issues.map((i: { path: string }) => i.path)).toEqual(['input.slug', 'input.name', 'input.summary', 'input.otherNames']);
      expect((await api.query(GET, { slug: treatment.slug })).data!.treatment).toEqual(before);
    });

    it('refuses a slug another treatment has with CONFLICT, and changes nothing', async () => {
      const taken = await makeTreatment(api);
      const treatment = await makeTreatment(api);
      const error = onlyError(await api.asEditor(UPDATE, { id: treatment.id, input: { slug: taken.slug, name: 'Changed' } }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toBe('Another treatment already uses this slug.');
      expect((await api.query(GET, { slug: treatment.slug })).data!.treatment.name).toBe(`Treatment ${treatment.slug}`);
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(UPDATE, { id, input: { name: 'x' } }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No treatment with id "${id}".`);
      }
    });
  });

  describe('deleteTreatment', () => {
    it('deletes a treatment nothing uses', async () => {
      const treatment = await makeTreatment(api);
      const before = await contentCounts(api);
      expect(await api.asEditor(DELETE, { id: treatment.id })).toEqual({ status: 200, data: { deleteTreatment: treatment.id } });
      expect((await api.query(GET, { slug: treatment.slug })).data).toEqual({ treatment: null });
      expect(await contentCounts(api)).toEqual({ ...before, treatments: before.treatments! - 1 });
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
      expect(error.message).toBe(
        `Treatment "Treatment ${treatment.slug}" is used by comparison(s) "${comparison.slug}" and article(s) "${article.slug}"; remove it from them first.`,
      );
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { comparisons: [comparison.slug], articles: [article.slug] } });
      expect(await contentCounts(api)).toEqual(before);
      expect((await api.query(GET, { slug: treatment.slug })).data!.treatment).not.toBeNull();
    });

    it('names every article that uses it', async () => {
      const treatment = await makeTreatment(api);
      const [first, second] = [await makeArticle(api, { treatmentIds: [treatment.id] }), await makeArticle(api, { treatmentIds: [treatment.id] })];
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(DELETE, { id: treatment.id }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.extensions.usedBy.comparisons).toEqual([]);
      expect([...error.extensions.usedBy.articles].sort()).toEqual([first.slug, second.slug].sort());
      expect(error.message).toContain(`"${first.slug}"`);
      expect(error.message).toContain(`"${second.slug}"`);
      expect(await contentCounts(api)).toEqual(before);
    });

    it('is refused while only a comparison uses it', async () => {
      const [treatment, other] = [await makeTreatment(api), await makeTreatment(api)];
      const comparison = await makeComparison(api, { treatmentIds: [other.id, treatment.id] });
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(DELETE, { id: treatment.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { comparisons: [comparison.slug], articles: [] } });
      expect(error.message).toBe(`Treatment "Treatment ${treatment.slug}" is used by comparison(s) "${comparison.slug}"; remove it from them first.`);
      expect(await contentCounts(api)).toEqual(before);
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
  });
});
