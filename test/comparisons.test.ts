/**
 * Comparisons: two or more treatments compared aspect by aspect. Each row has one cell per
 * compared treatment, in the comparison's column order, so a frontend renders the table as is.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts, makeArticle, makeComparison, makeTreatment } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const COMPARISON_FIELDS = `
  id slug title intro verdict
  treatments { slug }
  rows { aspect cells { treatment { slug } text } }
  articles { slug }`;
const CREATE = `mutation($input: CreateComparisonInput!) { createComparison(input: $input) { ${COMPARISON_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateComparisonInput!) { updateComparison(id: $id, input: $input) { ${COMPARISON_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteComparison(id: $id) }';
const GET = `query($slug: String!) { comparison(slug: $slug) { ${COMPARISON_FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $where: ComparisonWhereInput) {
  comparisons(first: $first, after: $after, where: $where) {
    totalCount
    edges { node { slug } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

const MISSING_ID = '01900000-0000-7000-8000-000000000000';

type Ref = { id: string; slug: string };
/** The cells a row should read back as: one per column, text or null. */
const cells = (...columns: [Ref, string | null][]) => columns.map(([t, text]) => ({ treatment: { slug: t.slug }, text }));

describe('comparisons', () => {
  const api = useTestApi();

  async function threeTreatments(): Promise<[Ref, Ref, Ref]> {
    return [await makeTreatment(api), await makeTreatment(api), await makeTreatment(api)];
  }

  describe('createComparison', () => {
    it('needs only a slug and a title', async () => {
      const { data, errors } = await api.asEditor(CREATE, { input: { slug: 'bare-comparison', title: 'Bare comparison' } });
      expect(errors).toBeUndefined();
      expect(data!.createComparison).toEqual({
        id: expect.any(String),
        slug: 'bare-comparison',
        title: 'Bare comparison',
        intro: null,
        verdict: null,
        treatments: [],
        rows: [],
        articles: [],
      });
    });

    it('stores treatments in column order and rows with one cell per treatment, null where none was written', async () => {
      const [a, b, c] = await threeTreatments();
      const { data, errors } = await api.asEditor(CREATE, {
        input: {
          slug: 'needles-compared',
          title: 'Needles compared',
          intro: 'Three ways with needles.',
          verdict: 'It depends.',
          treatmentIds: [b.id, a.id, c.id],
          rows: [
            { aspect: 'Origins', cells: [{ treatmentId: a.id, text: 'A origins' }, { treatmentId: b.id, text: 'B origins' }] },
            { aspect: 'Cost', cells: [] },
            {
              aspect: 'How it feels',
              cells: [
                { treatmentId: c.id, text: 'C feels' },
                { treatmentId: b.id, text: 'B feels' },
                { treatmentId: a.id, text: 'A feels' },
              ],
            },
          ],
        },
      });
      expect(errors).toBeUndefined();
      expect(data!.createComparison).toMatchObject({
        slug: 'needles-compared',
        title: 'Needles compared',
        intro: 'Three ways with needles.',
        verdict: 'It depends.',
        treatments: [{ slug: b.slug }, { slug: a.slug }, { slug: c.slug }],
        rows: [
          { aspect: 'Origins', cells: cells([b, 'B origins'], [a, 'A origins'], [c, null]) },
          { aspect: 'Cost', cells: cells([b, null], [a, null], [c, null]) },
          { aspect: 'How it feels', cells: cells([b, 'B feels'], [a, 'A feels'], [c, 'C feels']) },
        ],
        articles: [],
      });
      const read = await api.query(GET, { slug: 'needles-compared' });
      expect(read).toEqual({ status: 200, data: { comparison: data!.createComparison } });
    });

    it('refuses a cell for a treatment the comparison does not compare, naming the cell, and writes nothing', async () => {
      const [a, b, outsider] = await threeTreatments();
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(CREATE, {
          input: {
            slug: 'with-outsider',
            title: 'With an outsider',
            treatmentIds: [a.id, b.id],
            rows: [
              { aspect: 'Fine', cells: [{ treatmentId: a.id, text: 'ok' }] },
              { aspect: 'Not fine', cells: [{ treatmentId: b.id, text: 'ok' }, { treatmentId: outsider.id, text: 'not compared' }] },
            ],
          },
        }),
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.rows.1.cells.1.treatmentId', message: `treatment "${outsider.id}" is not one of the treatments this comparison compares` }],
      });
      expect(await contentCounts(api)).toEqual(before);
      expect((await api.query(GET, { slug: 'with-outsider' })).data).toEqual({ comparison: null });
    });

    it('refuses cells when no treatments are compared', async () => {
      const [a] = await threeTreatments();
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(CREATE, { input: { slug: 'no-columns', title: 'No columns', rows: [{ aspect: 'X', cells: [{ treatmentId: a.id, text: 'x' }] }] } }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.rows.0.cells.0.treatmentId' }] });
      expect(await contentCounts(api)).toEqual(before);
    });

    it('refuses a second cell for the same treatment in a row', async () => {
      const [a, b] = await threeTreatments();
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(CREATE, {
          input: {
            slug: 'repeated-cell',
            title: 'Repeated cell',
            treatmentIds: [a.id, b.id],
            rows: [
              { aspect: 'Once each', cells: [{ treatmentId: a.id, text: 'a' }, { treatmentId: b.id, text: 'b' }] },
              { aspect: 'Twice', cells: [{ treatmentId: a.id, text: 'first' }, { treatmentId: b.id, text: 'b' }, { treatmentId: a.id, text: 'again' }] },
            ],
          },
        }),
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.rows.1.cells.2.treatmentId', message: 'repeats a treatment already given a cell in this row' }],
      });
      expect(await contentCounts(api)).toEqual(before);
    });

    it('needs at least two treatments to compare', async () => {
      const [a] = await threeTreatments();
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(CREATE, { input: { slug: 'lonely', title: 'Lonely', treatmentIds: [a.id] } }));
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.treatmentIds', message: 'must name at least two treatments to compare' }],
      });
      expect(await contentCounts(api)).toEqual(before);
    });

    it('refuses a treatment id that does not exist, naming its position', async () => {
      const [a, b] = await threeTreatments();
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(CREATE, { input: { slug: 'dangling-column', title: 'Dangling', treatmentIds: [a.id, b.id, MISSING_ID] } }));
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.treatmentIds.2', message: `no treatment has id "${MISSING_ID}"` }],
      });
      expect(await contentCounts(api)).toEqual(before);
    });

    it('names every invalid field in one BAD_USER_INPUT', async () => {
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(CREATE, { input: { slug: '-bad-', title: ' ', treatmentIds: ['not-an-id', MISSING_ID], rows: [{ aspect: '', cells: [] }] } }),
      );
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.issues.map((i: { path: string }) => i.path).sort()).toEqual(['input.rows.0.aspect', 'input.slug', 'input.title', 'input.treatmentIds.0'].sort());
      expect(await contentCounts(api)).toEqual(before);
    });

    it('refuses a taken slug with CONFLICT and writes nothing', async () => {
      const [a, b] = await threeTreatments();
      const existing = await makeComparison(api);
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(CREATE, {
          input: { slug: existing.slug, title: 'Again', treatmentIds: [a.id, b.id], rows: [{ aspect: 'X', cells: [{ treatmentId: a.id, text: 'x' }] }] },
        }),
      );
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toBe('Another comparison already uses this slug.');
      expect(await contentCounts(api)).toEqual(before);
    });
  });

  describe('comparison(slug)', () => {
    it('answers null, not an error, for an unknown slug', async () => {
      expect(await api.query(GET, { slug: 'no-such-comparison' })).toEqual({ status: 200, data: { comparison: null } });
    });
  });

  describe('updateComparison', () => {
    async function tableOf(treatments: Ref[]) {
      const { data, errors } = await api.asEditor(CREATE, {
        input: {
          slug: `table-${treatments.map((t) => t.slug).join('-')}`,
          title: 'A table',
          intro: 'Intro',
          verdict: 'Verdict',
          treatmentIds: treatments.map((t) => t.id),
          rows: ['Origins', 'Cost'].map((aspect) => ({ aspect, cells: treatments.map((t) => ({ treatmentId: t.id, text: `${aspect} of ${t.slug}` })) })),
        },
      });
      expect(errors).toBeUndefined();
      return data!.createComparison;
    }

    it('changes only the fields given, keeping treatments and rows when they are absent', async () => {
      const [a, b] = await threeTreatments();
      const original = await tableOf([a, b]);
      const { data, errors } = await api.asEditor(UPDATE, { id: original.id, input: { title: 'Renamed', intro: null } });
      expect(errors).toBeUndefined();
      expect(data!.updateComparison).toEqual({ ...original, title: 'Renamed', intro: null });
      expect((await api.query(GET, { slug: original.slug })).data!.comparison).toEqual(data!.updateComparison);
    });

    it('replaces every row when rows are given', async () => {
      const [a, b] = await threeTreatments();
      const original = await tableOf([a, b]);
      const { data, errors } = await api.asEditor(UPDATE, {
        id: original.id,
        input: { rows: [{ aspect: 'Session length', cells: [{ treatmentId: b.id, text: '30 minutes' }] }] },
      });
      expect(errors).toBeUndefined();
      expect(data!.updateComparison.rows).toEqual([{ aspect: 'Session length', cells: cells([a, null], [b, '30 minutes']) }]);
      expect(data!.updateComparison.treatments).toEqual([{ slug: a.slug }, { slug: b.slug }]);

      const emptied = await api.asEditor(UPDATE, { id: original.id, input: { rows: [] } });
      expect(emptied.data!.updateComparison.rows).toEqual([]);
      expect(await api.db.prisma.comparisonCell.count({ where: { comparisonId: original.id } })).toBe(0);
    });

    it('reorders columns and drops the cells of a removed treatment, keeping the others', async () => {
      const [a, b, c] = await threeTreatments();
      const original = await tableOf([a, b, c]);
      const before = await contentCounts(api);

      const { data, errors } = await api.asEditor(UPDATE, { id: original.id, input: { treatmentIds: [c.id, a.id] } });
      expect(errors).toBeUndefined();
      expect(data!.updateComparison.treatments).toEqual([{ slug: c.slug }, { slug: a.slug }]);
      expect(data!.updateComparison.rows).toEqual([
        { aspect: 'Origins', cells: cells([c, `Origins of ${c.slug}`], [a, `Origins of ${a.slug}`]) },
        { aspect: 'Cost', cells: cells([c, `Cost of ${c.slug}`], [a, `Cost of ${a.slug}`]) },
      ]);
      expect(await contentCounts(api)).toEqual({ ...before, compared: before.compared! - 1, cells: before.cells! - 2 });

      // Bringing the treatment back gives it an empty column: its old cells are gone for good.
      const back = await api.asEditor(UPDATE, { id: original.id, input: { treatmentIds: [b.id, c.id, a.id] } });
      expect(back.data!.updateComparison.rows).toEqual([
        { aspect: 'Origins', cells: cells([b, null], [c, `Origins of ${c.slug}`], [a, `Origins of ${a.slug}`]) },
        { aspect: 'Cost', cells: cells([b, null], [c, `Cost of ${c.slug}`], [a, `Cost of ${a.slug}`]) },
      ]);
    });

    it('accepts cells for a treatment added in the same update', async () => {
      const [a, b, c] = await threeTreatments();
      const original = await tableOf([a, b]);
      const { data, errors } = await api.asEditor(UPDATE, {
        id: original.id,
        input: { treatmentIds: [a.id, c.id], rows: [{ aspect: 'New', cells: [{ treatmentId: c.id, text: 'c' }, { treatmentId: a.id, text: 'a' }] }] },
      });
      expect(errors).toBeUndefined();
      expect(data!.updateComparison.rows).toEqual([{ aspect: 'New', cells: cells([a, 'a'], [c, 'c']) }]);
    });

    it('refuses rows with a cell for a treatment the comparison lacks, and changes nothing', async () => {
      const [a, b, outsider] = await threeTreatments();
      const original = await tableOf([a, b]);
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(UPDATE, {
          id: original.id,
          input: { title: 'Changed', rows: [{ aspect: 'Row', cells: [{ treatmentId: a.id, text: 'a' }] }, { aspect: 'Other', cells: [{ treatmentId: outsider.id, text: 'x' }] }] },
        }),
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.rows.1.cells.0.treatmentId', message: `treatment "${outsider.id}" is not one of the treatments this comparison compares` }],
      });
      expect(await contentCounts(api)).toEqual(before);
      expect((await api.query(GET, { slug: original.slug })).data!.comparison).toEqual(original);
    });

    it('refuses rows with a cell for a treatment the same update removes', async () => {
      const [a, b, c] = await threeTreatments();
      const original = await tableOf([a, b]);
      const error = onlyError(
        await api.asEditor(UPDATE, {
          id: original.id,
          input: { treatmentIds: [a.id, c.id], rows: [{ aspect: 'Row', cells: [{ treatmentId: b.id, text: 'b' }] }] },
        }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.rows.0.cells.0.treatmentId' }] });
      expect((await api.query(GET, { slug: original.slug })).data!.comparison).toEqual(original);
    });

    it('refuses fewer than two treatments and unknown treatment ids', async () => {
      const [a, b] = await threeTreatments();
      const original = await tableOf([a, b]);
      const lonely = onlyError(await api.asEditor(UPDATE, { id: original.id, input: { treatmentIds: [b.id] } }));
      expect(lonely.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.treatmentIds', message: 'must name at least two treatments to compare' }] });
      const dangling = onlyError(await api.asEditor(UPDATE, { id: original.id, input: { treatmentIds: [MISSING_ID, a.id] } }));
      expect(dangling.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.treatmentIds.0', message: `no treatment has id "${MISSING_ID}"` }] });
      expect((await api.query(GET, { slug: original.slug })).data!.comparison).toEqual(original);
    });

    it('refuses a slug another comparison has with CONFLICT, undoing the rows and columns it had rewritten', async () => {
      const [a, b, c] = await threeTreatments();
      const taken = await makeComparison(api);
      const original = await tableOf([a, b]);
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(UPDATE, {
          id: original.id,
          input: { slug: taken.slug, treatmentIds: [c.id, a.id], rows: [{ aspect: 'Only', cells: [{ treatmentId: c.id, text: 'c' }] }] },
        }),
      );
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toBe('Another comparison already uses this slug.');
      expect(await contentCounts(api)).toEqual(before);
      expect((await api.query(GET, { slug: original.slug })).data!.comparison).toEqual(original);
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(UPDATE, { id, input: { title: 'x' } }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No comparison with id "${id}".`);
      }
    });
  });

  describe('comparisons (the list)', () => {
    it('filters to the comparisons that include a treatment, newest first', async () => {
      const [a, b, c] = await threeTreatments();
      const older = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const newer = await makeComparison(api, { treatmentIds: [b.id, c.id] });
      await makeComparison(api, { treatmentIds: [a.id, c.id] });

      const { data, errors } = await api.query(LIST, { where: { treatmentSlug: b.slug } });
      expect(errors).toBeUndefined();
      expect(data!.comparisons).toEqual({
        totalCount: 2,
        edges: [{ node: { slug: newer.slug } }, { node: { slug: older.slug } }],
        pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: expect.any(String) },
      });

      const page = await api.query(LIST, { first: 1, where: { treatmentSlug: b.slug } });
      expect(page.data!.comparisons).toMatchObject({ totalCount: 2, edges: [{ node: { slug: newer.slug } }], pageInfo: { hasNextPage: true } });
      const next = await api.query(LIST, { first: 1, after: page.data!.comparisons.pageInfo.endCursor, where: { treatmentSlug: b.slug } });
      expect(next.data!.comparisons).toMatchObject({ totalCount: 2, edges: [{ node: { slug: older.slug } }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });

      const none = await api.query(LIST, { where: { treatmentSlug: 'no-such-treatment' } });
      expect(none.data!.comparisons).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('lists every comparison without a filter', async () => {
      const latest = await makeComparison(api);
      const { data } = await api.query(LIST, { first: 100 });
      expect(data!.comparisons.totalCount).toBe(await api.db.prisma.comparison.count());
      expect(data!.comparisons.edges[0]).toEqual({ node: { slug: latest.slug } });
    });
  });

  describe('Comparison.articles', () => {
    it('lists the articles that hold a comparison, newest first', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const other = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const january = await makeArticle(api, { comparisonIds: [comparison.id], publishedAt: '2024-01-10T00:00:00Z' });
      const march = await makeArticle(api, { comparisonIds: [other.id, comparison.id], publishedAt: '2024-03-10T00:00:00Z' });
      await makeArticle(api, { comparisonIds: [other.id] });

      const { data } = await api.query(GET, { slug: comparison.slug });
      expect(data!.comparison.articles).toEqual([{ slug: march.slug }, { slug: january.slug }]);
    });
  });

  describe('deleteComparison', () => {
    it('deletes an unused comparison with its columns, rows and cells, leaving the treatments', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, {
        treatmentIds: [a.id, b.id],
        rows: [
          { aspect: 'One', cells: [{ treatmentId: a.id, text: 'a' }, { treatmentId: b.id, text: 'b' }] },
          { aspect: 'Two', cells: [{ treatmentId: b.id, text: 'b' }] },
        ],
      });
      const before = await contentCounts(api);
      expect(await api.asEditor(DELETE, { id: comparison.id })).toEqual({ status: 200, data: { deleteComparison: comparison.id } });
      expect((await api.query(GET, { slug: comparison.slug })).data).toEqual({ comparison: null });
      expect(await contentCounts(api)).toEqual({ ...before, comparisons: before.comparisons! - 1, compared: before.compared! - 2, rows: before.rows! - 2, cells: before.cells! - 3 });
    });

    it('is refused with CONFLICT naming the article that holds it, deleting nothing', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id], rows: [{ aspect: 'One', cells: [{ treatmentId: a.id, text: 'a' }] }] });
      const article = await makeArticle(api, { comparisonIds: [comparison.id] });
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(DELETE, { id: comparison.id }));
      expect(error.message).toBe(`Comparison "Comparison ${comparison.slug}" is held by article(s) "${article.slug}"; remove it from them first.`);
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: [article.slug] } });
      expect(await contentCounts(api)).toEqual(before);
      expect((await api.query(GET, { slug: comparison.slug })).data!.comparison.articles).toEqual([{ slug: article.slug }]);
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(DELETE, { id }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No comparison with id "${id}".`);
      }
    });
  });
});
