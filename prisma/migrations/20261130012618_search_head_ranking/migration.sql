-- Search costs the same however many documents match and however long they are:
-- - hits are ranked by their title and summary only (`headVector`), no longer by every word of
--   the body (`rankVector`): ranking reads a few hundred bytes per match instead of a couple of
--   kilobytes, and the row a match costs stays narrow
-- - a hit's snippet is cut from its best-matching lines (`lineVectors`, one vector per line of
--   the summary and body), not from the whole text, which ts_headline would parse anew.

-- Storage first, so that the rows rewritten below are laid out by it. The full vector (read
-- only to recheck phrase matches) leaves the row uncompressed, so a recheck costs no
-- decompression. The ranking vector stays in the row. A row is shrunk to about 128 bytes plus
-- its ranking vector once it is long enough to be toasted at all (about 2 kB).
-- (No semicolon in these comments: the pg driver adapter splits scripts at every one.)
ALTER TABLE "SearchDocument" ALTER COLUMN "vector" SET STORAGE EXTERNAL;
ALTER TABLE "SearchDocument" SET (toast_tuple_target = 128);

-- AlterTable
ALTER TABLE "SearchDocument" DROP COLUMN "rankVector",
ADD COLUMN     "headVector" tsvector,
ADD COLUMN     "lineVectors" tsvector[];

-- As search.index.ts computes them.
UPDATE "SearchDocument" SET
  "headVector" = setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary), 'B'),
  "lineVectors" = ARRAY(
    SELECT to_tsvector('english', l.line)
    FROM unnest(string_to_array(concat_ws(E'\n', nullif(summary, ''), nullif(body, '')), E'\n')) WITH ORDINALITY AS l(line, n)
    ORDER BY l.n);
ALTER TABLE "SearchDocument" ALTER COLUMN "headVector" SET NOT NULL;
ALTER TABLE "SearchDocument" ALTER COLUMN "lineVectors" SET NOT NULL;
ALTER TABLE "SearchDocument" ALTER COLUMN "headVector" SET STORAGE MAIN;
