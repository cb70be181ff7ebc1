-- The queue's search text stored with the declaration (issue 10:
-- bench_commit at 64 clients; see README "How commits are batched").
--
-- The trigram index declarations_search (0009, only WHERE alerted since
-- 0015) was on the expression cordon_search_text(reference, body): a SQL
-- function with two jsonb_array_elements subqueries that PostgreSQL cannot
-- inline, so every indexed row started an executor for it, took the body's
-- items and parties apart and aggregated them.  perf on the PostgreSQL
-- backends during the benchmark put evaluating it (FormIndexDatum) at about
-- 7 % of their CPU per declaration, beside the trigrams themselves (about
-- 19 %: extracting them, the GIN pending list and its clean-up), which any
-- trigram search of this text needs.
--
-- cordond already holds the declaration decoded, so the batch statement
-- (daemon/store_decl.c) now sends the same text, built the same way
-- (reference, the items' descriptions, the parties' names, each group
-- joined by spaces), in declarations.search_text.  Every other writer
-- (administrators' SQL, a recorded cancellation, a batch row whose body
-- holds a value cordond does not rebuild) leaves it NULL, and the index
-- and the queue's filter read
--     coalesce(search_text, cordon_search_text(reference, body))
-- so such a row is indexed and searched exactly as before, and stored rows
-- need no rewrite: their search_text stays NULL.  The integration tests
-- compare search_text with cordon_search_text() for every row that has one.
--
-- The column is not compressed or moved out of line in practice (a few
-- hundred bytes).  A month exported by the retention job has it too (last
-- in the CSV).  Months created later get the index from the parent, and
-- their names from cordon_partitions_create().

ALTER TABLE declarations ADD COLUMN search_text text;

DROP INDEX declarations_search;
CREATE INDEX declarations_search ON declarations
    USING gin (coalesce(search_text, cordon_search_text(reference, body))
               gin_trgm_ops)
    WHERE alerted;
-- Each month's copy of it (and the DEFAULT partition's) gets its name back
-- (declarations_search_p2026_11, ...), as 0015 did.
SELECT cordon_partition_index_names(p.part) FROM cordon_partitions() p
 WHERE p.parent = 'declarations';
SELECT cordon_partition_index_names('declarations_default');
