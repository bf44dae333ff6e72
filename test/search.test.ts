/**
 * Full-text search through the API: what it finds (published content only, all three kinds),
 * in which order, how it pages and highlights, what it refuses, what a page costs in SQL, and
 * how a database whose content predates the index becomes searchable.
 *
 * Every test uses words of its own (made-up or rare ones), so tests in this file, which share
 * one database, never find each other's documents.
 */
import { describe, expect, it } from 'vitest';
import { reindexSearch } from '../src/search/search.index.js';
import { MAX_SEARCH_QUERY_LENGTH } from '../src/security/limits.js';
import { makeArticle, makeCategory, makeComparison, makePerson, makeTreatment } from './factories.js';
import { onlyError, useTestApi, type GraphQLResponse } from './setup/server.js';

const SEARCH = `query($q: String!, $first: Int, $after: String, $types: [DocumentType!]) {
  search(query: $q, first: $first, after: $after, types: $types) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        score
        document {
          __typename
          ... on Article { id slug title }
          ... on Treatment { id slug name }
          ... on Comparison { id slug title }
        }
      }
    }
  }
}`;

const SNIPPETS = `query($q: String!) {
  search(query: $q) {
    edges { node { snippet { html segments { text highlighted } } highlightedTitle { html segments { text highlighted } } } }
  }
}`;

interface Hit {
  score: number;
  document: { __typename: string; id: string; slug: string; title?: string; name?: string };
}

const paragraph = (text: string) => ({ paragraph: { spans: [{ text }] } });

