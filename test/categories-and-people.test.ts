/**
 * Categories (the sections articles belong to) and people (the experts articles name): simple
 * records editors manage (no drafts or versions), which cannot be deleted while an article
 * still uses them: a published one, a draft, or one in the trash (which can be restored).
 */
import { describe, expect, it } from 'vitest';
import { contentCounts, makeArticle, makeCategory, makePerson } from './factories.js';
import { onlyError, useTestApi } from './setup/server.js';

const MISSING_ID = '01900000-0000-7000-8000-000000000000';
const SLUG_MESSAGE = 'must be lowercase words joined by single hyphens (e.g. "dry-needling")';

const CATEGORY_FIELDS = 'id slug name description';
const CREATE_CATEGORY = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { ${CATEGORY_FIELDS} } }`;
const UPDATE_CATEGORY = `mutation($id: ID!, $input: UpdateCategoryInput!) { updateCategory(id: $id, input: $input) { ${CATEGORY_FIELDS} } }`;
const DELETE_CATEGORY = 'mutation($id: ID!) { deleteCategory(id: $id) }';
const GET_CATEGORY = `query($slug: String!) { category(slug: $slug) { ${CATEGORY_FIELDS} } }`;
const CATEGORIES = `{ categories { ${CATEGORY_FIELDS} } }`;

const PERSON_FIELDS = 'id slug name credentials jobTitle bio';
const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { ${PERSON_FIELDS} } }`;
const UPDATE_PERSON = `mutation($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { ${PERSON_FIELDS} } }`;
const DELETE_PERSON = 'mutation($id: ID!) { deletePerson(id: $id) }';
const GET_PERSON = `query($slug: String!) { person(slug: $slug) { ${PERSON_FIELDS} } }`;
const UPDATE_ARTICLE = 'mutation($id: ID!, $input: UpdateArticleInput!, $v: Int!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { version category { slug } experts { role person { slug } } } }';
const PUBLISH_ARTICLE = 'mutation($id: ID!, $v: Int!) { publishArticle(id: $id, expectedVersion: $v) { version } }';
const ARTICLE_USES = 'query($slug: String!) { article(slug: $slug) { category { slug } experts { role person { slug } } } }';

