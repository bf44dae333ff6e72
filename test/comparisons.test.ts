/**
 * Comparisons: two or more treatments compared aspect by aspect. Each row has one cell per
 * compared treatment, in the comparison's column order, so a frontend renders the table as is.
 * Editors write drafts (which may compare fewer than two treatments) and publish them (which
 * needs two or more); the public reads published comparisons, editors preview drafts.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts, makeArticle, makeComparison, makeTreatment } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const COMPARISON_FIELDS = `
  id slug title intro verdict version status
  treatments { slug }
  rows { aspect cells { treatment { slug } text } }
  articles { slug }`;
const CREATE = `mutation($input: CreateComparisonInput!) { createComparison(input: $input) { ${COMPARISON_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateComparisonInput!, $v: Int!) { updateComparison(id: $id, input: $input, expectedVersion: $v) { ${COMPARISON_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishComparison(id: $id, expectedVersion: $v) { ${COMPARISON_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteComparison(id: $id) }';
const RESTORE = `mutation($id: ID!) { restoreComparison(id: $id) { ${COMPARISON_FIELDS} deletedAt } }`;
const PURGE = 'mutation($id: ID!) { purgeComparison(id: $id) }';
const GET = `query($slug: String!, $preview: Boolean) { comparison(slug: $slug, preview: $preview) { ${COMPARISON_FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $where: ComparisonWhereInput, $preview: Boolean) {
  comparisons(first: $first, after: $after, where: $where, preview: $preview) {
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

  /** The comparison as the public sees it (null when not published). */
  async function publicRead(slug: string) {
    const { data, errors } = await api.query(GET, { slug });
    expect(errors).toBeUndefined();
    return data!.comparison;
  }

  /** The comparison's draft, as an editor previews it (null when there is none, or it is trashed). */
  async function previewRead(slug: string) {
    const { data, errors } = await api.asEditor(GET, { slug, preview: true });
    expect(errors).toBeUndefined();
    return data!.comparison;
  }

  async function publish(comparison: { id: string; version: number }) {
    const { data, errors } = await api.asEditor(PUBLISH, { id: comparison.id, v: comparison.version });
    expect(errors).toBeUndefined();
    return data!.publishComparison;
  }

  describe('createComparison', () => {
    it('needs only a slug and a title, making an unpublished draft at version 1', async () => {
      const { data, errors } = await api.asEditor(CREATE, { input: { slug: 'bare-comparison', title: 'Bare comparison' } });
      expect(errors).toBeUndefined();
      expect(data!.createComparison).toEqual({
        id: expect.any(String),
        slug: 'bare-comparison',
        title: 'Bare comparison',
        intro: null,
        verdict: null,
        version: 1,
        status: 'DRAFT',
        treatments: [],
        rows: [],
        articles: [],
      });
      expect(await previewRead('bare-comparison')).toEqual(data!.createComparison);
      expect(await publicRead('bare-comparison')).toBeNull();
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
      const created = data!.createComparison;
      expect(created).toMatchObject({
        slug: 'needles-compared',
        title: 'Needles compared',
        intro: 'Three ways with needles.',
        verdict: 'It depends.',
        version: 1,
        status: 'DRAFT',
        treatments: [{ slug: b.slug }, { slug: a.slug }, { slug: c.slug }],
        rows: [
          { aspect: 'Origins', cells: cells([b, 'B origins'], [a, 'A origins'], [c, null]) },
          { aspect: 'Cost', cells: cells([b, null], [a, null], [c, null]) },
          { aspect: 'How it feels', cells: cells([b, 'B feels'], [a, 'A feels'], [c, 'C feels']) },
        ],
        articles: [],
      });
      expect(await api.asEditor(GET, { slug: 'needles-compared', preview: true })).toEqual({ status: 200, data: { comparison: created } });
      expect(await api.query(GET, { slug: 'needles-compared' })).toEqual({ status: 200, data: { comparison: null } });

      // Published, the public reads the same table.
      const published = await publish(created);
      expect(published).toEqual({ ...created, version: 2, status: 'PUBLISHED' });
      expect(await api.query(GET, { slug: 'needles-compared' })).toEqual({ status: 200, data: { comparison: published } });
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
      expect(await previewRead('with-outsider')).toBeNull();
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

    it('refuses a treatment that is in the trash like one that does not exist', async () => {
      const [a, b] = await threeTreatments();
      expect((await api.asEditor('mutation($id: ID!) { deleteTreatment(id: $id) }', { id: b.id })).errors).toBeUndefined();
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(CREATE, { input: { slug: 'with-trashed', title: 'With trashed', treatmentIds: [a.id, b.id] } }));
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.treatmentIds.1', message: `no treatment has id "${b.id}"` }] });
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

    it('refuses a slug a published or a draft comparison has with CONFLICT and writes nothing', async () => {
      const [a, b] = await threeTreatments();
      const published = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const draft = await makeComparison(api, {}, { publish: false });
      for (const existing of [published, draft]) {
        const before = await contentCounts(api);
        const error = onlyError(
          await api.asEditor(CREATE, {
            input: { slug: existing.slug, title: 'Again', treatmentIds: [a.id, b.id], rows: [{ aspect: 'X', cells: [{ treatmentId: a.id, text: 'x' }] }] },
          }),
        );
        expect(error.extensions.code).toBe('CONFLICT');
        expect(error.message).toBe('Another comparison already uses this slug.');
        expect(await contentCounts(api)).toEqual(before);
        expect((await previewRead(existing.slug)).title).toBe(`Comparison ${existing.slug}`);
      }
    });

    it('is for editors only', async () => {
      const before = await contentCounts(api);
      const error = onlyError(await api.query(CREATE, { input: { slug: 'anonymous-comparison', title: 'Anonymous' } }));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(await contentCounts(api)).toEqual(before);
    });
  });

  describe('comparison(slug)', () => {
    it('answers null, not an error, for an unknown slug, publicly and in preview', async () => {
      expect(await api.query(GET, { slug: 'no-such-comparison' })).toEqual({ status: 200, data: { comparison: null } });
      expect(await api.asEditor(GET, { slug: 'no-such-comparison', preview: true })).toEqual({ status: 200, data: { comparison: null } });
    });

    it('refuses a preview without a token', async () => {
      const comparison = await makeComparison(api, {}, { publish: false });
      expect(onlyError(await api.query(GET, { slug: comparison.slug, preview: true })).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('has no row ids any more', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id], rows: [{ aspect: 'One', cells: [] }] });
      const response = await api.query('query($slug: String!) { comparison(slug: $slug) { rows { id aspect } } }', { slug: comparison.slug });
      expect(response.data ?? null).toBeNull();
      expect(onlyError(response).message).toContain('Cannot query field "id" on type "ComparisonRow"');
    });

    it('leaves out the columns of treatments the public cannot see, showing them in preview', async () => {
      const [a, c] = [await makeTreatment(api), await makeTreatment(api)];
      const unpublished = await makeTreatment(api, {}, { publish: false });
      const comparison = await makeComparison(api, {
        treatmentIds: [a.id, unpublished.id, c.id],
        rows: [
          { aspect: 'Origins', cells: [{ treatmentId: a.id, text: 'A' }, { treatmentId: unpublished.id, text: 'U' }] },
          { aspect: 'Cost', cells: [{ treatmentId: unpublished.id, text: 'U cost' }, { treatmentId: c.id, text: 'C cost' }] },
        ],
      });

      expect(await publicRead(comparison.slug)).toMatchObject({
        treatments: [{ slug: a.slug }, { slug: c.slug }],
        rows: [
          { aspect: 'Origins', cells: cells([a, 'A'], [c, null]) },
          { aspect: 'Cost', cells: cells([a, null], [c, 'C cost']) },
        ],
      });
      expect(await previewRead(comparison.slug)).toMatchObject({
        treatments: [{ slug: a.slug }, { slug: unpublished.slug }, { slug: c.slug }],
        rows: [
          { aspect: 'Origins', cells: cells([a, 'A'], [unpublished, 'U'], [c, null]) },
          { aspect: 'Cost', cells: cells([a, null], [unpublished, 'U cost'], [c, 'C cost']) },
        ],
      });

      // Once the treatment is published, its column shows in the published comparison too.
      const published = await api.asEditor('mutation($id: ID!, $v: Int!) { publishTreatment(id: $id, expectedVersion: $v) { id } }', { id: unpublished.id, v: unpublished.version });
      expect(published.errors).toBeUndefined();
      expect(await publicRead(comparison.slug)).toMatchObject({
        treatments: [{ slug: a.slug }, { slug: unpublished.slug }, { slug: c.slug }],
        rows: [
          { aspect: 'Origins', cells: cells([a, 'A'], [unpublished, 'U'], [c, null]) },
          { aspect: 'Cost', cells: cells([a, null], [unpublished, 'U cost'], [c, 'C cost']) },
        ],
      });
    });
  });

  describe('publishComparison', () => {
    it('refuses to publish a comparison of fewer than two treatments with CONFLICT, changing nothing', async () => {
      const [a, b] = await threeTreatments();
      const draft = await makeComparison(api, {}, { publish: false });
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(PUBLISH, { id: draft.id, v: draft.version }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toContain('two treatments');
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(draft.slug)).toBeNull();
      expect(await previewRead(draft.slug)).toMatchObject({ version: draft.version, status: 'DRAFT', treatments: [] });

      // With two treatments it publishes.
      const updated = await api.asEditor(UPDATE, { id: draft.id, v: draft.version, input: { treatmentIds: [a.id, b.id] } });
      expect(updated.errors).toBeUndefined();
      const published = await publish(updated.data!.updateComparison);
      expect(published).toMatchObject({ status: 'PUBLISHED', treatments: [{ slug: a.slug }, { slug: b.slug }] });
      expect(await publicRead(draft.slug)).toEqual(published);
    });

    it('keeps the published table when a draft that drops every treatment cannot be published', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id], rows: [{ aspect: 'Cost', cells: [{ treatmentId: a.id, text: 'Cheap' }] }] });
      const published = await publicRead(comparison.slug);

      const emptied = await api.asEditor(UPDATE, { id: comparison.id, v: comparison.version, input: { treatmentIds: [] } });
      expect(emptied.errors).toBeUndefined();
      expect(emptied.data!.updateComparison).toMatchObject({ treatments: [], rows: [{ aspect: 'Cost', cells: [] }], status: 'CHANGED' });

      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(PUBLISH, { id: comparison.id, v: comparison.version + 1 }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(comparison.slug)).toEqual(published);
      expect(await previewRead(comparison.slug)).toEqual(emptied.data!.updateComparison);
    });
    it('refuses to publish a restored comparison whose other treatment went to the trash meanwhile', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      expect((await api.asEditor(DELETE, { id: comparison.id })).errors).toBeUndefined();
      // Trashed, the comparison no longer holds its treatments back from the trash.
      expect((await api.asEditor('mutation($id: ID!) { deleteTreatment(id: $id) }', { id: a.id })).errors).toBeUndefined();

      const restored = await api.asEditor(RESTORE, { id: comparison.id });
      expect(restored.errors).toBeUndefined();
      expect(restored.data!.restoreComparison.treatments).toEqual([{ slug: b.slug }]);
      expect((await previewRead(comparison.slug)).treatments).toEqual([{ slug: b.slug }]);

      // One live treatment left: like any comparison of fewer than two, it cannot be published.
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(PUBLISH, { id: comparison.id, v: restored.data!.restoreComparison.version }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(comparison.slug)).toBeNull();
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
      const { data, errors } = await api.asEditor(UPDATE, { id: original.id, v: original.version, input: { title: 'Renamed', intro: null } });
      expect(errors).toBeUndefined();
      expect(data!.updateComparison).toEqual({ ...original, title: 'Renamed', intro: null, version: original.version + 1 });
      expect(await previewRead(original.slug)).toEqual(data!.updateComparison);
    });

    it('edits only the draft of a published comparison until it is published again', async () => {
      const [a, b] = await threeTreatments();
      const original = await tableOf([a, b]);
      const published = await publish(original);
      expect(await publicRead(original.slug)).toEqual(published);

      const { data, errors } = await api.asEditor(UPDATE, {
        id: original.id,
        v: published.version,
        input: { verdict: 'Changed my mind', rows: [{ aspect: 'Only', cells: [{ treatmentId: a.id, text: 'a' }] }] },
      });
      expect(errors).toBeUndefined();
      expect(data!.updateComparison).toMatchObject({ verdict: 'Changed my mind', status: 'CHANGED', version: published.version + 1 });
      expect(await publicRead(original.slug)).toEqual(published);
      expect(await previewRead(original.slug)).toEqual(data!.updateComparison);

      const republished = await publish(data!.updateComparison);
      expect(await publicRead(original.slug)).toEqual(republished);
      expect(republished).toMatchObject({ verdict: 'Changed my mind', rows: [{ aspect: 'Only', cells: cells([a, 'a'], [b, null]) }], status: 'PUBLISHED' });
    });

    it('refuses a stale expectedVersion with CONFLICT naming the current version, and changes nothing', async () => {
      const [a, b] = await threeTreatments();
      const original = await tableOf([a, b]);
      const first = await api.asEditor(UPDATE, { id: original.id, v: original.version, input: { title: 'First edit' } });
      expect(first.errors).toBeUndefined();
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(UPDATE, { id: original.id, v: original.version, input: { title: 'Lost edit', rows: [] } }));
      expect(error.extensions).toEqual({
        code: 'CONFLICT',
        currentVersion: original.version + 1,
        updatedBy: expect.any(String),
        updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      });
      expect(await contentCounts(api)).toEqual(before);
      expect(await previewRead(original.slug)).toEqual(first.data!.updateComparison);
    });

    it('replaces every row when rows are given', async () => {
      const [a, b] = await threeTreatments();
      const original = await tableOf([a, b]);
      const { data, errors } = await api.asEditor(UPDATE, {
        id: original.id,
        v: original.version,
        input: { rows: [{ aspect: 'Session length', cells: [{ treatmentId: b.id, text: '30 minutes' }] }] },
      });
      expect(errors).toBeUndefined();
      expect(data!.updateComparison.rows).toEqual([{ aspect: 'Session length', cells: cells([a, null], [b, '30 minutes']) }]);
      expect(data!.updateComparison.treatments).toEqual([{ slug: a.slug }, { slug: b.slug }]);

      const emptied = await api.asEditor(UPDATE, { id: original.id, v: original.version + 1, input: { rows: [] } });
      expect(emptied.errors).toBeUndefined();
      expect(emptied.data!.updateComparison.rows).toEqual([]);
      expect(await api.db.prisma.comparisonCell.count({ where: { comparisonId: original.id } })).toBe(0);
      expect((await previewRead(original.slug)).rows).toEqual([]);
    });

    it('reorders columns and drops the cells of a removed treatment, keeping the others', async () => {
      const [a, b, c] = await threeTreatments();
      const original = await tableOf([a, b, c]);
      const before = await contentCounts(api);

      const { data, errors } = await api.asEditor(UPDATE, { id: original.id, v: original.version, input: { treatmentIds: [c.id, a.id] } });
      expect(errors).toBeUndefined();
      expect(data!.updateComparison.treatments).toEqual([{ slug: c.slug }, { slug: a.slug }]);
      expect(data!.updateComparison.rows).toEqual([
        { aspect: 'Origins', cells: cells([c, `Origins of ${c.slug}`], [a, `Origins of ${a.slug}`]) },
        { aspect: 'Cost', cells: cells([c, `Cost of ${c.slug}`], [a, `Cost of ${a.slug}`]) },
      ]);
      expect(await contentCounts(api)).toEqual({ ...before, compared: before.compared! - 1, cells: before.cells! - 2, revisions: before.revisions! + 1 });

      // Bringing the treatment back gives it an empty column: its old cells are gone for good.
      const back = await api.asEditor(UPDATE, { id: original.id, v: original.version + 1, input: { treatmentIds: [b.id, c.id, a.id] } });
      expect(back.errors).toBeUndefined();
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
        v: original.version,
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
          v: original.version,
          input: { title: 'Changed', rows: [{ aspect: 'Row', cells: [{ treatmentId: a.id, text: 'a' }] }, { aspect: 'Other', cells: [{ treatmentId: outsider.id, text: 'x' }] }] },
        }),
      );
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'input.rows.1.cells.0.treatmentId', message: `treatment "${outsider.id}" is not one of the treatments this comparison compares` }],
      });
      expect(await contentCounts(api)).toEqual(before);
      expect(await previewRead(original.slug)).toEqual(original);
    });

    it('refuses rows with a cell for a treatment the same update removes', async () => {
      const [a, b, c] = await threeTreatments();
      const original = await tableOf([a, b]);
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(UPDATE, {
          id: original.id,
          v: original.version,
          input: { treatmentIds: [a.id, c.id], rows: [{ aspect: 'Row', cells: [{ treatmentId: b.id, text: 'b' }] }] },
        }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.rows.0.cells.0.treatmentId' }] });
      expect(await contentCounts(api)).toEqual(before);
      expect(await previewRead(original.slug)).toEqual(original);
    });

    it('refuses fewer than two treatments and unknown treatment ids', async () => {
      const [a, b] = await threeTreatments();
      const original = await tableOf([a, b]);
      const before = await contentCounts(api);
      const lonely = onlyError(await api.asEditor(UPDATE, { id: original.id, v: original.version, input: { treatmentIds: [b.id] } }));
      expect(lonely.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.treatmentIds', message: 'must name at least two treatments to compare' }] });
      const dangling = onlyError(await api.asEditor(UPDATE, { id: original.id, v: original.version, input: { treatmentIds: [MISSING_ID, a.id] } }));
      expect(dangling.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.treatmentIds.0', message: `no treatment has id "${MISSING_ID}"` }] });
      expect(await contentCounts(api)).toEqual(before);
      expect(await previewRead(original.slug)).toEqual(original);
    });

    it('refuses a slug another comparison has with CONFLICT, undoing the rows and columns it had rewritten', async () => {
      const [a, b, c] = await threeTreatments();
      const taken = await makeComparison(api, {}, { publish: false });
      const original = await tableOf([a, b]);
      const before = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(UPDATE, {
          id: original.id,
          v: original.version,
          input: { slug: taken.slug, treatmentIds: [c.id, a.id], rows: [{ aspect: 'Only', cells: [{ treatmentId: c.id, text: 'c' }] }] },
        }),
      );
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toBe('Another comparison already uses this slug.');
      expect(await contentCounts(api)).toEqual(before);
      expect(await previewRead(original.slug)).toEqual(original);
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(UPDATE, { id, v: 1, input: { title: 'x' } }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No comparison with id "${id}".`);
      }
    });
  });

  describe('comparisons (the list)', () => {
    it('filters to the comparisons that include a treatment, newest first: published ones publicly, drafts in preview', async () => {
      const [a, b, c] = await threeTreatments();
      const older = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const newer = await makeComparison(api, { treatmentIds: [b.id, c.id] });
      await makeComparison(api, { treatmentIds: [a.id, c.id] });
      const unpublished = await makeComparison(api, { treatmentIds: [c.id, b.id] }, { publish: false });

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

      const previewed = await api.asEditor(LIST, { where: { treatmentSlug: b.slug }, preview: true });
      expect(previewed.errors).toBeUndefined();
      expect(previewed.data!.comparisons).toMatchObject({
        totalCount: 3,
        edges: [{ node: { slug: unpublished.slug } }, { node: { slug: newer.slug } }, { node: { slug: older.slug } }],
        pageInfo: { hasNextPage: false },
      });
      const previewPage = await api.asEditor(LIST, { first: 2, where: { treatmentSlug: b.slug }, preview: true });
      const previewNext = await api.asEditor(LIST, { first: 2, after: previewPage.data!.comparisons.pageInfo.endCursor, where: { treatmentSlug: b.slug }, preview: true });
      expect(previewNext.data!.comparisons).toMatchObject({ totalCount: 3, edges: [{ node: { slug: older.slug } }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });

      const none = await api.query(LIST, { where: { treatmentSlug: 'no-such-treatment' } });
      expect(none.data!.comparisons).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('filters by an unpublished treatment only in preview', async () => {
      const [a, b] = await threeTreatments();
      const unpublishedTreatment = await makeTreatment(api, {}, { publish: false });
      const comparison = await makeComparison(api, { treatmentIds: [a.id, unpublishedTreatment.id, b.id] });
      expect((await api.query(LIST, { where: { treatmentSlug: unpublishedTreatment.slug } })).data!.comparisons).toMatchObject({ totalCount: 0, edges: [] });
      expect((await api.asEditor(LIST, { where: { treatmentSlug: unpublishedTreatment.slug }, preview: true })).data!.comparisons).toMatchObject({
        totalCount: 1,
        edges: [{ node: { slug: comparison.slug } }],
      });
    });

    it('lists every published comparison without a filter, and every live draft in preview', async () => {
      const [a, b] = await threeTreatments();
      const latest = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const draft = await makeComparison(api, {}, { publish: false });
      const { data } = await api.query(LIST, { first: 100 });
      expect(data!.comparisons.totalCount).toBe(await api.db.prisma.publishedComparison.count());
      expect(data!.comparisons.edges[0]).toEqual({ node: { slug: latest.slug } });

      const previewed = await api.asEditor(LIST, { first: 100, preview: true });
      expect(previewed.data!.comparisons.totalCount).toBe(await api.db.prisma.comparison.count({ where: { deletedAt: null } }));
      expect(previewed.data!.comparisons.totalCount).toBeGreaterThan(data!.comparisons.totalCount);
      expect(previewed.data!.comparisons.edges.slice(0, 2)).toEqual([{ node: { slug: draft.slug } }, { node: { slug: latest.slug } }]);

      expect(onlyError(await api.query(LIST, { preview: true })).extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('Comparison.articles', () => {
    it('lists the articles that hold a comparison, newest first: published ones publicly, drafts in preview', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const other = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const january = await makeArticle(api, { comparisonIds: [comparison.id], publishedAt: '2024-01-10T00:00:00Z' });
      const march = await makeArticle(api, { comparisonIds: [other.id, comparison.id], publishedAt: '2024-03-10T00:00:00Z' });
      await makeArticle(api, { comparisonIds: [other.id] });
      const unpublished = await makeArticle(api, { comparisonIds: [comparison.id], publishedAt: '2024-02-10T00:00:00Z' }, { publish: false });

      expect((await publicRead(comparison.slug)).articles).toEqual([{ slug: march.slug }, { slug: january.slug }]);
      expect((await previewRead(comparison.slug)).articles).toEqual([{ slug: march.slug }, { slug: unpublished.slug }, { slug: january.slug }]);
    });

    it('shows at most `first` of them, the newest, for each comparison on the page', async () => {
      const [a, b] = await threeTreatments();
      const [one, two] = [await makeComparison(api, { treatmentIds: [a.id, b.id] }), await makeComparison(api, { treatmentIds: [a.id, b.id] })];
      const slugs: string[] = [];
      for (let day = 1; day <= 4; day++) {
        slugs.push((await makeArticle(api, { comparisonIds: [one.id, two.id], publishedAt: `2024-05-0${day}T00:00:00Z` })).slug);
      }
      const newestFirst = slugs.reverse().map((slug) => ({ slug }));
      const FIRST = 'query($first: Int, $preview: Boolean) { comparisons(first: 100, preview: $preview) { edges { node { slug articles(first: $first) { slug } } } } }';
      for (const preview of [false, true]) {
        const { data, errors } = await (preview ? api.asEditor(FIRST, { first: 2, preview }) : api.query(FIRST, { first: 2 }));
        expect(errors).toBeUndefined();
        const bySlug = new Map(data!.comparisons.edges.map((e: { node: { slug: string; articles: unknown } }) => [e.node.slug, e.node.articles]));
        expect(bySlug.get(one.slug)).toEqual(newestFirst.slice(0, 2));
        expect(bySlug.get(two.slug)).toEqual(newestFirst.slice(0, 2));
      }
      expect((await publicRead(one.slug)).articles).toEqual(newestFirst);
    });
  });

  describe('deleteComparison (to the trash)', () => {
    it('moves an unused comparison to the trash, keeping its table: gone from public and preview reads and lists', async () => {
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
      expect(await publicRead(comparison.slug)).toBeNull();
      expect(await previewRead(comparison.slug)).toBeNull();
      expect((await api.query(LIST, { where: { treatmentSlug: a.slug } })).data!.comparisons).toMatchObject({ totalCount: 0, edges: [] });
      expect((await api.asEditor(LIST, { where: { treatmentSlug: a.slug }, preview: true })).data!.comparisons).toMatchObject({ totalCount: 0, edges: [] });
      const uses = 'query($slug: String!, $preview: Boolean) { treatment(slug: $slug, preview: $preview) { comparisons { slug } } }';
      expect((await api.query(uses, { slug: a.slug })).data!.treatment.comparisons).toEqual([]);
      expect((await api.asEditor(uses, { slug: a.slug, preview: true })).data!.treatment.comparisons).toEqual([]);
      // Only the published version goes; the draft's columns, rows and cells wait in the trash.
      expect(await contentCounts(api)).toEqual({ ...before, published: before.published! - 1, revisions: before.revisions! + 1 });

      // A trashed comparison no longer holds on to its treatments.
      expect(await api.asEditor('mutation($id: ID!) { deleteTreatment(id: $id) }', { id: a.id })).toEqual({ status: 200, data: { deleteTreatment: a.id } });
    });

    it('is refused with CONFLICT naming the article that holds it, deleting nothing', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id], rows: [{ aspect: 'One', cells: [{ treatmentId: a.id, text: 'a' }] }] });
      const article = await makeArticle(api, { comparisonIds: [comparison.id] });
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(DELETE, { id: comparison.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: [article.slug] } });
      expect(error.message).toContain(`"${comparison.slug}"`);
      expect(error.message).toContain(`article(s) "${article.slug}"`);
      expect(await contentCounts(api)).toEqual(before);
      expect((await publicRead(comparison.slug)).articles).toEqual([{ slug: article.slug }]);
      expect(await previewRead(comparison.slug)).toMatchObject({ version: comparison.version });
    });

    it('is refused while only an unpublished article holds it, and allowed once that article is in the trash', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const article = await makeArticle(api, { comparisonIds: [comparison.id] }, { publish: false });
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(DELETE, { id: comparison.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: [article.slug] } });
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(comparison.slug)).not.toBeNull();

      expect((await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: article.id })).errors).toBeUndefined();
      expect(await api.asEditor(DELETE, { id: comparison.id })).toEqual({ status: 200, data: { deleteComparison: comparison.id } });
      expect(await publicRead(comparison.slug)).toBeNull();
    });

    it('makes a trashed comparison NOT_FOUND to further edits and deleting', async () => {
      const comparison = await makeComparison(api, {}, { publish: false });
      expect((await api.asEditor(DELETE, { id: comparison.id })).errors).toBeUndefined();
      const before = await contentCounts(api);
      const version = (await api.db.prisma.comparison.findUniqueOrThrow({ where: { id: comparison.id } })).version;
      for (const [query, variables] of [
        [UPDATE, { id: comparison.id, v: version, input: { title: 'Edited in the trash' } }],
        [DELETE, { id: comparison.id }],
      ] as const) {
        const error = onlyError(await api.asEditor(query, variables));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No comparison with id "${comparison.id}".`);
      }
      expect(await contentCounts(api)).toEqual(before);
    });

    it('is NOT_FOUND for an unknown id', async () => {
      const before = await contentCounts(api);
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(DELETE, { id }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No comparison with id "${id}".`);
      }
      expect(await contentCounts(api)).toEqual(before);
    });
  });

  describe('restoreComparison and purgeComparison', () => {
    it('restores a trashed comparison as an unpublished draft with its whole table', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, {
        treatmentIds: [b.id, a.id],
        rows: [{ aspect: 'One', cells: [{ treatmentId: a.id, text: 'a' }] }],
      });
      const published = await publicRead(comparison.slug);
      expect((await api.asEditor(DELETE, { id: comparison.id })).errors).toBeUndefined();

      const restored = await api.asEditor(RESTORE, { id: comparison.id });
      expect(restored.errors).toBeUndefined();
      const { deletedAt, ...draft } = restored.data!.restoreComparison;
      expect(deletedAt).toBeNull();
      expect(draft).toEqual({ ...published, version: expect.any(Number), status: 'ARCHIVED' });
      expect(draft.version).toBeGreaterThan(comparison.version);
      expect(draft.rows).toEqual([{ aspect: 'One', cells: cells([b, null], [a, 'a']) }]);
      expect(await previewRead(comparison.slug)).toEqual(draft);
      expect(await publicRead(comparison.slug)).toBeNull();

      const republished = await publish(draft);
      expect(await publicRead(comparison.slug)).toEqual(republished);
    });

    it('purges a trashed comparison for good with its columns, rows, cells and history, leaving the treatments', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, {
        treatmentIds: [a.id, b.id],
        rows: [
          { aspect: 'One', cells: [{ treatmentId: a.id, text: 'a' }, { treatmentId: b.id, text: 'b' }] },
          { aspect: 'Two', cells: [{ treatmentId: b.id, text: 'b' }] },
        ],
      });
      expect((await api.asEditor(DELETE, { id: comparison.id })).errors).toBeUndefined();
      const revisions = await api.db.prisma.revision.count({ where: { documentId: comparison.id } });
      expect(revisions).toBeGreaterThan(0);
      const before = await contentCounts(api);

      expect(await api.asEditor(PURGE, { id: comparison.id })).toEqual({ status: 200, data: { purgeComparison: comparison.id } });
      expect(await contentCounts(api)).toEqual({
        ...before,
        comparisons: before.comparisons! - 1,
        compared: before.compared! - 2,
        rows: before.rows! - 2,
        cells: before.cells! - 3,
        revisions: before.revisions! - revisions,
      });
      for (const query of [RESTORE, PURGE]) {
        const error = onlyError(await api.asEditor(query, { id: comparison.id }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No comparison with id "${comparison.id}".`);
      }
      expect(await api.query('query($slug: String!) { treatment(slug: $slug) { slug comparisons { slug } } }', { slug: a.slug })).toEqual({
        status: 200,
        data: { treatment: { slug: a.slug, comparisons: [] } },
      });
    });

    it('purges a trashed comparison that only a trashed article held', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const article = await makeArticle(api, { comparisonIds: [comparison.id] });
      expect((await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: article.id })).errors).toBeUndefined();
      // Only live articles hold a comparison back from the trash...
      expect(await api.asEditor(DELETE, { id: comparison.id })).toEqual({ status: 200, data: { deleteComparison: comparison.id } });
      // ...and a trashed comparison is deleted for good on request.
      expect(await api.asEditor(PURGE, { id: comparison.id })).toEqual({ status: 200, data: { purgeComparison: comparison.id } });
      expect(onlyError(await api.asEditor(RESTORE, { id: comparison.id })).extensions.code).toBe('NOT_FOUND');
    });

    it('refuses to restore or purge a comparison that is not in the trash with CONFLICT, and unknown ids with NOT_FOUND', async () => {
      const [a, b] = await threeTreatments();
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const before = await contentCounts(api);
      for (const query of [RESTORE, PURGE]) {
        const live = onlyError(await api.asEditor(query, { id: comparison.id }));
        expect(live.extensions.code).toBe('CONFLICT');
        expect(live.message).toBe('The comparison is not in the trash.');
        for (const id of [MISSING_ID, 'not-an-id']) {
          const error = onlyError(await api.asEditor(query, { id }));
          expect(error.extensions.code).toBe('NOT_FOUND');
          expect(error.message).toBe(`No comparison with id "${id}".`);
        }
      }
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicRead(comparison.slug)).toMatchObject({ version: comparison.version, status: 'PUBLISHED' });
    });
  });
});
