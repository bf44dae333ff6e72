-- Response cache invalidation (src/cache): every change to a row that public answers read live
-- notifies channel "response_cache" with the tags the change affects, as a JSON array of
-- strings in the vocabulary of src/cache/tags.ts. NOTIFY is transactional: servers hear it when
-- the write commits, never for a write that rolls back; so no writer can forget to invalidate.
-- Images need none: published documents keep copies of their images in the snapshot.

-- One notification; a payload over PostgreSQL's 8000-byte limit becomes ["*"] (drop
-- everything) rather than failing the write.
CREATE FUNCTION "response_cache_notify"(tags text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  payload text := to_json(ARRAY(SELECT DISTINCT tag FROM unnest(tags) AS tag WHERE tag IS NOT NULL ORDER BY tag))::text;
BEGIN
  IF octet_length(payload) > 7900 THEN
    payload := '["*"]';
  END IF;
  PERFORM pg_notify('response_cache', payload);
END
$$;

-- A row of a kind changed: the kind (lists and filters), and its id and slug before and after.
-- Arguments: the kind, the name of the id column.
CREATE FUNCTION "response_cache_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  id_column text := TG_ARGV[1];
  tags text[] := ARRAY[kind];
  changed jsonb;
BEGIN
  FOREACH changed IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY[to_jsonb(NEW)] WHEN 'DELETE' THEN ARRAY[to_jsonb(OLD)] ELSE ARRAY[to_jsonb(OLD), to_jsonb(NEW)] END) LOOP
    tags := tags || (kind || ':' || (changed ->> id_column)) || (kind || ':slug:' || (changed ->> 'slug'));
  END LOOP;
  PERFORM "response_cache_notify"(tags);
  RETURN NULL;
END
$$;

-- An old slug now redirects (or no longer does): whatever was answered at that slug.
CREATE FUNCTION "response_cache_redirect_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tags text[] := ARRAY[]::text[];
BEGIN
  IF TG_OP <> 'INSERT' THEN
    tags := tags || (OLD."documentType"::text || ':slug:' || OLD.slug);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    tags := tags || (NEW."documentType"::text || ':slug:' || NEW.slug);
  END IF;
  PERFORM "response_cache_notify"(tags);
  RETURN NULL;
END
$$;

-- TRUNCATE fires no row triggers: drop everything.
CREATE FUNCTION "response_cache_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('response_cache', '["*"]');
  RETURN NULL;
END
$$;

CREATE TRIGGER "response_cache_invalidation" AFTER INSERT OR UPDATE OR DELETE ON "PublishedArticle"
  FOR EACH ROW EXECUTE FUNCTION "response_cache_row_changed"('ARTICLE', 'articleId');
CREATE TRIGGER "response_cache_invalidation" AFTER INSERT OR UPDATE OR DELETE ON "PublishedTreatment"
  FOR EACH ROW EXECUTE FUNCTION "response_cache_row_changed"('TREATMENT', 'treatmentId');
CREATE TRIGGER "response_cache_invalidation" AFTER INSERT OR UPDATE OR DELETE ON "PublishedComparison"
  FOR EACH ROW EXECUTE FUNCTION "response_cache_row_changed"('COMPARISON', 'comparisonId');
CREATE TRIGGER "response_cache_invalidation" AFTER INSERT OR UPDATE OR DELETE ON "Category"
  FOR EACH ROW EXECUTE FUNCTION "response_cache_row_changed"('CATEGORY', 'id');
CREATE TRIGGER "response_cache_invalidation" AFTER INSERT OR UPDATE OR DELETE ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "response_cache_row_changed"('PERSON', 'id');
CREATE TRIGGER "response_cache_invalidation" AFTER INSERT OR UPDATE OR DELETE ON "Tag"
  FOR EACH ROW EXECUTE FUNCTION "response_cache_row_changed"('TAG', 'id');
CREATE TRIGGER "response_cache_invalidation" AFTER INSERT OR UPDATE OR DELETE ON "SlugRedirect"
  FOR EACH ROW EXECUTE FUNCTION "response_cache_redirect_changed"();

CREATE TRIGGER "response_cache_truncation" AFTER TRUNCATE ON "PublishedArticle" FOR EACH STATEMENT EXECUTE FUNCTION "response_cache_truncated"();
CREATE TRIGGER "response_cache_truncation" AFTER TRUNCATE ON "PublishedTreatment" FOR EACH STATEMENT EXECUTE FUNCTION "response_cache_truncated"();
CREATE TRIGGER "response_cache_truncation" AFTER TRUNCATE ON "PublishedComparison" FOR EACH STATEMENT EXECUTE FUNCTION "response_cache_truncated"();
CREATE TRIGGER "response_cache_truncation" AFTER TRUNCATE ON "Category" FOR EACH STATEMENT EXECUTE FUNCTION "response_cache_truncated"();
CREATE TRIGGER "response_cache_truncation" AFTER TRUNCATE ON "Person" FOR EACH STATEMENT EXECUTE FUNCTION "response_cache_truncated"();
CREATE TRIGGER "response_cache_truncation" AFTER TRUNCATE ON "Tag" FOR EACH STATEMENT EXECUTE FUNCTION "response_cache_truncated"();
CREATE TRIGGER "response_cache_truncation" AFTER TRUNCATE ON "SlugRedirect" FOR EACH STATEMENT EXECUTE FUNCTION "response_cache_truncated"();
