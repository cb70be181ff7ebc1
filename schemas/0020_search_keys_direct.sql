-- The word keys' GIN index without a pending list (issue 10: p99 of a
-- commit at 32 clients).
--
-- GIN's fast update puts each new row's keys into a pending list and
-- merges the list into the index only when it passes
-- gin_pending_list_limit (4 MB): the insert that passes it does the whole
-- merge inside its own statement.  Under bench_commit's load (about 3,000
-- flagged declarations a second, about 19 keys each) that was one commit
-- in every 2.5-2.7 s taking 75-130 ms instead of 5, with both storage
-- workers' batches behind it: every request slower than 40 ms in a 10 s
-- run came from one of those merges, and they alone put Cordon's p99 at
-- 32 clients over 50 ms (server-side request times per commit, a
-- recording build of cordond).  The same run with this index built
-- without fast update had no commit over 27 ms after the warm-up and a
-- p99 of 26-28 ms.  Each row's keys now go into the entry tree as the
-- row is inserted: a steady cost per row instead of a stall per 4 MB,
-- and the officers' queue search never reads a pending list.
--
-- The trigram index (declarations_search) keeps fast update: it holds only
-- rows without keys, which cordond does not write.
--
-- WITH on the partitioned index reaches every partition's index, those of
-- months created later included (ALTER INDEX ... SET cannot be run on a
-- partitioned index), hence the rebuild.

DROP INDEX declarations_search_keys;
CREATE INDEX declarations_search_keys ON declarations USING gin (search_keys)
    WITH (fastupdate = off) WHERE alerted;
SELECT cordon_partition_index_names(p.part) FROM cordon_partitions() p
 WHERE p.parent = 'declarations';
SELECT cordon_partition_index_names('declarations_default');
