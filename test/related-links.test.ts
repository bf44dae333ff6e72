/**
 * Related links: an article's ordered list of related articles, trending topics and external
 * references. Each points at exactly one of: an article of ours, or a URL that is safe to put
 * in an href. Links are part of the article's draft: editors see them in preview at once, the
 * public once the article is published, and only to articles the public can see.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts, makeArticle, type Made } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const LINK_FIELDS = 'kind label url article { slug }';
const SET = `mutation($articleId: ID!, $links: [RelatedLinkInput!]!, $v: Int!) {
  setArticleRelatedLinks(articleId: $articleId, links: $links, expectedVersion: $v) { id slug version status related { ${LINK_FIELDS} } }
}`;
const RELATED = `query($slug: String!, $kind: RelatedLinkKind) { article(slug: $slug) { related(kind: $kind) { ${LINK_FIELDS} } } }`;
const PREVIEW = `query($slug: String!, $kind: RelatedLinkKind) {
  article(slug: $slug, preview: true) { version status related(kind: $kind) { ${LINK_FIELDS} } }
}`;
const PUBLISH = 'mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { version status } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateArticleInput!, $v: Int!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { slug version } }';

const MISSING_ID = '01900000-0000-7000-8000-000000000000';
const URL_MESSAGE = 'must be an http(s), mailto or relative URL';

interface Link {
  kind: string;
  label: string;
  url: string;
  article: { slug: string } | null;
}

describe('related links', () => {
  const api = useTestApi();

  /** The links the public sees on the published page. */
  async function relatedOf(slug: string, kind?: string): Promise<Link[]> {
    const { data, errors } = await api.query(RELATED, { slug, kind });
    expect(errors).toBeUndefined();
    expect(data!.article).not.toBeNull();
    return data!.article.related;
  }

  /** The draft as an editor previews it: its version, status and links. */
  async function previewOf(slug: string, kind?: string): Promise<{ version: number; status: string; related: Link[] }> {
    const { data, errors } = await api.asEditor(PREVIEW, { slug, kind });
    expect(errors).toBeUndefined();
    expect(data!.article).not.toBeNull();
    return data!.article;
  }

  async function previewRelatedOf(slug: string, kind?: string): Promise<Link[]> {
    return (await previewOf(slug, kind)).related;
  }

  /** Sets the draft's links (which must succeed); answers the article as the mutation does. */
  async function setLinks(article: Pick<Made, 'id'>, version: number, links: unknown[]) {
    const { data, errors } = await api.asEditor(SET, { articleId: article.id, links, v: version });
    expect(errors).toBeUndefined();
    return data!.setArticleRelatedLinks as { id: string; slug: string; version: number; status: string; related: Link[] };
  }

  /** Publishes the draft (which must succeed); answers the version after publishing. */
  async function publish(id: string, version: number): Promise<number> {
    const { data, errors } = await api.asEditor(PUBLISH, { id, v: version });
    expect(errors).toBeUndefined();
    expect(data!.publishArticle.status).toBe('PUBLISHED');
    return data!.publishArticle.version;
  }

  async function trash(id: string): Promise<void> {
    expect(await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id })).toEqual({ status: 200, data: { deleteArticle: id } });
  }

  /** A published article with links already in place (published too), and what they read as. */
  async function articleWithLinks() {
    const target = await makeArticle(api, { title: 'Already linked' });
    const article = await makeArticle(api, {
      related: [
        { kind: 'RELATED_ARTICLE', articleId: target.id },
        { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/kept', label: 'Kept' },
      ],
    });
    const links = await relatedOf(article.slug);
    expect(links).toEqual([
      { kind: 'RELATED_ARTICLE', label: 'Already linked', url: `/articles/${target.slug}`, article: { slug: target.slug } },
      { kind: 'EXTERNAL_REFERENCE', label: 'Kept', url: 'https://example.org/kept', article: null },
    ]);
    expect(await previewRelatedOf(article.slug)).toEqual(links);
    return { article, links };
  }

  /**
   * Sends a setArticleRelatedLinks that must fail; checks that the draft (its links and version),
   * the published page and every table are unchanged.
   */
  async function refused(links: unknown[]) {
    const { article, links: before } = await articleWithLinks();
    const draft = await previewOf(article.slug);
    expect(draft).toEqual({ version: article.version, status: 'PUBLISHED', related: before });
    const counts = await contentCounts(api);
    const error = onlyError(await api.asEditor(SET, { articleId: article.id, links, v: article.version }));
    expect(await previewOf(article.slug)).toEqual(draft);
    expect(await relatedOf(article.slug)).toEqual(before);
    expect(await contentCounts(api)).toEqual(counts);
    return { error, article };
  }

  describe('setArticleRelatedLinks', () => {
    it('replaces the draft links with these, in this order, answers the article, and shows them once published', async () => {
      const { article, links: published } = await articleWithLinks();
      const [hot, sibling] = [await makeArticle(api, { title: 'What is hot' }), await makeArticle(api, { title: 'A sibling' })];

      const set = await setLinks(article, article.version, [
        { kind: 'TRENDING_TOPIC', articleId: hot.id },
        { kind: 'EXTERNAL_REFERENCE', url: 'https://www.nccaom.org/', label: 'Certification body' },
        { kind: 'RELATED_ARTICLE', articleId: sibling.id, label: 'Read this next' },
        { kind: 'RELATED_ARTICLE', articleId: hot.id },
      ]);
      const expected = [
        { kind: 'TRENDING_TOPIC', label: 'What is hot', url: `/articles/${hot.slug}`, article: { slug: hot.slug } },
        { kind: 'EXTERNAL_REFERENCE', label: 'Certification body', url: 'https://www.nccaom.org/', article: null },
        { kind: 'RELATED_ARTICLE', label: 'Read this next', url: `/articles/${sibling.slug}`, article: { slug: sibling.slug } },
        { kind: 'RELATED_ARTICLE', label: 'What is hot', url: `/articles/${hot.slug}`, article: { slug: hot.slug } },
      ];
      expect(set).toEqual({ id: article.id, slug: article.slug, version: article.version + 1, status: 'CHANGED', related: expected });
      expect(await previewOf(article.slug)).toEqual({ version: article.version + 1, status: 'CHANGED', related: expected });
      // The public keeps the published links until the draft is published.
      expect(await relatedOf(article.slug)).toEqual(published);

      const version = await publish(article.id, set.version);
      expect(version).toBe(set.version + 1);
      expect(await relatedOf(article.slug)).toEqual(expected);

      const reversed = await setLinks(article, version, [
        { kind: 'RELATED_ARTICLE', articleId: sibling.id },
        { kind: 'TRENDING_TOPIC', articleId: hot.id },
      ]);
      expect(reversed.related.map((l) => l.article!.slug)).toEqual([sibling.slug, hot.slug]);
      expect((await previewRelatedOf(article.slug)).map((l) => l.article!.slug)).toEqual([sibling.slug, hot.slug]);
      expect(await relatedOf(article.slug)).toEqual(expected);

      const none = await setLinks(article, reversed.version, []);
      expect(none.related).toEqual([]);
      expect(none.version).toBe(reversed.version + 1);
      expect(await previewRelatedOf(article.slug)).toEqual([]);
      expect(await api.db.prisma.relatedLink.count({ where: { article: { slug: article.slug } } })).toBe(0);
      expect(await relatedOf(article.slug)).toEqual(expected);

      await publish(article.id, none.version);
      expect(await relatedOf(article.slug)).toEqual([]);
    });

    it('works on a draft that was never published, which the public cannot see', async () => {
      const target = await makeArticle(api, { title: 'Target' });
      const draft = await makeArticle(api, {}, { publish: false });
      const set = await setLinks(draft, draft.version, [{ kind: 'RELATED_ARTICLE', articleId: target.id }]);
      expect(set).toMatchObject({ version: draft.version + 1, status: 'DRAFT' });
      expect(await previewRelatedOf(draft.slug)).toEqual([{ kind: 'RELATED_ARTICLE', label: 'Target', url: `/articles/${target.slug}`, article: { slug: target.slug } }]);
      expect((await api.query(RELATED, { slug: draft.slug })).data).toEqual({ article: null });

      await publish(draft.id, set.version);
      expect(await relatedOf(draft.slug)).toEqual([{ kind: 'RELATED_ARTICLE', label: 'Target', url: `/articles/${target.slug}`, article: { slug: target.slug } }]);
    });

    it("labels an internal link with the linked article's title and points it at /articles/<slug>: the draft's in preview, the published one's for the public", async () => {
      const target = await makeArticle(api, { title: 'Old title' });
      const article = await makeArticle(api);
      const set = await setLinks(article, article.version, [
        { kind: 'RELATED_ARTICLE', articleId: target.id },
        { kind: 'TRENDING_TOPIC', articleId: target.id, label: 'Own label' },
      ]);
      await publish(article.id, set.version);
      const before = [
        { kind: 'RELATED_ARTICLE', label: 'Old title', url: `/articles/${target.slug}`, article: { slug: target.slug } },
        { kind: 'TRENDING_TOPIC', label: 'Own label', url: `/articles/${target.slug}`, article: { slug: target.slug } },
      ];
      expect(await relatedOf(article.slug)).toEqual(before);
      expect(await previewRelatedOf(article.slug)).toEqual(before);

      // Renaming the target's draft shows in preview only.
      const renamed = await api.asEditor(UPDATE, { id: target.id, input: { title: 'New title', slug: 'moved-article' }, v: target.version });
      expect(renamed.errors).toBeUndefined();
      const after = [
        { kind: 'RELATED_ARTICLE', label: 'New title', url: '/articles/moved-article', article: { slug: 'moved-article' } },
        { kind: 'TRENDING_TOPIC', label: 'Own label', url: '/articles/moved-article', article: { slug: 'moved-article' } },
      ];
      expect(await previewRelatedOf(article.slug)).toEqual(after);
      expect(await relatedOf(article.slug)).toEqual(before);

      // Publishing the renamed target changes the public page, without republishing the article.
      await publish(target.id, renamed.data!.updateArticle.version);
      expect(await relatedOf(article.slug)).toEqual(after);
      expect(await previewRelatedOf(article.slug)).toEqual(after);
      expect((await previewOf(article.slug)).status).toBe('PUBLISHED');
    });

    it('accepts https, http, mailto and relative URLs, as given', async () => {
      const article = await makeArticle(api);
      const urls = ['https://www.example.org/a?b=c#d', 'http://example.com/', 'mailto:editor@example.org', '/relative/path'];
      const set = await setLinks(
        article,
        article.version,
        urls.map((url, i) => ({ kind: 'EXTERNAL_REFERENCE', url, label: `Link ${i}` })),
      );
      const expected = urls.map((url, i) => ({ kind: 'EXTERNAL_REFERENCE', label: `Link ${i}`, url, article: null }));
      expect(set.related).toEqual(expected);
      expect(await previewRelatedOf(article.slug)).toEqual(expected);
      await publish(article.id, set.version);
      expect(await relatedOf(article.slug)).toEqual(expected);
    });

    it('is for editors only', async () => {
      const { article, links } = await articleWithLinks();
      const counts = await contentCounts(api);
      const error = onlyError(await api.query(SET, { articleId: article.id, links: [], v: article.version }));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(await relatedOf(article.slug)).toEqual(links);
      expect(await previewOf(article.slug)).toEqual({ version: article.version, status: 'PUBLISHED', related: links });
      expect(await contentCounts(api)).toEqual(counts);
    });

    it('is refused with CONFLICT for a stale expectedVersion, changing nothing', async () => {
      const { article, links } = await articleWithLinks();
      const first = await setLinks(article, article.version, [{ kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/first', label: 'First' }]);
      const draft = await previewOf(article.slug);
      const counts = await contentCounts(api);

      for (const stale of [article.version, article.version - 1, first.version + 1]) {
        const error = onlyError(
          await api.asEditor(SET, { articleId: article.id, links: [{ kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/second', label: 'Second' }], v: stale }),
        );
        expect(error.extensions, String(stale)).toEqual({ code: 'CONFLICT', currentVersion: first.version, updatedBy: 'admin-token', updatedAt: expect.any(String) });
      }
      expect(await previewOf(article.slug)).toEqual(draft);
      expect(draft.related.map((l) => l.label)).toEqual(['First']);
      expect(await relatedOf(article.slug)).toEqual(links);
      expect(await contentCounts(api)).toEqual(counts);
    });
  });

  describe('what the public sees', () => {
    it('leaves out links to unpublished and trashed articles, which preview shows while they are live drafts', async () => {
      const unpublished = await makeArticle(api, { title: 'Not yet out' }, { publish: false });
      const live = await makeArticle(api, { title: 'Live one' });
      const doomed = await makeArticle(api, { title: 'Soon in the trash' });
      const article = await makeArticle(api);
      const set = await setLinks(article, article.version, [
        { kind: 'RELATED_ARTICLE', articleId: unpublished.id },
        { kind: 'TRENDING_TOPIC', articleId: live.id },
        { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/', label: 'Ref' },
        { kind: 'RELATED_ARTICLE', articleId: doomed.id },
      ]);
      await publish(article.id, set.version);

      const toUnpublished = { kind: 'RELATED_ARTICLE', label: 'Not yet out', url: `/articles/${unpublished.slug}`, article: { slug: unpublished.slug } };
      const toLive = { kind: 'TRENDING_TOPIC', label: 'Live one', url: `/articles/${live.slug}`, article: { slug: live.slug } };
      const toRef = { kind: 'EXTERNAL_REFERENCE', label: 'Ref', url: 'https://example.org/', article: null };
      const toDoomed = { kind: 'RELATED_ARTICLE', label: 'Soon in the trash', url: `/articles/${doomed.slug}`, article: { slug: doomed.slug } };

      expect(await relatedOf(article.slug)).toEqual([toLive, toRef, toDoomed]);
      expect(await relatedOf(article.slug, 'RELATED_ARTICLE')).toEqual([toDoomed]);
      expect(await previewRelatedOf(article.slug)).toEqual([toUnpublished, toLive, toRef, toDoomed]);
      expect(await previewRelatedOf(article.slug, 'RELATED_ARTICLE')).toEqual([toUnpublished, toDoomed]);

      // A trashed article vanishes from the public page and from preview.
      await trash(doomed.id);
      expect(await relatedOf(article.slug)).toEqual([toLive, toRef]);
      expect(await previewRelatedOf(article.slug)).toEqual([toUnpublished, toLive, toRef]);

      // An unpublished article vanishes from the public page, but stays in preview.
      const unpublishLive = await api.asEditor('mutation($id: ID!) { unpublishArticle(id: $id) { status } }', { id: live.id });
      expect(unpublishLive).toEqual({ status: 200, data: { unpublishArticle: { status: 'ARCHIVED' } } });
      expect(await relatedOf(article.slug)).toEqual([toRef]);
      expect(await previewRelatedOf(article.slug)).toEqual([toUnpublished, toLive, toRef]);

      // Publishing a target makes its link appear, in its place, without republishing the article.
      await publish(unpublished.id, unpublished.version);
      expect(await relatedOf(article.slug)).toEqual([toUnpublished, toRef]);

      // Restored from the trash, the target is an unpublished draft: in preview only, until published.
      const restored = await api.asEditor('mutation($id: ID!) { restoreArticle(id: $id) { version status } }', { id: doomed.id });
      expect(restored.errors).toBeUndefined();
      expect(await previewRelatedOf(article.slug)).toEqual([toUnpublished, toLive, toRef, toDoomed]);
      expect(await relatedOf(article.slug)).toEqual([toUnpublished, toRef]);
      await publish(doomed.id, restored.data!.restoreArticle.version);
      expect(await relatedOf(article.slug)).toEqual([toUnpublished, toRef, toDoomed]);

      // None of this touched the article itself.
      expect(await previewOf(article.slug)).toMatchObject({ version: set.version + 1, status: 'PUBLISHED' });
    });
  });

  describe('Article.related(kind)', () => {
    it('keeps only links of that kind, in order, in preview and once published', async () => {
      const [a, b, c] = [await makeArticle(api, { title: 'A' }), await makeArticle(api, { title: 'B' }), await makeArticle(api, { title: 'C' })];
      const article = await makeArticle(api);
      const set = await setLinks(article, article.version, [
        { kind: 'TRENDING_TOPIC', articleId: c.id },
        { kind: 'RELATED_ARTICLE', articleId: a.id },
        { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/', label: 'Ref' },
        { kind: 'TRENDING_TOPIC', articleId: a.id },
        { kind: 'RELATED_ARTICLE', articleId: b.id },
      ]);
      expect(await relatedOf(article.slug)).toEqual([]);
      await publish(article.id, set.version);
      for (const read of [relatedOf, previewRelatedOf]) {
        expect(await read(article.slug, 'TRENDING_TOPIC')).toEqual([
          { kind: 'TRENDING_TOPIC', label: 'C', url: `/articles/${c.slug}`, article: { slug: c.slug } },
          { kind: 'TRENDING_TOPIC', label: 'A', url: `/articles/${a.slug}`, article: { slug: a.slug } },
        ]);
        expect((await read(article.slug, 'RELATED_ARTICLE')).map((l) => l.label)).toEqual(['A', 'B']);
        expect((await read(article.slug, 'EXTERNAL_REFERENCE')).map((l) => l.label)).toEqual(['Ref']);
        expect((await read(article.slug)).map((l) => l.label)).toEqual(['C', 'A', 'Ref', 'A', 'B']);
      }
    });
  });

  describe('validation (a refused call leaves the links as they were)', () => {
    it('needs exactly one of articleId and url', async () => {
      const target = await makeArticle(api);
      const { error } = await refused([
        { kind: 'RELATED_ARTICLE', articleId: target.id, url: 'https://example.org/', label: 'Both' },
        { kind: 'RELATED_ARTICLE', label: 'Neither' },
      ]);
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [
          { path: 'links.0.articleId', message: 'give exactly one of articleId (an article of ours) or url' },
          { path: 'links.1.articleId', message: 'give exactly one of articleId (an article of ours) or url' },
        ],
      });
    });

    it('needs a label for a link to a URL', async () => {
      const { error } = await refused([
        { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/fine', label: 'Fine' },
        { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/unlabelled' },
        { kind: 'TRENDING_TOPIC', url: '/topics/blank', label: '   ' },
      ]);
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [
          { path: 'links.1.label', message: 'is required for a link to a URL' },
          { path: 'links.2.label', message: 'is required for a link to a URL' },
        ],
      });
    });

    it('refuses an EXTERNAL_REFERENCE to an article of ours', async () => {
      const target = await makeArticle(api);
      const { error } = await refused([{ kind: 'EXTERNAL_REFERENCE', articleId: target.id }]);
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [{ path: 'links.0.kind', message: 'EXTERNAL_REFERENCE links need a url, not an articleId' }],
      });
    });

    it('refuses a link from an article to itself', async () => {
      const { article, links: before } = await articleWithLinks();
      const counts = await contentCounts(api);
      const error = onlyError(
        await api.asEditor(SET, {
          articleId: article.id,
          v: article.version,
          links: [
            { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/', label: 'Fine' },
            { kind: 'RELATED_ARTICLE', articleId: article.id },
          ],
        }),
      );
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'links.1.articleId', message: 'must not link an article to itself' }] });
      expect(await previewOf(article.slug)).toEqual({ version: article.version, status: 'PUBLISHED', related: before });
      expect(await relatedOf(article.slug)).toEqual(before);
      expect(await contentCounts(api)).toEqual(counts);
    });

    it('refuses a link to an article that does not exist, and an id that cannot be one', async () => {
      const { error } = await refused([
        { kind: 'RELATED_ARTICLE', articleId: MISSING_ID },
        { kind: 'TRENDING_TOPIC', articleId: 'not-an-id' },
      ]);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.issues).toEqual([{ path: 'links.1.articleId', message: 'is not a valid id' }]);

      const { error: missing } = await refused([{ kind: 'RELATED_ARTICLE', articleId: MISSING_ID }]);
      expect(missing.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'links.0.articleId', message: `no article has id "${MISSING_ID}"` }] });
    });

    it('refuses a link to an article in the trash, but not to an unpublished one', async () => {
      const trashed = await makeArticle(api);
      await trash(trashed.id);
      const unpublished = await makeArticle(api, {}, { publish: false });
      const { error, article } = await refused([
        { kind: 'RELATED_ARTICLE', articleId: unpublished.id },
        { kind: 'TRENDING_TOPIC', articleId: trashed.id },
      ]);
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'links.1.articleId', message: `no article has id "${trashed.id}"` }] });

      const set = await setLinks(article, article.version, [{ kind: 'RELATED_ARTICLE', articleId: unpublished.id }]);
      expect(set.related).toEqual([{ kind: 'RELATED_ARTICLE', label: `Article ${unpublished.slug}`, url: `/articles/${unpublished.slug}`, article: { slug: unpublished.slug } }]);
    });

    it('refuses URLs a browser would run or send off-site, however they are disguised', async () => {
      const unsafe = [
        'javascript:alert(1)',
        'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
        'vbscript:msgbox(1)',
        'JaVaScRiPt:alert(1)',
        ' javascript:alert(1)',
        'java\tscript:alert(1)',
        '//evil.example',
        '//evil.example/path',
      ];
      const { error } = await refused(unsafe.map((url) => ({ kind: 'EXTERNAL_REFERENCE', url, label: 'Click me' })));
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: unsafe.map((_url, i) => ({ path: `links.${i}.url`, message: URL_MESSAGE })),
      });
    });

    it('refuses each unsafe URL on its own, among safe ones', async () => {
      for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', '//evil.example', 'data:,x', 'vbscript:x']) {
        const { error } = await refused([
          { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/', label: 'Safe' },
          { kind: 'RELATED_ARTICLE', url, label: 'Unsafe' },
          { kind: 'TRENDING_TOPIC', url: '/relative', label: 'Safe' },
        ]);
        expect(error.extensions, JSON.stringify(url)).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'links.1.url', message: URL_MESSAGE }] });
      }
    });
  });

  describe('an unknown article', () => {
    it('is NOT_FOUND, whether the id is well-formed or not, and so is one in the trash', async () => {
      const trashed = await makeArticle(api);
      await trash(trashed.id);
      const before = await contentCounts(api);
      // The trashed article's current version, so only its being in the trash can refuse it.
      for (const [id, v] of [[MISSING_ID, 1], ['not-an-id', 1], [trashed.id, trashed.version + 1]] as const) {
        const error = onlyError(await api.asEditor(SET, { articleId: id, v, links: [{ kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/', label: 'x' }] }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No article with id "${id}".`);
      }
      expect(await contentCounts(api)).toEqual(before);
    });
  });
});
