-- The commit path's per-row work (issue 10: bench_commit at 64 clients).
-- Measured with perf on the PostgreSQL backends during the benchmark and
-- with pgbench inserting a stored declaration row; see README "How commits
-- are batched".

-- A declaration row with its body and result (2-6 KB of jsonb) is above
-- the 2 KB TOAST threshold: pglz compressed it, about a tenth of the
-- backends' CPU per declaration, and the result still went out of line
-- into the TOAST table (a second heap and index insert).  lz4 compresses
-- several times faster at a similar ratio for this JSON, and a tuple target
-- of 4000 bytes keeps the compressed row inline.  New rows only; stored rows
-- stay as they are and are read as before.  An alert's hits (1-4 KB) get
-- lz4 too (the larger ones were compressed with pglz), with the default
-- target: most alert rows fit under it uncompressed, and the larger ones
-- would double in size if kept raw.  A server built without lz4
-- keeps pglz.  A partition created later copies lz4 from the parent but
-- not the tuple target (PostgreSQL keeps storage parameters per table).
DO $$
DECLARE
    tab text;
    cols text[];
    rel regclass;
    col text;
    lz4 boolean := true;
BEGIN
    FOREACH tab IN ARRAY ARRAY['declarations', 'alerts'] LOOP
        cols := CASE tab WHEN 'declarations' THEN ARRAY['body', 'result']
                         ELSE ARRAY['hits'] END;
        -- The table, or when it is partitioned: the parent (which new
        -- partitions copy the compression from) and every leaf partition
        -- (which alone take storage parameters).
        FOR rel IN SELECT tab::regclass
                   UNION ALL
                   SELECT t.relid::regclass FROM pg_partition_tree(tab::regclass) t
                   WHERE t.relid <> tab::regclass
        LOOP
            FOREACH col IN ARRAY cols LOOP
                CONTINUE WHEN NOT lz4;
                BEGIN
                    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET COMPRESSION lz4',
                                   rel, col);
                EXCEPTION WHEN feature_not_supported THEN
                    RAISE NOTICE 'lz4 is not available: % keeps pglz', tab;
                    lz4 := false;
                END;
            END LOOP;
            IF tab = 'declarations' AND
               (SELECT relkind FROM pg_class WHERE oid = rel) = 'r' THEN
                EXECUTE format('ALTER TABLE %s SET (toast_tuple_target = 4000)', rel);
            END IF;
        END LOOP;
    END LOOP;
END $$;

-- Indexes every insert pays for and no query needs: the queue's index
-- (status, priority, id) leads with status as alerts_status_id does, and
-- declarations_reference_version (submitter, reference, version) leads
-- with submitter as declarations_submitter does.
DROP INDEX IF EXISTS alerts_status_id;
DROP INDEX IF EXISTS declarations_submitter;
