/**
 * Related links: an article's ordered list of related articles, trending topics and external
 * references. Each points at exactly one of: an article of ours, or a URL that is safe to put
 * in an href.
 */
import { describe, expect, it } from 'vitest';
import { contentCounts, makeArticle } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const LINK_FIELDS = 'kind label url article { slug }';
const SET = `mutation($articleId: ID!, $links: [RelatedLinkInput!]!) {
  setArticleRelatedLinks(articleId: $articleId, links: $links) { id slug related { ${LINK_FIELDS} } }
}`;
const RELATED = `query($slug: String!, $kind: RelatedLinkKind) { article(slug: $slug) { related(kind: $kind) { ${LINK_FIELDS} } } }`;

const MISSING_ID = '01900000-0000-7000-8000-000000000000';
const URL_MESSAGE = 'must be an http(s), mailto or relative URL';

describe('related links', () => {
  const api = useTestApi();

  async function relatedOf(slug: string, kind?: string) {
    const { data, errors } = await api.query(RELATED, { slug, kind });
    expect(errors).toBeUndefined();
    return data!.article.related;
  }

  /** An article with one related link already in place, and what its links read as. */
  async function articleWithLinks() {
    const target = await makeArticle(api, { title: 'Already linked' });
    const article = await makeArticle(api, {
      related: [
        { kind: 'RELATED_ARTICLE', articleId: target.id },
        { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/kept', label: 'Kept' },
      ],
    });
    const links = await relatedOf(article.slug);
    expect(links).toHaveLength(2);
    return { article, links };
  }

  /** Sends a setArticleRelatedLinks that must fail; checks the article's links and every table are unchanged. */
  async function refused(links: unknown[]) {
    const { article, links: before } = await articleWithLinks();
    const counts = await contentCounts(api);
    const error = onlyError(await api.asEditor(SET, { articleId: article.id, links }));
    expect(await relatedOf(article.slug)).toEqual(before);
    expect(await contentCounts(api)).toEqual(counts);
    return { error, article };
  }

  describe('setArticleRelatedLinks', () => {
    it('replaces the links with these, in this order, and answers the article', async () => {
      const { article } = await articleWithLinks();
      const [hot, sibling] = [await makeArticle(api, { title: 'What is hot' }), await makeArticle(api, { title: 'A sibling' })];

      const { data, errors } = await api.asEditor(SET, {
        articleId: article.id,
        links: [
          { kind: 'TRENDING_TOPIC', articleId: hot.id },
          { kind: 'EXTERNAL_REFERENCE', url: 'https://www.nccaom.org/', label: 'Certification body' },
          { kind: 'RELATED_ARTICLE', articleId: sibling.id, label: 'Read this next' },
          { kind: 'RELATED_ARTICLE', articleId: hot.id },
        ],
      });
      expect(errors).toBeUndefined();
      expect(data!.setArticleRelatedLinks).toEqual({
        id: article.id,
        slug: article.slug,
        related: [
          { kind: 'TRENDING_TOPIC', label: 'What is hot', url: `/articles/${hot.slug}`, article: { slug: hot.slug } },
          { kind: 'EXTERNAL_REFERENCE', label: 'Certification body', url: 'https://www.nccaom.org/', article: null },
          { kind: 'RELATED_ARTICLE', label: 'Read this next', url: `/articles/${sibling.slug}`, article: { slug: sibling.slug } },
          { kind: 'RELATED_ARTICLE', label: 'What is hot', url: `/articles/${hot.slug}`, article: { slug: hot.slug } },
        ],
      });
      expect(await relatedOf(article.slug)).toEqual(data!.setArticleRelatedLinks.related);

      const reversed = await api.asEditor(SET, {
        articleId: article.id,
        links: [
          { kind: 'RELATED_ARTICLE', articleId: sibling.id },
          { kind: 'TRENDING_TOPIC', articleId: hot.id },
        ],
      });
      expect(reversed.data!.setArticleRelatedLinks.related.map((l: { article: { slug: string } }) => l.article.slug)).toEqual([sibling.slug, hot.slug]);

      const none = await api.asEditor(SET, { articleId: article.id, links: [] });
      expect(none.data!.setArticleRelatedLinks.related).toEqual([]);
      expect(await api.db.prisma.relatedLink.count({ where: { article: { slug: article.slug } } })).toBe(0);
    });

    it("labels an internal link with the linked article's title and points it at /articles/<slug>, following edits", async () => {
      const target = await makeArticle(api, { title: 'Old title' });
      const article = await makeArticle(api);
      await api.asEditor(SET, {
        articleId: article.id,
        links: [
          { kind: 'RELATED_ARTICLE', articleId: target.id },
          { kind: 'TRENDING_TOPIC', articleId: target.id, label: 'Own label' },
        ],
      });
      expect(await relatedOf(article.slug)).toEqual([
        { kind: 'RELATED_ARTICLE', label: 'Old title', url: `/articles/${target.slug}`, article: { slug: target.slug } },
        { kind: 'TRENDING_TOPIC', label: 'Own label', url: `/articles/${target.slug}`, article: { slug: target.slug } },
      ]);

      const renamed = await api.asEditor('mutation($id: ID!) { updateArticle(id: $id, input: { title: "New title", slug: "moved-article" }) { id } }', {
        id: target.id,
      });
      expect(renamed.errors).toBeUndefined();
      expect(await relatedOf(article.slug)).toEqual([
        { kind: 'RELATED_ARTICLE', label: 'New title', url: '/articles/moved-article', article: { slug: 'moved-article' } },
        { kind: 'TRENDING_TOPIC', label: 'Own label', url: '/articles/moved-article', article: { slug: 'moved-article' } },
      ]);
    });

    it('accepts https, http, mailto and relative URLs, as given', async () => {
      const article = await makeArticle(api);
      const urls = ['https://www.example.org/a?b=c#d', 'http://example.com/', 'mailto:editor@example.org', '/relative/path'];
      const { data, errors } = await api.asEditor(SET, {
        articleId: article.id,
        links: urls.map((url, i) => ({ kind: 'EXTERNAL_REFERENCE', url, label: `Link ${i}` })),
      });
      expect(errors).toBeUndefined();
      expect(data!.setArticleRelatedLinks.related).toEqual(urls.map((url, i) => ({ kind: 'EXTERNAL_REFERENCE', label: `Link ${i}`, url, article: null })));
    });

    it('is for editors only', async () => {
      const { article, links } = await articleWithLinks();
      const error = onlyError(await api.query(SET, { articleId: article.id, links: [] }));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(await relatedOf(article.slug)).toEqual(links);
    });
  });

  describe('Article.related(kind)', () => {
    it('keeps only links of that kind, in order', async () => {
      const [a, b, c] = [await makeArticle(api, { title: 'A' }), await makeArticle(api, { title: 'B' }), await makeArticle(api, { title: 'C' })];
      const article = await makeArticle(api);
      await api.asEditor(SET, {
        articleId: article.id,
        links: [
          { kind: 'TRENDING_TOPIC', articleId: c.id },
          { kind: 'RELATED_ARTICLE', articleId: a.id },
          { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/', label: 'Ref' },
          { kind: 'TRENDING_TOPIC', articleId: a.id },
          { kind: 'RELATED_ARTICLE', articleId: b.id },
        ],
      });
      expect(await relatedOf(article.slug, 'TRENDING_TOPIC')).toEqual([
        { kind: 'TRENDING_TOPIC', label: 'C', url: `/articles/${c.slug}`, article: { slug: c.slug } },
        { kind: 'TRENDING_TOPIC', label: 'A', url: `/articles/${a.slug}`, article: { slug: a.slug } },
      ]);
      expect((await relatedOf(article.slug, 'RELATED_ARTICLE')).map((l: { label: string }) => l.label)).toEqual(['A', 'B']);
      expect((await relatedOf(article.slug, 'EXTERNAL_REFERENCE')).map((l: { label: string }) => l.label)).toEqual(['Ref']);
      expect((await relatedOf(article.slug)).map((l: { label: string }) => l.label)).toEqual(['C', 'A', 'Ref', 'A', 'B']);
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
      const error = onlyError(
        await api.asEditor(SET, {
          articleId: article.id,
          links: [
            { kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/', label: 'Fine' },
            { kind: 'RELATED_ARTICLE', articleId: article.id },
          ],
        }),
      );
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', issues: [{ path: 'links.1.articleId', message: 'must not link an article to itself' }] });
      expect(await relatedOf(article.slug)).toEqual(before);
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
    it('is NOT_FOUND, whether the id is well-formed or not', async () => {
      const before = await contentCounts(api);
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(SET, { articleId: id, links: [{ kind: 'EXTERNAL_REFERENCE', url: 'https://example.org/', label: 'x' }] }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No article with id "${id}".`);
      }
      expect(await contentCounts(api)).toEqual(before);
    });
  });
});
