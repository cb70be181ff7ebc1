-- The queue's text search by word keys instead of trigrams, for the
-- declarations cordond stores (issue 10: PostgreSQL's CPU per stored
-- declaration; see README "How commits are batched").
--
-- perf on the PostgreSQL backends during bench_commit put the trigram
-- index declarations_search (0009, 0015, 0017) at about a fifth of their
-- CPU per declaration: about 110-130 trigrams a flagged declaration, each
-- an entry of the GIN pending list and then of the entry tree.  Inserting
-- 20,000 search texts of the evaluation sets in statements of 15 rows:
-- about 45 us of backend CPU a row for the trigram index, about 10 for a
-- GIN index over the row's distinct words (about 19 a row) sent as a
-- tsvector, the tsvector's input included.
--
-- declarations.search_keys: the distinct words of the search text, folded
-- by cordond as screening folds text (case, accents, other scripts
-- transliterated, punctuation a separator; daemon/store_keys.c), written
-- by the batch statement for the declarations that have alerts (the only
-- ones the queue shows).  The queue's filter asks the keys for every word
-- of the officer's term as a word prefix (tsquery 'acme':* & 'tr':*) and
-- then checks the term with ILIKE on the search text as before, so no row
-- is found that the ILIKE does not match.  What changes: a term found only
-- inside a word of the text ("CME" in "ACME") no longer finds a row that
-- has keys; a term that starts a word, anywhere, still does.
--
-- Rows without keys (stored before 0019, written by another writer, with a
-- search text the server builds, or alerted later by re-screening) stay in
-- the trigram index, now only those, and are searched exactly as before:
-- the migration rewrites no row and fills no key, it only rebuilds the
-- trigram index over the alerted rows (all of them have no keys yet) and
-- creates the empty keys index.

ALTER TABLE declarations ADD COLUMN search_keys tsvector;

DROP INDEX declarations_search;
CREATE INDEX declarations_search ON declarations
    USING gin (coalesce(search_text, cordon_search_text(reference, body))
               gin_trgm_ops)
    WHERE alerted AND search_keys IS NULL;
CREATE INDEX declarations_search_keys ON declarations USING gin (search_keys)
    WHERE alerted;
-- Each month's copies (and the DEFAULT partition's) get their names
-- (declarations_search_p2026_11, declarations_search_keys_p2026_11, ...),
-- as 0015 and 0017 did.
SELECT cordon_partition_index_names(p.part) FROM cordon_partitions() p
 WHERE p.parent = 'declarations';
SELECT cordon_partition_index_names('declarations_default');