describe('search', () => {
  const api = useTestApi();

  /** The slugs `q` finds, best first (failing the test on any error). */
  async function found(q: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    const response = await api.query(SEARCH, { q, first: 100, ...variables });
    expect(response.errors).toBeUndefined();
    return response.data!.search.edges.map((edge: { node: Hit }) => edge.node.document.slug);
  }

  describe('ranking', () => {
    it('ranks a title match above a summary match above body matches', async () => {
      const inBody = await makeArticle(api, { title: 'Ear care', body: [paragraph('Saltwater zebrafish rinse. The zebrafish method. More zebrafish.')] });
      const inTitle = await makeArticle(api, { title: 'The zebrafish guide', body: [paragraph('Nothing else here.')] });
      const inSummary = await makeArticle(api, { title: 'Fish facts', summary: 'All about the zebrafish.' });
      const response = await api.query(SEARCH, { q: 'zebrafish' });
      const hits: Hit[] = response.data!.search.edges.map((edge: { node: Hit }) => edge.node);
      expect(hits.map((hit) => hit.document.slug)).toEqual([inTitle.slug, inSummary.slug, inBody.slug]);
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
      expect(hits[1]!.score).toBeGreaterThan(hits[2]!.score);
    });

    it('ranks by title and summary; documents found only in their body follow, newest first', async () => {
      // However often the body repeats the word, it does not lift a document above a summary match.
      const older = await makeArticle(api, { title: 'Quoll notes', publishedAt: '2024-01-01T00:00:00.000Z', body: [paragraph(`${'The quokka. '.repeat(30)}`)] });
      const newer = await makeArticle(api, { title: 'Marsupial notes', publishedAt: '2025-01-01T00:00:00.000Z', body: [paragraph('One quokka.')] });
      const inSummary = await makeArticle(api, { title: 'Island life', publishedAt: '2020-01-01T00:00:00.000Z', summary: 'A quokka, briefly.' });
      const response = await api.query(SEARCH, { q: 'quokka' });
      const hits: Hit[] = response.data!.search.edges.map((edge: { node: Hit }) => edge.node);
      expect(hits.map((hit) => hit.document.slug)).toEqual([inSummary.slug, newer.slug, older.slug]);
      expect(hits[0]!.score).toBeGreaterThan(0);
      expect(hits.slice(1).map((hit) => hit.score)).toEqual([0, 0]);

      // Words whose stored form needs quoting in a vector (backslashes, quotes) rank all the same.
      const odd = await makeArticle(api, { title: `It's C:\\quoll\\path, 'quoted' O'Brien x\\y "q" \\'` });
      expect(await found('quoll')).toEqual([odd.slug, older.slug]);
    });

    it('matches a quoted phrase only with the words together, in order; plain words anywhere', async () => {
      const together = await makeArticle(api, { body: [paragraph('Our quokka wombat sanctuary opens daily.')] });
      const apart = await makeArticle(api, { body: [paragraph('A wombat met a quokka near the sanctuary.')] });
      expect(await found('"quokka wombat"')).toEqual([together.slug]);
      expect((await found('quokka wombat')).sort()).toEqual([together.slug, apart.slug].sort());
      // Stems: "sanctuaries" finds "sanctuary".
      expect((await found('sanctuaries quokka')).sort()).toEqual([together.slug, apart.slug].sort());
    });

    it('finds words by prefix, leaves out excluded words, and ORs', async () => {
      const practice = await makeArticle(api, { title: 'Acupuncturists near you', body: [paragraph('Finding an okapinist.')] });
      const needles = await makeArticle(api, { title: 'Acupuncture and okapinism', body: [paragraph('Some surgery too.')] });
      expect((await found('acupunct*')).sort()).toEqual([practice.slug, needles.slug].sort());
      expect(await found('acupuncture')).toEqual([needles.slug]);
      expect(await found('acupunct* -surgery')).toEqual([practice.slug]);
      expect(await found('acupunct* -"some surgery"')).toEqual([practice.slug]);
      expect((await found('okapinist OR okapinism')).sort()).toEqual([practice.slug, needles.slug].sort());
      expect(await found('okapinist OR okapinism -surgery')).toEqual([practice.slug]);
    });
  });

  describe('published content only', () => {
    const UPDATE = `mutation($id: ID!, $input: UpdateArticleInput!, $v: Int!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { version } }`;
    const PUBLISH = `mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { version } }`;

    it('never finds a draft, and finds edits only once they are published', async () => {
      const draft = await makeArticle(api, { title: 'Capybara therapy' }, { publish: false });
      expect(await found('capybara')).toEqual([]);

      const published = await api.asEditor(PUBLISH, { id: draft.id, v: draft.version });
      expect(await found('capybara')).toEqual([draft.slug]);

      const edited = await api.asEditor(UPDATE, { id: draft.id, input: { title: 'Axolotl therapy' }, v: published.data!.publishArticle.version });
      expect(await found('axolotl')).toEqual([]);
      expect(await found('capybara')).toEqual([draft.slug]);

      await api.asEditor(PUBLISH, { id: draft.id, v: edited.data!.updateArticle.version });
      expect(await found('axolotl')).toEqual([draft.slug]);
      expect(await found('capybara')).toEqual([]);
    });

    it('forgets what is unpublished, trashed or purged, and a restore from the trash stays unpublished', async () => {
      const article = await makeArticle(api, { title: 'Narwhal stretches' });
      const treatment = await makeTreatment(api, { name: 'Narwhal massage' });
      expect((await found('narwhal')).sort()).toEqual([article.slug, treatment.slug].sort());

      await api.asEditor('mutation($id: ID!) { unpublishArticle(id: $id) { id } }', { id: article.id });
      expect(await found('narwhal')).toEqual([treatment.slug]);
      await api.asEditor('mutation($id: ID!) { deleteTreatment(id: $id) }', { id: treatment.id });
      expect(await found('narwhal')).toEqual([]);
      await api.asEditor('mutation($id: ID!) { restoreTreatment(id: $id) { id } }', { id: treatment.id });
      expect(await found('narwhal')).toEqual([]);

      const again = await makeArticle(api, { title: 'Narwhal yoga' });
      expect(await found('narwhal')).toEqual([again.slug]);
      await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id: again.id });
      await api.asEditor('mutation($id: ID!) { purgeArticle(id: $id) }', { id: again.id });
      expect(await found('narwhal')).toEqual([]);
      expect(await api.db.prisma.searchDocument.count({ where: { documentId: { in: [article.id, treatment.id, again.id] } } })).toBe(0);
    });
  });

  describe('kinds', () => {
    it('finds articles, treatments and comparisons, and `types` narrows the kinds', async () => {
      const [one, two] = [await makeTreatment(api, { name: 'Pangolin therapy' }), await makeTreatment(api, { otherNames: ['Gentle pangolin method'] })];
      const comparison = await makeComparison(api, {
        treatmentIds: [one.id, two.id],
        rows: [{ aspect: 'Origins', cells: [{ treatmentId: one.id, text: 'Pangolin sanctuaries, 1990s' }, { treatmentId: two.id, text: 'Unknown' }] }],
      });
      const article = await makeArticle(api, { body: [{ list: { items: [{ spans: [{ text: 'Ask about pangolin care.' }] }] } }] });

      const response = await api.query(SEARCH, { q: 'pangolin' });
      const kinds = response.data!.search.edges.map((edge: { node: Hit }) => `${edge.node.document.__typename} ${edge.node.document.slug}`);
      expect(kinds.sort()).toEqual([`Article ${article.slug}`, `Comparison ${comparison.slug}`, `Treatment ${one.slug}`, `Treatment ${two.slug}`].sort());
      expect(response.data!.search.totalCount).toBe(4);

      expect((await found('pangolin', { types: ['TREATMENT'] })).sort()).toEqual([one.slug, two.slug].sort());
      const narrowed = await api.query(SEARCH, { q: 'pangolin', types: ['COMPARISON', 'ARTICLE'] });
      expect(narrowed.data!.search.totalCount).toBe(2);
      expect(narrowed.data!.search.edges.map((edge: { node: Hit }) => edge.node.document.slug).sort()).toEqual([comparison.slug, article.slug].sort());
    });

    it('finds a comparison by its cells only for the treatments readers can see, as its page shows them', async () => {
      const shown = await makeTreatment(api);
      const hidden = await makeTreatment(api, {}, { publish: false });
      const comparison = await makeComparison(api, {
        treatmentIds: [shown.id, hidden.id],
        rows: [{ aspect: 'Origins', cells: [{ treatmentId: shown.id, text: 'Gerenuk research' }, { treatmentId: hidden.id, text: 'Dugong folklore' }] }],
      });
      expect(await found('gerenuk')).toEqual([comparison.slug]);
      expect(await found('dugong')).toEqual([]);

      // Publishing the treatment shows its column, so its cells are found; taking it down hides them again.
      await api.asEditor('mutation($id: ID!, $v: Int!) { publishTreatment(id: $id, expectedVersion: $v) { id } }', { id: hidden.id, v: hidden.version });
      expect(await found('dugong')).toEqual([comparison.slug]);
      await api.asEditor('mutation($id: ID!) { unpublishTreatment(id: $id) { id } }', { id: hidden.id });
      expect(await found('dugong')).toEqual([]);
      expect(await found('gerenuk')).toEqual([comparison.slug]);
    });
  });

  describe('paging', () => {
    it('pages with `after` through every hit once, in rank order, ties by date then id', async () => {
      const sameDay = '2024-03-01T00:00:00.000Z';
      const made = [
        await makeArticle(api, { title: 'Marmoset marmoset', publishedAt: sameDay }),
        await makeArticle(api, { body: [paragraph('A marmoset.')], publishedAt: '2024-01-01T00:00:00.000Z' }),
        await makeArticle(api, { body: [paragraph('A marmoset.')], publishedAt: sameDay }),
        await makeArticle(api, { body: [paragraph('A marmoset.')], publishedAt: sameDay }),
        await makeArticle(api, { body: [paragraph('A marmoset.')], publishedAt: '2025-01-01T00:00:00.000Z' }),
        await makeArticle(api, { summary: 'The marmoset.', publishedAt: sameDay }),
        await makeArticle(api, { title: 'Marmoset', publishedAt: sameDay }),
      ];
      const all = await api.query(SEARCH, { q: 'marmoset', first: 100 });
      const ranked: Hit[] = all.data!.search.edges.map((edge: { node: Hit }) => edge.node);
      expect(ranked).toHaveLength(made.length);
      // Best first; equal scores: newer first, then the higher id.
      const bodyOnly = [made[4]!, ...[made[2]!, made[3]!].sort((a, b) => (a.id < b.id ? 1 : -1)), made[1]!].map((m) => m.slug);
      expect(ranked.slice(-4).map((hit) => hit.document.slug)).toEqual(bodyOnly);
      for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);

      const paged: string[] = [];
      let after: string | null = null;
      for (let page = 1; ; page++) {
        const response: GraphQLResponse = await api.query(SEARCH, { q: 'marmoset', first: 2, after });
        const search = response.data!.search;
        expect(search.totalCount).toBe(made.length);
        expect(search.pageInfo.hasPreviousPage).toBe(page > 1);
        paged.push(...search.edges.map((edge: { node: Hit }) => edge.node.document.slug));
        expect(search.pageInfo.endCursor).toBe(search.edges.at(-1)?.cursor ?? null);
        if (!search.pageInfo.hasNextPage) break;
        after = search.pageInfo.endCursor;
        expect(page).toBeLessThan(made.length);
      }
      expect(paged).toEqual(ranked.map((hit) => hit.document.slug));
    });

    it('pages through a phrase\'s hits the same way, leaving out documents with the words apart', async () => {
      const together = [
        await makeArticle(api, { title: 'Golden tamarin care' }),
        await makeArticle(api, { summary: 'The golden tamarin.', publishedAt: '2024-05-01T00:00:00.000Z' }),
        await makeArticle(api, { body: [paragraph('A golden tamarin.')], publishedAt: '2023-01-01T00:00:00.000Z' }),
        await makeArticle(api, { body: [paragraph('A golden tamarin.')], publishedAt: '2022-01-01T00:00:00.000Z' }),
        await makeArticle(api, { body: [paragraph('Another golden tamarin.')], publishedAt: '2021-01-01T00:00:00.000Z' }),
      ];
      // Both words, apart, in the title: they would rank first were the phrase not checked.
      await makeArticle(api, { title: 'Tamarin, not golden' });
      await makeArticle(api, { title: 'Golden hour for a tamarin' });

      const paged: string[] = [];
      let after: string | null = null;
      for (;;) {
        const response: GraphQLResponse = await api.query(SEARCH, { q: '"golden tamarin"', first: 2, after });
        expect(response.errors).toBeUndefined();
        expect(response.data!.search.totalCount).toBe(together.length);
        paged.push(...response.data!.search.edges.map((edge: { node: Hit }) => edge.node.document.slug));
        if (!response.data!.search.pageInfo.hasNextPage) break;
        after = response.data!.search.pageInfo.endCursor;
      }
      expect(paged).toEqual(together.map((article) => article.slug));
    });

    it('answers an empty page after the last hit, and nothing for words nowhere', async () => {
      await makeArticle(api, { title: 'Tapir' });
      const first = await api.query(SEARCH, { q: 'tapir', first: 1 });
      expect(first.data!.search.pageInfo.hasNextPage).toBe(false);
      const next = await api.query(SEARCH, { q: 'tapir', first: 1, after: first.data!.search.pageInfo.endCursor });
      expect(next.data!.search).toEqual({ totalCount: 1, pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null }, edges: [] });
      expect((await api.query(SEARCH, { q: 'qwzxkvjbnonexistent' })).data!.search).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
        edges: [],
      });
    });
  });

  describe('snippets', () => {
    it('highlights the matches in the body and the title, with hostile text escaped', async () => {
      await makeArticle(api, {
        title: 'Kinkajou <b>care</b>',
        summary: 'Notes & more.',
        body: [paragraph('Before. <script>alert("kinkajou")</script> After the kinkajou\'s nap, <img src=x onerror=alert(1)>.')],
      });
      const response = await api.query(SNIPPETS, { q: 'kinkajou' });
      expect(response.errors).toBeUndefined();
      const [hit] = response.data!.search.edges.map((edge: { node: unknown }) => edge.node);
      expect(hit.highlightedTitle).toEqual({
        html: '<mark>Kinkajou</mark> &lt;b&gt;care&lt;/b&gt;',
        segments: [
          { text: 'Kinkajou', highlighted: true },
          { text: ' <b>care</b>', highlighted: false },
        ],
      });
      expect(hit.snippet.html).toContain('&lt;script&gt;alert(&quot;<mark>kinkajou</mark>&quot;)&lt;/script&gt;');
      expect(hit.snippet.html).toContain('After the <mark>kinkajou</mark>&#39;s nap');
      expect(hit.snippet.html).not.toMatch(/<(?!\/?mark>)/);
      // The segments are the same text, unescaped, for clients that render it themselves.
      const text = hit.snippet.segments.map((s: { text: string }) => s.text).join('');
      expect(text).toContain('<script>alert("kinkajou")</script>');
      expect(hit.snippet.segments.filter((s: { highlighted: boolean }) => s.highlighted).map((s: { text: string }) => s.text)).toEqual(['kinkajou', 'kinkajou']);
    });

    it('shows the opening words when only the title matches', async () => {
      await makeArticle(api, { title: 'Wallaby basics', summary: 'Short summary first.', body: [paragraph('Then the body.')] });
      const [hit] = (await api.query(SNIPPETS, { q: 'wallaby' })).data!.search.edges.map((edge: { node: unknown }) => edge.node);
      expect(hit.snippet).toEqual({ html: 'Short summary first.\nThen the body.', segments: [{ text: 'Short summary first.\nThen the body.', highlighted: false }] });
    });
    it('cuts the snippet from the best-matching lines of a long body, wherever they are', async () => {
      const filler = Array.from({ length: 400 }, (_, i) => paragraph(`Paragraph ${i} says nothing in particular about anything here.`));
      filler.splice(250, 0, paragraph('A numbat alone.'));
      filler.splice(350, 0, paragraph('The numbat tendon story, with both words.'));
      await makeArticle(api, { title: 'Long read', summary: 'A summary without the words.', body: filler });
      const [hit] = (await api.query(SNIPPETS, { q: 'numbat tendon' })).data!.search.edges.map((edge: { node: unknown }) => edge.node);
      expect(hit.snippet.html).toContain('The <mark>numbat</mark> <mark>tendon</mark> story');
      expect(hit.snippet.html).not.toContain('Paragraph');

      // A word found only in the title: the snippet is the opening lines, not the whole body.
      const [titleOnly] = (await api.query(SNIPPETS, { q: 'long read' })).data!.search.edges.map((edge: { node: { snippet: { html: string } } }) => edge.node);
      expect(titleOnly.snippet.html).toMatch(/^A summary without the words\.\nParagraph 0 says/);
    });
  });

  describe('bad input', () => {
    it('refuses an empty, too long, stop-words-only or exclusions-only query with BAD_USER_INPUT, running no SQL for what it can tell alone', async () => {
      const cases: [string, string, boolean][] = [
        ['', 'must contain a word to search for (letters or digits)', false],
        ['  !!  ', 'must contain a word to search for (letters or digits)', false],
        ['x'.repeat(MAX_SEARCH_QUERY_LENGTH + 1), `must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`, false],
        ['-surgery', 'must contain a word to search for, not only words to leave out (-word)', false],
        ['ab*', 'a prefix search needs at least 3 letters before the *, not "ab*"', false],
        ['the and of', 'has only very common words ("the", "and", "with", ...), which are not searched: add a more specific word', true],
        ['"to be or not to be"', 'has only very common words ("the", "and", "with", ...), which are not searched: add a more specific word', true],
        ['the -surgery', 'has only very common words ("the", "and", "with", ...), which are not searched: add a more specific word', true],
      ];
      for (const [q, message, needsSql] of cases) {
        api.db.resetQueryLog();
        const response = await api.query(SEARCH, { q });
        expect(response.data, q).toBeNull();
        expect(response.errors, q).toEqual([
          { message: `Invalid input: query: ${message}`, locations: [{ line: 2, column: 3 }], path: ['search'], extensions: { code: 'BAD_USER_INPUT', issues: [{ path: 'query', message }] } },
        ]);
        expect(api.db.queries.length, q).toBe(needsSql ? 1 : 0);
      }
    });

    it('refuses a cursor it did not give out, an empty `types` and `first` out of range', async () => {
      for (const [variables, path] of [
        [{ after: 'bm90LWEtY3Vyc29y' }, 'after'],
        [{ after: Buffer.from(JSON.stringify([1, 'x', 'y'])).toString('base64url') }, 'after'],
        [{ types: [] }, 'types'],
        [{ first: 0 }, 'first'],
        [{ first: 101 }, 'first'],
      ] as const) {
        const error = onlyError(await api.query(SEARCH, { q: 'anything', ...variables }));
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
        expect(error.extensions.issues).toEqual([{ path, message: expect.any(String) }]);
      }
    });

    it('is costed like a list: `first` sizes its edges for the query cost limit', async () => {
      const heavy = (first: number) => `{ search(query: "anything", first: ${first}) { edges { node { document { ... on Article {
        body { ... on ParagraphBlock { spans { text bold italic href } } ... on ListBlock { items { spans { text } } } }
        related { label url article { title treatments { name } } } } } } } } }`;
      expect((await api.query(heavy(5))).errors).toBeUndefined();
      const refused = onlyError(await api.query(heavy(100)));
      expect(refused.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' });
    });
  });

  describe('cost', () => {
    it('costs the same number of SQL statements for 5 hits as for 20, documents and their relations included', async () => {
      const category = await makeCategory(api);
      const expert = await makePerson(api, { credentials: 'MD' });
      const [t1, t2] = [await makeTreatment(api, { name: 'Chinchilla walking' }), await makeTreatment(api)];
      await makeComparison(api, { title: 'Chinchilla methods', treatmentIds: [t1.id, t2.id] });
      // The treatment and the comparison match in their titles, so both pages hold all three
      // kinds; with 18 articles (matching in the body), the second page holds every hit.
      for (let i = 0; i < 18; i++) {
        await makeArticle(api, {
          title: `Notes ${i}`,
          body: [paragraph('About the chinchilla.')],
          categoryId: category.id,
          experts: [{ personId: expert.id, role: 'REVIEWER' }],
          treatmentIds: i % 2 ? [t1.id, t2.id] : [t1.id],
        });
      }
      const PAGE = `query($first: Int) { search(query: "chinchilla", first: $first) {
        edges { node { score snippet { html } highlightedTitle { html } document {
          __typename
          ... on Article { title category { name } experts { role person { name credentials } } treatments { name } }
          ... on Treatment { name comparisons { title } }
          ... on Comparison { title treatments { name } }
        } } }
      } }`;
      api.db.resetQueryLog();
      const small = await api.query(PAGE, { first: 5 });
      const forFive = api.db.queries.length;
      api.db.resetQueryLog();
      const large = await api.query(PAGE, { first: 20 });
      const forTwenty = api.db.queries.length;

      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      expect(small.data!.search.edges).toHaveLength(5);
      expect(large.data!.search.edges).toHaveLength(20);
      for (const page of [small, large]) {
        const kinds = new Set(page.data!.search.edges.map((edge: { node: Hit }) => edge.node.document.__typename));
        expect(kinds).toEqual(new Set(['Article', 'Treatment', 'Comparison']));
      }
      expect(large.data!.search.edges.find((edge: { node: Hit }) => edge.node.document.__typename === 'Article').node.document).toMatchObject({
        category: { name: expect.any(String) },
        experts: [{ role: 'REVIEWER', person: { credentials: 'MD' } }],
      });
      expect(forTwenty).toBe(forFive);
      console.info(`search page of 20 hits with documents, categories, experts and treatments: ${forTwenty} SQL statements`);

      // Result cards that show an article's category: the category comes with the hit.
      api.db.resetQueryLog();
      const cards = await api.query(`{ search(query: "chinchilla", first: 20) { edges { node { document { ... on Article { title category { name } } } } } } }`);
      expect(cards.errors).toBeUndefined();
      expect(cards.data!.search.edges.filter((edge: { node: { document: { category?: unknown } } }) => edge.node.document.category)).toHaveLength(18);
      expect(api.db.queries).toHaveLength(1);
    });
  });

  describe('reindexing', () => {
    it('indexes published content the index lacks or holds stale, drops rows of what is not published, and does nothing the second time', async () => {
      const article = await makeArticle(api, { title: 'Ocelot posture', body: [paragraph('Ocelot exercises.')] });
      const treatment = await makeTreatment(api, { name: 'Ocelot stretching' });
      const comparison = await makeComparison(api, { title: 'Ocelot methods', treatmentIds: [treatment.id, (await makeTreatment(api)).id] });
      const draft = await makeArticle(api, { title: 'Ocelot draft' }, { publish: false });
      expect((await found('ocelot')).sort()).toEqual([article.slug, treatment.slug, comparison.slug].sort());

      // A database from before search: published content, no index rows (and one stray row).
      await api.db.prisma.$executeRaw`DELETE FROM "SearchDocument" WHERE "documentId" IN (${article.id}::uuid, ${treatment.id}::uuid)`;
      await api.db.prisma.$executeRaw`UPDATE "SearchDocument" SET version = version - 1, title = 'stale', vector = to_tsvector('english', 'stale') WHERE "documentId" = ${comparison.id}::uuid`;
      await api.db.prisma.$executeRaw`
        INSERT INTO "SearchDocument" ("documentType", "documentId", slug, title, summary, body, vector, "headVector", "lineVectors", "publishedAt", version, "textVersion")
        VALUES ('ARTICLE', ${draft.id}::uuid, ${draft.slug}, 'Ocelot draft', '', '', to_tsvector('english', 'Ocelot draft'), to_tsvector('english', 'Ocelot draft'), '{}', now(), 1, 1)`;
      // Even a stray row never shows what is not published.
      expect(await found('ocelot')).toEqual([]);

      expect(await reindexSearch(api.db.prisma)).toEqual({ indexed: 3, removed: 1 });
      expect((await found('ocelot')).sort()).toEqual([article.slug, treatment.slug, comparison.slug].sort());
      expect(await found('stale')).toEqual([]);
      expect(await reindexSearch(api.db.prisma)).toEqual({ indexed: 0, removed: 0 });
    });
  });
});