const PEOPLE = `query($first: Int, $after: String) {
  people(first: $first, after: $after) {
    totalCount
    edges { cursor node { slug name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('categories and people', () => {
  const api = useTestApi();

  /** The category and experts of an article as the public sees it. */
  async function publicUsesOf(slug: string) {
    const { data, errors } = await api.query(ARTICLE_USES, { slug });
    expect(errors).toBeUndefined();
    return data!.article;
  }

  /** Changes an article's draft and publishes it (both must succeed). */
  async function editAndPublish(article: { id: string; version: number }, input: Record<string, unknown>) {
    const edited = await api.asEditor(UPDATE_ARTICLE, { id: article.id, input, v: article.version });
    expect(edited.errors).toBeUndefined();
    const published = await api.asEditor(PUBLISH_ARTICLE, { id: article.id, v: edited.data!.updateArticle.version });
    expect(published.errors).toBeUndefined();
    return edited.data!.updateArticle;
  }

  /** Moves an article to the trash (which must succeed). */
  async function trashArticle(id: string) {
    expect((await api.asEditor('mutation($id: ID!) { deleteArticle(id: $id) }', { id })).data).toEqual({ deleteArticle: id });
  }

  /** Deletes a trashed article for good (which must succeed). */
  async function purgeArticle(id: string) {
    expect((await api.asEditor('mutation($id: ID!) { purgeArticle(id: $id) }', { id })).data).toEqual({ purgeArticle: id });
  }

  describe('createCategory and category(slug)', () => {
    it('stores a category and serves it by slug', async () => {
      const { data, errors } = await api.asEditor(CREATE_CATEGORY, { input: { slug: 'chronic-pain', name: ' Chronic Pain ', description: 'Living with pain.' } });
      expect(errors).toBeUndefined();
      expect(data!.createCategory).toEqual({ id: expect.any(String), slug: 'chronic-pain', name: 'Chronic Pain', description: 'Living with pain.' });
      expect(await api.query(GET_CATEGORY, { slug: 'chronic-pain' })).toEqual({ status: 200, data: { category: data!.createCategory } });
    });

    it('needs no description', async () => {
      const { data } = await api.asEditor(CREATE_CATEGORY, { input: { slug: 'wellness', name: 'Wellness' } });
      expect(data!.createCategory).toMatchObject({ slug: 'wellness', name: 'Wellness', description: null });
    });

    it('answers null, not an error, for an unknown slug', async () => {
      expect(await api.query(GET_CATEGORY, { slug: 'no-such-category' })).toEqual({ status: 200, data: { category: null } });
    });

    it('refuses a bad slug and an empty name with BAD_USER_INPUT, writing nothing', async () => {
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(CREATE_CATEGORY, { input: { slug: 'Chronic_Pain', name: '  ', description: 'd'.repeat(1001) } }));
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [
          { path: 'input.slug', message: SLUG_MESSAGE },
          { path: 'input.name', message: 'must not be empty' },
          { path: 'input.description', message: 'must be at most 1000 characters' },
        ],
      });
      expect(await contentCounts(api)).toEqual(before);
    });

    it('refuses a taken slug and a taken name with CONFLICT, writing nothing', async () => {
      await api.asEditor(CREATE_CATEGORY, { input: { slug: 'mental-health', name: 'Mental Health' } });
      const before = await contentCounts(api);

      const slugClash = onlyError(await api.asEditor(CREATE_CATEGORY, { input: { slug: 'mental-health', name: 'Mind' } }));
      expect(slugClash.extensions.code).toBe('CONFLICT');
      expect(slugClash.message).toBe('Another category already uses this slug.');

      const nameClash = onlyError(await api.asEditor(CREATE_CATEGORY, { input: { slug: 'mind', name: 'Mental Health' } }));
      expect(nameClash.extensions.code).toBe('CONFLICT');
      expect(nameClash.message).toBe('Another category already uses this name.');

      expect(await contentCounts(api)).toEqual(before);
    });
  });

  describe('categories (the list)', () => {
    it('lists every category by name', async () => {
      for (const name of ['Zeta Topics', 'Alpha Topics', 'Mu Topics']) await makeCategory(api, { name });
      const { data, errors } = await api.query(CATEGORIES);
      expect(errors).toBeUndefined();
      const names: string[] = data!.categories.map((c: { name: string }) => c.name);
      expect(names).toHaveLength(await api.db.prisma.category.count());
      expect(names.filter((n) => n.endsWith(' Topics'))).toEqual(['Alpha Topics', 'Mu Topics', 'Zeta Topics']);
      expect(names.filter((n) => ['Chronic Pain', 'Mental Health', 'Wellness'].includes(n))).toEqual(['Chronic Pain', 'Mental Health', 'Wellness']);
    });
  });

  describe('updateCategory', () => {
    it('changes only the fields given, and null clears the description', async () => {
      const { data: created } = await api.asEditor(CREATE_CATEGORY, { input: { slug: 'sleep', name: 'Sleep', description: 'Rest.' } });
      const id = created!.createCategory.id;

      const renamed = await api.asEditor(UPDATE_CATEGORY, { id, input: { name: 'Sleep & Rest' } });
      expect(renamed.errors).toBeUndefined();
      expect(renamed.data!.updateCategory).toEqual({ id, slug: 'sleep', name: 'Sleep & Rest', description: 'Rest.' });

      const cleared = await api.asEditor(UPDATE_CATEGORY, { id, input: { slug: 'sleep-and-rest', description: null } });
      expect(cleared.data!.updateCategory).toEqual({ id, slug: 'sleep-and-rest', name: 'Sleep & Rest', description: null });
      expect((await api.query(GET_CATEGORY, { slug: 'sleep' })).data).toEqual({ category: null });
      expect((await api.query(GET_CATEGORY, { slug: 'sleep-and-rest' })).data!.category).toEqual(cleared.data!.updateCategory);
    });

    it('refuses a bad slug, an empty name and a taken slug or name, changing nothing', async () => {
      const taken = await makeCategory(api, { name: 'Taken name' });
      const category = await makeCategory(api);
      const before = (await api.query(GET_CATEGORY, { slug: category.slug })).data!.category;

      const invalid = onlyError(await api.asEditor(UPDATE_CATEGORY, { id: category.id, input: { slug: 'a b', name: '' } }));
      expect(invalid.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [
          { path: 'input.slug', message: SLUG_MESSAGE },
          { path: 'input.name', message: 'must not be empty' },
        ],
      });
      const slugClash = onlyError(await api.asEditor(UPDATE_CATEGORY, { id: category.id, input: { slug: taken.slug } }));
      expect(slugClash.extensions.code).toBe('CONFLICT');
      expect(slugClash.message).toBe('Another category already uses this slug.');
      const nameClash = onlyError(await api.asEditor(UPDATE_CATEGORY, { id: category.id, input: { name: 'Taken name' } }));
      expect(nameClash.extensions.code).toBe('CONFLICT');
      expect(nameClash.message).toBe('Another category already uses this name.');

      expect((await api.query(GET_CATEGORY, { slug: category.slug })).data!.category).toEqual(before);
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(UPDATE_CATEGORY, { id, input: { name: 'x' } }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No category with id "${id}".`);
      }
    });
  });

  describe('deleteCategory', () => {
    it('deletes an empty category', async () => {
      const category = await makeCategory(api);
      const before = await contentCounts(api);
      expect(await api.asEditor(DELETE_CATEGORY, { id: category.id })).toEqual({ status: 200, data: { deleteCategory: category.id } });
      expect((await api.query(GET_CATEGORY, { slug: category.slug })).data).toEqual({ category: null });
      expect(await contentCounts(api)).toEqual({ ...before, categories: before.categories! - 1 });
    });

    it('is refused with CONFLICT while an article is in it, and allowed once it is moved out', async () => {
      const category = await makeCategory(api, { name: 'Busy section' });
      const article = await makeArticle(api, { categoryId: category.id });
      expect(await publicUsesOf(article.slug)).toMatchObject({ category: { slug: category.slug } });
      const before = await contentCounts(api);

      const error = onlyError(await api.asEditor(DELETE_CATEGORY, { id: category.id }));
      expect(error.message).toBe('Category "Busy section" still has 1 article(s); move them to another category first.');
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: 1 } });
      expect(await contentCounts(api)).toEqual(before);
      expect((await api.query(GET_CATEGORY, { slug: category.slug })).data!.category).not.toBeNull();
      expect(await publicUsesOf(article.slug)).toMatchObject({ category: { slug: category.slug } });

      const moved = await editAndPublish(article, { categoryId: null });
      expect(moved).toMatchObject({ version: article.version + 1, category: null });
      expect(await publicUsesOf(article.slug)).toMatchObject({ category: null });
      expect((await api.asEditor(DELETE_CATEGORY, { id: category.id })).data).toEqual({ deleteCategory: category.id });
      expect((await api.query(GET_CATEGORY, { slug: category.slug })).data).toEqual({ category: null });
    });

    it('counts every article still in it, published or not', async () => {
      const category = await makeCategory(api);
      await makeArticle(api, { categoryId: category.id });
      await makeArticle(api, { categoryId: category.id });
      await makeArticle(api, { categoryId: category.id }, { publish: false });
      const error = onlyError(await api.asEditor(DELETE_CATEGORY, { id: category.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: 3 } });
    });

    it('is refused while the published page is still in it, though the draft was moved out', async () => {
      const category = await makeCategory(api, { name: 'Still public' });
      const article = await makeArticle(api, { categoryId: category.id });
      const moved = await api.asEditor(UPDATE_ARTICLE, { id: article.id, input: { categoryId: null }, v: article.version });
      expect(moved.data).toEqual({ updateArticle: expect.objectContaining({ category: null }) });
      const before = await contentCounts(api);

      // Deleting the category would change the public page without it being published.
      const error = onlyError(await api.asEditor(DELETE_CATEGORY, { id: category.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: 1 } });
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicUsesOf(article.slug)).toMatchObject({ category: { slug: category.slug } });
    });

    it('is refused while an article in the trash is in it, until that article is purged', async () => {
      const category = await makeCategory(api, { name: 'Trashed section' });
      const article = await makeArticle(api, { categoryId: category.id });
      await trashArticle(article.id);
      const before = await contentCounts(api);

      const error = onlyError(await api.asEditor(DELETE_CATEGORY, { id: category.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: 1 } });
      expect(error.message).toBe('Category "Trashed section" still has 1 article(s); move them to another category first.');
      expect(await contentCounts(api)).toEqual(before);

      await purgeArticle(article.id);
      expect((await api.asEditor(DELETE_CATEGORY, { id: category.id })).data).toEqual({ deleteCategory: category.id });
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(DELETE_CATEGORY, { id }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No category with id "${id}".`);
      }
    });
  });

  describe('people (the list)', () => {
    it('pages through people by name, people with the same name each once', async () => {
      // The first people this file makes; their names sort before everyone made later.
      const names = ['Abel Brown', 'Aaron Adams', 'Ada Chen', 'Agnes Eve', 'Ada Chen', 'Adele Diaz'];
      const made: { slug: string; name: string }[] = [];
      for (const name of names) made.push({ ...(await makePerson(api, { name })), name });
      const [abel, aaron, ada1, agnes, ada2, adele] = made.map((p) => p.slug);
      const total = await api.db.prisma.person.count();

      const first = await api.query(PEOPLE, { first: 3 });
      expect(first.errors).toBeUndefined();
      expect(first.data!.people.totalCount).toBe(total);
      expect(first.data!.people.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual([aaron, abel, ada1]);
      expect(first.data!.people.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

      // The page boundary falls between the two people named "Ada Chen".
      const second = await api.query(PEOPLE, { first: 3, after: first.data!.people.pageInfo.endCursor });
      expect(second.errors).toBeUndefined();
      expect(second.data!.people.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual([ada2, adele, agnes]);
      expect(second.data!.people).toMatchObject({ totalCount: total, pageInfo: { hasNextPage: total > 6, hasPreviousPage: true } });
    });

    it('reaches every person exactly once, one at a time', async () => {
      const total = await api.db.prisma.person.count();
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { data, errors }: { data?: any; errors?: unknown } = await api.query(PEOPLE, { first: 1, after });
        expect(errors).toBeUndefined();
        seen.push(...data.people.edges.map((e: { node: { slug: string } }) => e.node.slug));
        if (!data.people.pageInfo.hasNextPage) break;
        after = data.people.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
    });

    it('refuses a page size outside 1..100 and a cursor it did not give out', async () => {
      const tooBig = onlyError(await api.query(PEOPLE, { first: 101 }));
      expect(tooBig.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'first', message: 'must be between 1 and 100' }] });
      const badCursor = onlyError(await api.query(PEOPLE, { after: '!!!' }));
      expect(badCursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'after' }] });
    });
  });

  describe('createPerson and person(slug)', () => {
    it('stores a person with their credentials and job title, and serves them by slug', async () => {
      const { data, errors } = await api.asEditor(CREATE_PERSON, {
        input: { slug: 'adam-kimberly', name: 'Adam Kimberly', credentials: 'PT, DPT, OCS', jobTitle: 'Clinical rehabilitation manager', bio: 'Treats pain.' },
      });
      expect(errors).toBeUndefined();
      expect(data!.createPerson).toEqual({
        id: expect.any(String),
        slug: 'adam-kimberly',
        name: 'Adam Kimberly',
        credentials: 'PT, DPT, OCS',
        jobTitle: 'Clinical rehabilitation manager',
        bio: 'Treats pain.',
      });
      expect(await api.query(GET_PERSON, { slug: 'adam-kimberly' })).toEqual({ status: 200, data: { person: data!.createPerson } });
    });

    it('needs only a slug and a name', async () => {
      const { data } = await api.asEditor(CREATE_PERSON, { input: { slug: 'just-a-name', name: 'Just A Name' } });
      expect(data!.createPerson).toMatchObject({ slug: 'just-a-name', name: 'Just A Name', credentials: null, jobTitle: null, bio: null });
    });

    it('answers null, not an error, for an unknown slug', async () => {
      expect(await api.query(GET_PERSON, { slug: 'nobody' })).toEqual({ status: 200, data: { person: null } });
    });

    it('refuses a bad slug and an empty name with BAD_USER_INPUT, writing nothing', async () => {
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(CREATE_PERSON, { input: { slug: 'Dr. Who', name: '', jobTitle: 'j'.repeat(121) } }));
      expect(error.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [
          { path: 'input.slug', message: SLUG_MESSAGE },
          { path: 'input.name', message: 'must not be empty' },
          { path: 'input.jobTitle', message: 'must be at most 120 characters' },
        ],
      });
      expect(await contentCounts(api)).toEqual(before);
    });

    it('refuses a taken slug with CONFLICT, writing nothing', async () => {
      const existing = await makePerson(api);
      const before = await contentCounts(api);
      const error = onlyError(await api.asEditor(CREATE_PERSON, { input: { slug: existing.slug, name: 'Someone else' } }));
      expect(error.extensions.code).toBe('CONFLICT');
      expect(error.message).toBe('Another person already uses this slug.');
      expect(await contentCounts(api)).toEqual(before);
    });

    it('allows two people with the same name', async () => {
      const [one, two] = [await makePerson(api, { name: 'Sam Lee' }), await makePerson(api, { name: 'Sam Lee' })];
      for (const person of [one, two]) {
        expect((await api.query(GET_PERSON, { slug: person.slug })).data!.person).toMatchObject({ id: person.id, name: 'Sam Lee' });
      }
    });
  });

  describe('updatePerson', () => {
    it('changes only the fields given, and null clears credentials', async () => {
      const { data: created } = await api.asEditor(CREATE_PERSON, {
        input: { slug: 'maria-lopez', name: 'Maria Lopez', credentials: 'MD', jobTitle: 'Physician', bio: 'Bio.' },
      });
      const id = created!.createPerson.id;

      const promoted = await api.asEditor(UPDATE_PERSON, { id, input: { jobTitle: 'Chief physician' } });
      expect(promoted.errors).toBeUndefined();
      expect(promoted.data!.updatePerson).toEqual({ id, slug: 'maria-lopez', name: 'Maria Lopez', credentials: 'MD', jobTitle: 'Chief physician', bio: 'Bio.' });

      const cleared = await api.asEditor(UPDATE_PERSON, { id, input: { credentials: null, bio: '   ', name: 'María López' } });
      expect(cleared.data!.updatePerson).toEqual({ id, slug: 'maria-lopez', name: 'María López', credentials: null, jobTitle: 'Chief physician', bio: null });
      expect((await api.query(GET_PERSON, { slug: 'maria-lopez' })).data!.person).toEqual(cleared.data!.updatePerson);
    });

    it('refuses a bad slug, an empty name and a taken slug, changing nothing', async () => {
      const taken = await makePerson(api);
      const person = await makePerson(api, { jobTitle: 'Kept' });
      const before = (await api.query(GET_PERSON, { slug: person.slug })).data!.person;

      const invalid = onlyError(await api.asEditor(UPDATE_PERSON, { id: person.id, input: { slug: 'UPPER', name: ' ' } }));
      expect(invalid.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        issues: [
          { path: 'input.slug', message: SLUG_MESSAGE },
          { path: 'input.name', message: 'must not be empty' },
        ],
      });
      const clash = onlyError(await api.asEditor(UPDATE_PERSON, { id: person.id, input: { slug: taken.slug, jobTitle: 'Changed' } }));
      expect(clash.extensions.code).toBe('CONFLICT');
      expect(clash.message).toBe('Another person already uses this slug.');

      expect((await api.query(GET_PERSON, { slug: person.slug })).data!.person).toEqual(before);
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(UPDATE_PERSON, { id, input: { name: 'x' } }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No person with id "${id}".`);
      }
    });
  });

  describe('deletePerson', () => {
    it('deletes a person no article names', async () => {
      const person = await makePerson(api);
      const before = await contentCounts(api);
      expect(await api.asEditor(DELETE_PERSON, { id: person.id })).toEqual({ status: 200, data: { deletePerson: person.id } });
      expect((await api.query(GET_PERSON, { slug: person.slug })).data).toEqual({ person: null });
      expect(await contentCounts(api)).toEqual({ ...before, people: before.people! - 1 });
    });

    it('is refused with CONFLICT while an article names them as an expert, deleting nothing', async () => {
      const person = await makePerson(api, { name: 'Busy Expert' });
      const article = await makeArticle(api, { experts: [{ personId: person.id, role: 'REVIEWER' }] });
      expect(await publicUsesOf(article.slug)).toMatchObject({ experts: [{ role: 'REVIEWER', person: { slug: person.slug } }] });
      const before = await contentCounts(api);

      const error = onlyError(await api.asEditor(DELETE_PERSON, { id: person.id }));
      expect(error.message).toBe('Busy Expert is an expert on 1 article(s); remove them from those articles first.');
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: 1 } });
      expect(await contentCounts(api)).toEqual(before);
      expect((await api.query(GET_PERSON, { slug: person.slug })).data!.person).toMatchObject({ id: person.id });

      // Once no article names them, they can go.
      const removed = await editAndPublish(article, { experts: [] });
      expect(removed).toMatchObject({ version: article.version + 1, experts: [] });
      expect(await publicUsesOf(article.slug)).toMatchObject({ experts: [] });
      expect((await api.asEditor(DELETE_PERSON, { id: person.id })).data).toEqual({ deletePerson: person.id });
      expect((await api.query(GET_PERSON, { slug: person.slug })).data).toEqual({ person: null });
    });

    it('is refused while the published page still names them, though the draft no longer does', async () => {
      const person = await makePerson(api, { name: 'Still Public' });
      const article = await makeArticle(api, { experts: [{ personId: person.id, role: 'AUTHOR' }] });
      const removed = await api.asEditor(UPDATE_ARTICLE, { id: article.id, input: { experts: [] }, v: article.version });
      expect(removed.data).toEqual({ updateArticle: expect.objectContaining({ experts: [] }) });
      const before = await contentCounts(api);

      // Deleting the person would change the public page without it being published.
      const error = onlyError(await api.asEditor(DELETE_PERSON, { id: person.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: 1 } });
      expect(await contentCounts(api)).toEqual(before);
      expect(await publicUsesOf(article.slug)).toMatchObject({ experts: [{ role: 'AUTHOR', person: { slug: person.slug } }] });
    });

    it('counts drafts and articles in the trash that name them, until those are purged', async () => {
      const person = await makePerson(api, { name: 'Quiet Expert' });
      const draft = await makeArticle(api, { experts: [{ personId: person.id, role: 'AUTHOR' }] }, { publish: false });
      const trashed = await makeArticle(api, { experts: [{ personId: person.id, role: 'QUOTED' }] });
      await trashArticle(trashed.id);
      const before = await contentCounts(api);

      const error = onlyError(await api.asEditor(DELETE_PERSON, { id: person.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: 2 } });
      expect(error.message).toBe('Quiet Expert is an expert on 2 article(s); remove them from those articles first.');
      expect(await contentCounts(api)).toEqual(before);

      await purgeArticle(trashed.id);
      expect(onlyError(await api.asEditor(DELETE_PERSON, { id: person.id })).extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: 1 } });
      await trashArticle(draft.id);
      await purgeArticle(draft.id);
      expect((await api.asEditor(DELETE_PERSON, { id: person.id })).data).toEqual({ deletePerson: person.id });
    });

    it('counts an article that names them in two roles as one article', async () => {
      const person = await makePerson(api, { name: 'Two Hats' });
      await makeArticle(api, {
        experts: [
          { personId: person.id, role: 'AUTHOR' },
          { personId: person.id, role: 'REVIEWER' },
        ],
      });
      const error = onlyError(await api.asEditor(DELETE_PERSON, { id: person.id }));
      expect(error.extensions).toEqual({ code: 'CONFLICT', usedBy: { articles: 1 } });
      expect(error.message).toBe('Two Hats is an expert on 1 article(s); remove them from those articles first.');
    });

    it('is NOT_FOUND for an unknown id', async () => {
      for (const id of [MISSING_ID, 'not-an-id']) {
        const error = onlyError(await api.asEditor(DELETE_PERSON, { id }));
        expect(error.extensions.code).toBe('NOT_FOUND');
        expect(error.message).toBe(`No person with id "${id}".`);
      }
    });
  });
});
