/**
 * The editorial workflow: editors work on drafts, readers see only what was published, two
 * editors never silently overwrite each other, and nothing an editor did is lost.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts, makeArticle, makeComparison, makeTreatment } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const FIELDS = 'id slug title dek version status updatedBy scheduledAt deletedAt redirectTo';
const PUBLIC = `query($slug: String!) { article(slug: $slug) { ${FIELDS} } }`;
const PREVIEW = `query($slug: String!) { article(slug: $slug, preview: true) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateArticleInput!, $v: Int!, $summary: String) {
  updateArticle(id: $id, input: $input, expectedVersion: $v, changeSummary: $summary) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { ${FIELDS} } }`;
const UNPUBLISH = `mutation($id: ID!) { unpublishArticle(id: $id) { ${FIELDS} } }`;
const REVISIONS = `query($id: ID!, $first: Int, $after: String) { articleRevisions(id: $id, first: $first, after: $after) {
  totalCount edges { cursor node { version action author summary changedFields snapshot } } pageInfo { hasNextPage endCursor } } }`;

describe('editorial workflow', () => {
  const api = useTestApi();

  describe('drafts and publishing', () => {
    it('keeps a new draft from the public until it is published', async () => {
      const draft = await makeArticle(api, { title: 'Needles explained', dek: 'First dek' }, { publish: false });
      expect((await api.query(PUBLIC, { slug: draft.slug })).data).toEqual({ article: null });
      expect((await api.asEditor(PREVIEW, { slug: draft.slug })).data!.article).toMatchObject({ title: 'Needles explained', version: 1, status: 'DRAFT', updatedBy: 'admin-token' });
      expect((await api.query('{ articles(first: 100) { edges { node { slug } } } }')).data!.articles.edges).not.toContainEqual({ node: { slug: draft.slug } });

      const published = await api.asEditor(PUBLISH, { id: draft.id, v: 1 });
      expect(published.data!.publishArticle).toMatchObject({ version: 2, status: 'PUBLISHED' });
      expect((await api.query(PUBLIC, { slug: draft.slug })).data!.article).toMatchObject({ title: 'Needles explained', status: 'PUBLISHED', version: 2, updatedBy: null });
    });

    it('shows readers the published text while the draft changes, until the next publish', async () => {
      const article = await makeArticle(api, { title: 'Published title', dek: 'Published dek' });
      const edited = await api.asEditor(UPDATE, { id: article.id, input: { title: 'Draft title' }, v: article.version });
      expect(edited.data!.updateArticle).toMatchObject({ title: 'Draft title', status: 'CHANGED', version: article.version + 1 });

      expect((await api.query(PUBLIC, { slug: article.slug })).data!.article).toMatchObject({ title: 'Published title', status: 'PUBLISHED', version: article.version });
      expect((await api.asEditor(PREVIEW, { slug: article.slug })).data!.article).toMatchObject({ title: 'Draft title', status: 'CHANGED' });
      // Editors reading without preview see what readers see.
      expect((await api.asEditor(PUBLIC, { slug: article.slug })).data!.article.title).toBe('Published title');

      await api.asEditor(PUBLISH, { id: article.id, v: article.version + 1 });
      expect((await api.query(PUBLIC, { slug: article.slug })).data!.article).toMatchObject({ title: 'Draft title', status: 'PUBLISHED' });
    });

    it('takes a published article down with unpublish, keeping the draft', async () => {
      const article = await makeArticle(api, { title: 'Soon gone' });
      const response = await api.asEditor(UNPUBLISH, { id: article.id });
      expect(response.data!.unpublishArticle).toMatchObject({ status: 'ARCHIVED', version: article.version + 1 });
      expect((await api.query(PUBLIC, { slug: article.slug })).data).toEqual({ article: null });
      expect((await api.asEditor(PREVIEW, { slug: article.slug })).data!.article).toMatchObject({ title: 'Soon gone', status: 'ARCHIVED' });
      expect(onlyError(await api.asEditor(UNPUBLISH, { id: article.id })).extensions.code).toBe('CONFLICT');
    });

    it('leaves unpublished treatments and comparisons out of a published page', async () => {
      const [a, b] = [await makeTreatment(api), await makeTreatment(api, {}, { publish: false })];
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id], rows: [{ aspect: 'Origins', cells: [{ treatmentId: a.id, text: 'A' }, { treatmentId: b.id, text: 'B' }] }] });
      const article = await makeArticle(api, { treatmentIds: [a.id, b.id], comparisonIds: [comparison.id] });
      const query = `query($slug: String!, $preview: Boolean) { article(slug: $slug, preview: $preview) {
        treatments { slug } comparisons { treatments { slug } rows { aspect cells { treatment { slug } text } } } } }`;
      expect((await api.query(query, { slug: article.slug })).data!.article).toEqual({
        treatments: [{ slug: a.slug }],
        comparisons: [{ treatments: [{ slug: a.slug }], rows: [{ aspect: 'Origins', cells: [{ treatment: { slug: a.slug }, text: 'A' }] }] }],
      });
      expect((await api.asEditor(query, { slug: article.slug, preview: true })).data!.article.treatments).toEqual([{ slug: a.slug }, { slug: b.slug }]);
    });

    it('refuses preview without a token', async () => {
      const article = await makeArticle(api);
      const error = onlyError(await api.query(PREVIEW, { slug: article.slug }));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses to publish a comparison of fewer than two treatments', async () => {
      const comparison = await makeComparison(api, {}, { publish: false });
      const error = onlyError(await api.asEditor('mutation($id: ID!) { publishComparison(id: $id, expectedVersion: 1) { id } }', { id: comparison.id }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toContain('at least two treatments');
      expect((await api.query(`{ comparison(slug: "${comparison.slug}") { id } }`)).data).toEqual({ comparison: null });
    });
  });

  describe('no lost updates', () => {
    it('refuses a stale version with CONFLICT naming the current version and its author, changing nothing', async () => {
      const article = await makeArticle(api, { title: 'Original' }, { publish: false });
      await api.asEditor(UPDATE, { id: article.id, input: { title: 'First editor' }, v: 1 });
      const before = await contentCounts(api);

      const error = onlyError(await api.asEditor(UPDATE, { id: article.id, input: { title: 'Second editor' }, v: 1 }));
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, updatedBy: 'admin-token' });
      expect(error.message).toContain('now version 2');
      expect(onlyError(await api.asEditor(PUBLISH, { id: article.id, v: 1 })).extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect((await api.asEditor(PREVIEW, { slug: article.slug })).data!.article).toMatchObject({ title: 'First editor', version: 2, status: 'DRAFT' });
      expect(await contentCounts(api)).toEqual(before);
    });

    it('lets exactly one of several editors saving at once win', async () => {
      const article = await makeArticle(api, { title: 'Contended' });
      const before = await contentCounts(api);
      const titles = Array.from({ length: 8 }, (_, i) => `Editor ${i}`);
      const results = await Promise.all(titles.map((title) => api.asEditor(UPDATE, { id: article.id, input: { title, dek: title }, v: article.version })));

      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers.map((r) => onlyError(r).extensions)).toEqual(titles.slice(1).map(() => expect.objectContaining({ code: 'CONFLICT', currentVersion: article.version + 1 })));
      const winner = winners[0]!.data!.updateArticle;
      const stored = (await api.asEditor(PREVIEW, { slug: article.slug })).data!.article;
      expect(stored).toMatchObject({ title: winner.title, dek: winner.title, version: article.version + 1 });
      expect(await contentCounts(api)).toEqual({ ...before, revisions: before.revisions! + 1 });
    });

    it('lets exactly one of several concurrent publishes of the same version win', async () => {
      const article = await makeArticle(api, {}, { publish: false });
      const results = await Promise.all(Array.from({ length: 5 }, () => api.asEditor(PUBLISH, { id: article.id, v: 1 })));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const history = await api.asEditor(REVISIONS, { id: article.id });
      expect(history.data!.articleRevisions.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['PUBLISH', 'CREATE']);
    });
  });

  describe('history', () => {
    it('records every change with its author, summary and changed fields, newest first', async () => {
      const article = await makeArticle(api, { title: 'v1 title', dek: 'v1 dek' }, { publish: false });
      await api.asEditor(UPDATE, { id: article.id, input: { title: 'v2 title' }, v: 1, summary: 'Sharper title' });
      await api.asEditor(PUBLISH, { id: article.id, v: 2 });

      const { data } = await api.asEditor(REVISIONS, { id: article.id });
      expect(data!.articleRevisions.totalCount).toBe(3);
      const nodes = data!.articleRevisions.edges.map((e: { node: unknown }) => e.node);
      expect(nodes.map((n: any) => [n.version, n.action, n.author, n.summary])).toEqual([
        [3, 'PUBLISH', 'admin-token', null],
        [2, 'UPDATE', 'admin-token', 'Sharper title'],
        [1, 'CREATE', 'admin-token', null],
      ]);
      expect(nodes[1].changedFields).toEqual(['title']);
      expect(nodes[1].snapshot).toMatchObject({ slug: article.slug, title: 'v2 title', dek: 'v1 dek', body: [], related: [] });
      // Publishing dated the undated draft.
      expect(nodes[0].changedFields).toEqual(['publishedAt']);

      const page = await api.asEditor(REVISIONS, { id: article.id, first: 2 });
      const rest = await api.asEditor(REVISIONS, { id: article.id, first: 2, after: page.data!.articleRevisions.pageInfo.endCursor });
      expect(rest.data!.articleRevisions.edges.map((e: { node: { version: number } }) => e.node.version)).toEqual([1]);
    });

    it('fetches one revision whole and compares two', async () => {
      const article = await makeArticle(api, { title: 'Before', dek: 'Same dek' }, { publish: false });
      await api.asEditor(UPDATE, { id: article.id, input: { title: 'After', summary: 'Now with a summary' }, v: 1 });
      const one = await api.asEditor('query($id: ID!) { revision(documentId: $id, version: 1) { documentType documentId version action snapshot } }', { id: article.id });
      expect(one.data!.revision).toMatchObject({ documentType: 'ARTICLE', documentId: article.id, version: 1, action: 'CREATE', snapshot: { title: 'Before', dek: 'Same dek' } });

      const diff = await api.asEditor('query($id: ID!) { compareRevisions(documentId: $id, from: 1, to: 2) { field before after } }', { id: article.id });
      expect(diff.data!.compareRevisions).toEqual([
        { field: 'summary', before: null, after: 'Now with a summary' },
        { field: 'title', before: 'Before', after: 'After' },
      ]);
      expect(onlyError(await api.asEditor('query($id: ID!) { compareRevisions(documentId: $id, from: 1, to: 9) { field } }', { id: article.id })).extensions.code).toBe('NOT_FOUND');
    });

    it('restores an old revision as a new draft revision, never rewriting history', async () => {
      const treatment = await makeTreatment(api);
      const article = await makeArticle(api, { title: 'Good title', treatmentIds: [treatment.id] }, { publish: false });
      await api.asEditor(UPDATE, { id: article.id, input: { title: 'Bad title', treatmentIds: [] }, v: 1 });

      const restored = await api.asEditor(
        `mutation($id: ID!) { restoreArticleRevision(id: $id, revision: 1) { ${FIELDS} treatments { slug } } }`,
        { id: article.id },
      );
      expect(restored.data!.restoreArticleRevision).toMatchObject({ title: 'Good title', version: 3, treatments: [{ slug: treatment.slug }] });
      const history = await api.asEditor(REVISIONS, { id: article.id });
      expect(history.data!.articleRevisions.edges.map((e: any) => [e.node.version, e.node.action, e.node.summary])).toEqual([
        [3, 'RESTORE_REVISION', 'Restored version 1'],
        [2, 'UPDATE', null],
        [1, 'CREATE', null],
      ]);
      const missing = onlyError(await api.asEditor('mutation($id: ID!) { restoreArticleRevision(id: $id, revision: 42) { id } }', { id: article.id }));
      expect(missing.extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('the trash', () => {
    const TRASH = '{ trash(first: 50) { totalCount edges { node { __typename id slug deletedAt } } } }';

    it('moves a deleted article out of every read, lists it in the trash, and restores it with its history', async () => {
      const article = await makeArticle(api, { title: 'Trash me' });
      expect((await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: article.id })).data).toEqual({ deleteArticle: article.id });
      expect((await api.query(PUBLIC, { slug: article.slug })).data).toEqual({ article: null });
      expect((await api.asEditor(PREVIEW, { slug: article.slug })).data).toEqual({ article: null });
      const trash = await api.asEditor(TRASH);
      expect(trash.data!.trash.edges).toContainEqual({ node: expect.objectContaining({ __typename: 'Article', id: article.id, slug: article.slug }) });

      const restored = await api.asEditor(`mutation($id: ID!) { restoreArticle(id: $id) { ${FIELDS} } }`, { id: article.id });
      expect(restored.data!.restoreArticle).toMatchObject({ deletedAt: null, status: 'ARCHIVED' });
      expect((await api.query(PUBLIC, { slug: article.slug })).data).toEqual({ article: null });
      const history = await api.asEditor(REVISIONS, { id: article.id });
      expect(history.data!.articleRevisions.edges.map((e: any) => e.node.action)).toEqual(['RESTORE', 'DELETE', 'PUBLISH', 'CREATE']);
    });

    it('purges only from the trash, for good, with the history', async () => {
      const article = await makeArticle(api);
      const PURGE = 'mutation($id: ID!) { purgeArticle(id: $id) }';
      expect(onlyError(await api.asEditor(PURGE, { id: article.id })).extensions.code).toBe('CONFLICT');
      await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: article.id });
      expect((await api.asEditor(PURGE, { id: article.id })).data).toEqual({ purgeArticle: article.id });
      expect(await api.db.prisma.article.count({ where: { id: article.id } })).toBe(0);
      expect(await api.db.prisma.revision.count({ where: { documentId: article.id } })).toBe(0);
      expect(onlyError(await api.asEditor(PURGE, { id: article.id })).extensions.code).toBe('NOT_FOUND');
    });

    it('refuses to delete a treatment a published comparison uses, naming the comparison', async () => {
      const [a, b] = [await makeTreatment(api), await makeTreatment(api)];
      const comparison = await makeComparison(api, { treatmentIds: [a.id, b.id] });
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor('mutation($id: ID!) { deleteTreatment(id: $id) }', { id: a.id }));
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', usedBy: { comparisons: [comparison.slug], articles: [] } });
      expect(error.message).toContain(`"${comparison.slug}"`);
      expect(await contentCounts(api)).toEqual(before);
    });
  });

  describe('slug changes', () => {
    it('keeps the old slug of a published article working, pointing at the new one', async () => {
      const article = await makeArticle(api, { slug: 'old-needle-slug', title: 'Renamed' });
      const edited = await api.asEditor(UPDATE, { id: article.id, input: { slug: 'new-needle-slug' }, v: article.version });
      await api.asEditor(PUBLISH, { id: article.id, v: edited.data!.updateArticle.version });

      expect((await api.query(PUBLIC, { slug: 'old-needle-slug' })).data!.article).toMatchObject({ id: article.id, slug: 'new-needle-slug', redirectTo: 'new-needle-slug' });
      expect((await api.query(PUBLIC, { slug: 'new-needle-slug' })).data!.article).toMatchObject({ id: article.id, redirectTo: null });

      // Once another article publishes under the old slug, it answers there instead.
      const taker = await makeArticle(api, { slug: 'old-needle-slug', title: 'Newcomer' });
      expect((await api.query(PUBLIC, { slug: 'old-needle-slug' })).data!.article).toMatchObject({ id: taker.id, redirectTo: null });
    });
  });

  describe('scheduling', () => {
    const SCHEDULE = 'mutation($id: ID!, $at: DateTime!) { schedulePublish(id: $id, at: $at) { __typename id version status scheduledAt } }';
    const CANCEL = 'mutation($id: ID!) { cancelScheduledPublish(id: $id) { __typename id status scheduledAt } }';

    it('schedules and cancels a publish, for any kind of document', async () => {
      const at = new Date(Date.now() + 3_600_000).toISOString();
      const article = await makeArticle(api, {}, { publish: false });
      const treatment = await makeTreatment(api);
      expect((await api.asEditor(SCHEDULE, { id: article.id, at })).data!.schedulePublish).toEqual({ __typename: 'Article', id: article.id, version: 2, status: 'SCHEDULED', scheduledAt: at });
      expect((await api.asEditor(SCHEDULE, { id: treatment.id, at })).data!.schedulePublish).toMatchObject({ __typename: 'Treatment', status: 'SCHEDULED' });

      expect((await api.asEditor(CANCEL, { id: article.id })).data!.cancelScheduledPublish).toEqual({ __typename: 'Article', id: article.id, status: 'DRAFT', scheduledAt: null });
      expect((await api.asEditor(CANCEL, { id: treatment.id })).data!.cancelScheduledPublish).toMatchObject({ status: 'PUBLISHED', scheduledAt: null });
      expect(onlyError(await api.asEditor(CANCEL, { id: treatment.id })).extensions.code).toBe('CONFLICT');
    });

    it('refuses a time in the past and an unknown id', async () => {
      const article = await makeArticle(api, {}, { publish: false });
      const past = onlyError(await api.asEditor(SCHEDULE, { id: article.id, at: new Date(Date.now() - 1000).toISOString() }));
      expect(past.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'at', message: 'must be in the future' }] });
      const unknown = onlyError(await api.asEditor(SCHEDULE, { id: '01900000-0000-7000-8000-000000000000', at: new Date(Date.now() + 60_000).toISOString() }));
      expect(unknown.extensions.code).toBe('NOT_FOUND');
    });
  });
});
