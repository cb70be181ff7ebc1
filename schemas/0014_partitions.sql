-- Data that ages well: declarations, items and alerts partitioned by month
-- on their creation time, so that a month past the retention period is
-- exported and dropped as a whole (cordond's maintenance job, daemon/maint.c,
-- or `cordonctl retention run`) while the officers' queue stays
-- index-backed whatever the history holds.
--
-- The conversion is generic: it copies each table as it stands when this
-- migration runs (columns, defaults, generated columns, CHECK constraints
-- valid or NOT VALID, indexes, triggers, grants), whatever earlier
-- migrations added to it, moves the rows, and puts the partitioned table in
-- its place under the same name.  The statements that write these tables
-- (daemon/store_decl.c, store_amend.c, store_rescreen.c) are unchanged.
--
-- What partitioning forbids, and what replaces it:
-- * A unique index on a partitioned table must contain the partition key.
--   Primary keys become (id, created_at) and (declaration_id, seq,
--   created_at).  The rules that must hold across all months live in two
--   small unpartitioned key tables, never dropped with a month:
--   - declaration_keys: one row per declaration row (every version of an
--     amended reference), id unique, and (submitter, reference, version)
--     unique.  Idempotency keeps working: an original is always version 1,
--     so a second original of a reference conflicts here; an amendment is
--     the latest version + 1 under the per-reference lock of
--     store_amend.c, so two amendments of one version conflict here too.
--     That also keeps "one live (not superseded) row per reference", which
--     0008's partial unique index said: every live row is the latest
--     version.  A BEFORE INSERT trigger writes the key row and skips the
--     declaration row when the key exists, so the batch INSERT's
--     ON CONFLICT DO NOTHING behaves as it did (the row is not inserted and
--     not returned) and its text needs no change.
--   - alert_keys: alert ids unique across months, filled by a statement
--     trigger (one INSERT per statement, whoever writes alerts).
-- * A foreign key can only reference a unique constraint, so foreign keys
--   to declarations(id) or alerts(id), from any table (items, alerts,
--   supersedes, superseded_by, closed_by, previous_alert_id, suppressions,
--   approvals), now reference declaration_keys(id) or alert_keys(id): the
--   same rule (the row was stored), and a month can be dropped without
--   breaking them.  An audit row, an outbox event or a re-screening run
--   that names an id keeps naming a known id after its month is dropped.
-- * Any other unique index without created_at cannot be kept as it was;
--   rather than weaken it silently, the migration stops and names it.
--
-- What 0013 set is kept: the parent takes the columns' lz4 compression
-- (LIKE ... INCLUDING COMPRESSION) and every partition copies it; storage
-- parameters are per table, so the table's (toast_tuple_target = 4000 on
-- declarations) go to its DEFAULT partition and every month copies them
-- from there, now and when the maintenance job creates one.  Indexes are
-- copied as they stand, so the two 0013 dropped do not come back.  The
-- number follows 0013 so that fresh databases and those already at 0013
-- apply it in the same order (`cordonctl db migrate` applies the files not
-- yet recorded, in name order).
--
-- items gets a created_at column (its declaration's; the same
-- transaction's now() for new rows) so that a declaration and its items sit
-- in the same month.  Alerts sit in the month they were raised (a
-- re-screening raises alerts on older declarations).  A DEFAULT partition
-- catches rows outside every month created, so that a late maintenance job
-- never refuses a declaration; the maintenance job reports rows found there.

-- ---- months -------------------------------------------------------------

-- The name of the partition of <parent> for the month starting <m>.
CREATE FUNCTION cordon_partition_name(parent text, m date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT parent || '_p' || to_char(m, 'YYYY_MM')
$$;

-- Names the indexes of partition <part> after the parent's index they belong
-- to (declarations_search_p2026_11, ...), so that a plan shows which of
-- Cordon's indexes it uses whatever month it reads.
CREATE FUNCTION cordon_partition_index_names(part text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    r    record;
    sfx  text := coalesce(substring(part from '(_p[0-9]{4}_[0-9]{2}|_default)$'),
                          '_' || part);
    name text;
BEGIN
    FOR r IN
        SELECT ci.relname AS child, pi.relname AS parent
          FROM pg_index x
          JOIN pg_class ci ON ci.oid = x.indexrelid
          JOIN pg_inherits h ON h.inhrelid = x.indexrelid
          JOIN pg_class pi ON pi.oid = h.inhparent
         WHERE x.indrelid = to_regclass(quote_ident(part))
    LOOP
        name := left(r.parent, 63 - length(sfx)) || sfx;
        IF r.child <> name AND to_regclass(quote_ident(name)) IS NULL THEN
            EXECUTE format('ALTER INDEX %I RENAME TO %I', r.child, name);
        END IF;
    END LOOP;
END $$;

-- Creates the monthly partitions of <parent> from the month holding <p_from>
-- up to and including the month holding <p_to>; returns how many it
-- created.  Bounds are UTC month starts.
CREATE FUNCTION cordon_partitions_create(parent text, p_from timestamptz,
                                         p_to timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    m    date := date_trunc('month', p_from AT TIME ZONE 'UTC')::date;
    last date := date_trunc('month', p_to AT TIME ZONE 'UTC')::date;
    n    integer := 0;
    part text;
    busy boolean;
    opts text[];
BEGIN
    WHILE m <= last LOOP
        part := cordon_partition_name(parent, m);
        busy := false;
        IF to_regclass(quote_ident(part)) IS NULL
           AND to_regclass(quote_ident(parent || '_default')) IS NOT NULL THEN
            -- Rows of that month in the DEFAULT partition (the job did not
            -- run for months) would make the CREATE fail: leave the month
            -- to an administrator, create the others.
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE created_at '
                           '>= %L AND created_at < %L)', parent || '_default',
                           m::text || ' 00:00:00+00',
                           (m + interval '1 month')::date::text || ' 00:00:00+00')
               INTO busy;
        END IF;
        IF busy THEN
            RAISE WARNING '%: rows of % are in %_default; month not created',
                parent, to_char(m, 'YYYY-MM'), parent;
        ELSIF to_regclass(quote_ident(part)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM '
                           '(%L) TO (%L)', part, parent,
                           m::text || ' 00:00:00+00',
                           (m + interval '1 month')::date::text || ' 00:00:00+00');
            -- A partition copies the parent's column compression (lz4,
            -- 0013) but no storage parameter: it takes those of the
            -- DEFAULT partition, which has the table's (the declarations'
            -- toast_tuple_target of 0013).
            SELECT c.reloptions INTO opts FROM pg_class c
             WHERE c.oid = to_regclass(quote_ident(parent || '_default'));
            IF opts IS NOT NULL THEN
                EXECUTE format('ALTER TABLE %I SET (%s)', part,
                               array_to_string(opts, ', '));
            END IF;
            PERFORM cordon_partition_index_names(part);
            n := n + 1;
        END IF;
        m := (m + interval '1 month')::date;
    END LOOP;
    RETURN n;
END $$;

-- The partitioned tables of Cordon, in the order a month is retired
-- (alerts and items before the declarations they belong to).
CREATE FUNCTION cordon_partitioned_tables() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT ARRAY['alerts', 'items', 'declarations']
$$;

-- Every monthly partition: parent, partition, month start, month end
-- (exclusive).  The DEFAULT partition is not listed.
CREATE FUNCTION cordon_partitions()
RETURNS TABLE (parent text, part text, month_start timestamptz,
               month_end timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT p.relname::text, c.relname::text,
           (regexp_match(pg_get_expr(c.relpartbound, c.oid),
                         'FROM \(''([^'']+)''\)'))[1]::timestamptz,
           (regexp_match(pg_get_expr(c.relpartbound, c.oid),
                         'TO \(''([^'']+)''\)'))[1]::timestamptz
      FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname = ANY (cordon_partitioned_tables())
       AND p.relnamespace = current_schema()::regnamespace
       AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
     ORDER BY array_position(cordon_partitioned_tables(), p.relname::text),
              3
$$;

-- ---- the key tables -----------------------------------------------------

-- One row per declaration row ever stored (every version), never dropped
-- with a month.  created_at is that of the declaration's row: it names the
-- partition that holds it.
CREATE TABLE declaration_keys (
    id          uuid PRIMARY KEY,
    submitter   text NOT NULL,
    reference   text NOT NULL,
    version     integer NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT declaration_keys_version UNIQUE (submitter, reference, version)
);
INSERT INTO declaration_keys (id, submitter, reference, version, created_at)
SELECT id, submitter, reference, version, created_at FROM declarations;

-- One row per alert ever stored.
CREATE TABLE alert_keys (
    id              uuid PRIMARY KEY,
    declaration_id  uuid NOT NULL,
    created_at      timestamptz NOT NULL
);
INSERT INTO alert_keys (id, declaration_id, created_at)
SELECT id, declaration_id, created_at FROM alerts;

-- The key row of a new declaration row; NULL (the row is skipped, as
-- ON CONFLICT DO NOTHING skips it) when the id or the reference's version
-- is already stored.  Waits, as a unique index does, for a transaction
-- writing the same key, and inserts if that one rolled back.
CREATE FUNCTION cordon_declaration_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO declaration_keys (id, submitter, reference, version, created_at)
    VALUES (NEW.id, NEW.submitter, NEW.reference, NEW.version, NEW.created_at)
    ON CONFLICT DO NOTHING;
    IF FOUND THEN
        RETURN NEW;
    END IF;
    RETURN NULL;
END $$;

-- What a key row records never changes on the declaration row.
CREATE FUNCTION cordon_declaration_key_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.submitter, NEW.reference, NEW.version, NEW.created_at)
       IS DISTINCT FROM
       (OLD.id, OLD.submitter, OLD.reference, OLD.version, OLD.created_at) THEN
        RAISE EXCEPTION 'declaration %: id, submitter, reference, version and '
            'created_at never change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION cordon_alert_keys_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO alert_keys (id, declaration_id, created_at)
    SELECT id, declaration_id, created_at FROM new_alerts;
    RETURN NULL;
END $$;

CREATE FUNCTION cordon_alert_key_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.declaration_id, NEW.created_at) IS DISTINCT FROM
       (OLD.id, OLD.declaration_id, OLD.created_at) THEN
        RAISE EXCEPTION 'alert %: id, declaration_id and created_at never '
            'change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;

-- ---- reads in the batch INSERT ---------------------------------------------
-- The batch INSERT (daemon/store_decl.c) is planned anew for every batch.
-- Planning a read of a partitioned table costs a path per month, so two
-- reads that matter only for amendments and replays would make every batch
-- slower as the history grows (4 to 5 times the CPU at 96 months).  These
-- functions do the same reads with plans PL/pgSQL keeps for the session.

-- The alert <p_id> (an alert of the superseded version) with its claim;
-- no row when <p_id> is NULL or not stored.
CREATE FUNCTION cordon_alert_claim(p_id uuid)
RETURNS TABLE (id uuid, claimed_by text, claimed_at timestamptz)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_id IS NOT NULL THEN
        RETURN QUERY SELECT a.id, a.claimed_by, a.claimed_at FROM alerts a
                      WHERE a.id = p_id;
    END IF;
END $$;

-- Of a reference's stored versions, the one with <p_body_hash>, else the
-- latest: what a replay answers, or what a conflict names.  A reference
-- whose rows retention dropped is still taken: its latest key, without a
-- body hash or result, answers as a conflict.
CREATE FUNCTION cordon_stored_version(p_submitter text, p_reference text,
                                      p_body_hash text)
RETURNS TABLE (id uuid, body_hash text, result jsonb)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY SELECT x.id, x.body_hash, x.result FROM declarations x
                  WHERE x.submitter = p_submitter
                    AND x.reference = p_reference
                  ORDER BY x.body_hash = p_body_hash DESC, x.version DESC
                  LIMIT 1;
    IF NOT FOUND THEN
        RETURN QUERY SELECT k.id, NULL::text, NULL::jsonb
                       FROM declaration_keys k
                      WHERE k.submitter = p_submitter
                        AND k.reference = p_reference
                      ORDER BY k.version DESC LIMIT 1;
    END IF;
END $$;

-- ---- items get their month ------------------------------------------------

ALTER TABLE items ADD COLUMN created_at timestamptz;
UPDATE items i SET created_at = d.created_at
  FROM declarations d WHERE d.id = i.declaration_id;
UPDATE items SET created_at = now() WHERE created_at IS NULL;
ALTER TABLE items ALTER COLUMN created_at SET DEFAULT now(),
                  ALTER COLUMN created_at SET NOT NULL;

-- ---- the conversion -------------------------------------------------------

DO $$
DECLARE
    tabs    text[] := cordon_partitioned_tables();
    t       text;
    r       record;
    cols    text;
    lo      timestamptz;
    fks     text[] := '{}';
    fk      text;
    pre     text[];     -- before the rows move: CHECK constraints
    post    text[];     -- after: keys, indexes, NOT VALID checks, triggers, grants
    opts    text[];     -- storage parameters (0013's toast_tuple_target)
    s       text;
BEGIN
    -- Foreign keys from or to the three tables, rewritten to reference the
    -- key tables, dropped until every table is in place.
    FOR r IN
        SELECT c.conname, c.conrelid::regclass::text AS tab,
               c.confrelid::regclass::text AS ref,
               pg_get_constraintdef(c.oid) AS def,
               (SELECT array_agg(a.attname::text ORDER BY k.ord)
                  FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid
                   AND a.attnum = k.n) AS refcols
          FROM pg_constraint c
         WHERE c.contype = 'f'
           AND (c.conrelid::regclass::text = ANY (tabs)
                OR c.confrelid::regclass::text = ANY (tabs))
    LOOP
        fk := r.def;
        IF r.ref = ANY (tabs) THEN
            IF r.ref = 'items' OR r.refcols <> ARRAY['id'] THEN
                RAISE EXCEPTION '0014: foreign key % on % references %(%): '
                    'only references to declarations(id) and alerts(id) can '
                    'be kept once the table is partitioned',
                    r.conname, r.tab, r.ref, array_to_string(r.refcols, ', ');
            END IF;
            fk := regexp_replace(fk, 'REFERENCES ' || r.ref || '\(id\)',
                                 'REFERENCES ' || CASE r.ref WHEN 'alerts'
                                 THEN 'alert_keys' ELSE 'declaration_keys'
                                 END || '(id)');
        END IF;
        fks := fks || format('ALTER TABLE %s ADD CONSTRAINT %I %s',
                             r.tab, r.conname, fk);
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tab, r.conname);
    END LOOP;

    FOREACH t IN ARRAY tabs LOOP
        -- What the copy must get back, read while the table has its name.
        pre := '{}';
        post := '{}';
        FOR r IN
            SELECT con.conname, pg_get_constraintdef(con.oid) AS def,
                   con.convalidated
              FROM pg_constraint con
             WHERE con.conrelid = t::regclass AND con.contype = 'c'
        LOOP
            IF r.convalidated THEN
                pre := pre || format('ALTER TABLE %I ADD CONSTRAINT %I %s',
                                     t, r.conname, r.def);
            ELSE
                post := post || format('ALTER TABLE %I ADD CONSTRAINT %I %s',
                                       t, r.conname, r.def);
            END IF;
        END LOOP;
        FOR r IN
            SELECT i.indexrelid, ic.relname AS iname, i.indisprimary,
                   i.indisunique, con.conname,
                   pg_get_indexdef(i.indexrelid) AS def,
                   EXISTS (SELECT 1 FROM unnest(i.indkey) k(n)
                             JOIN pg_attribute a ON a.attrelid = i.indrelid
                              AND a.attnum = k.n
                            WHERE a.attname = 'created_at') AS has_key,
                   (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
                      FROM unnest(i.indkey) WITH ORDINALITY k(n, ord)
                      JOIN pg_attribute a ON a.attrelid = i.indrelid
                       AND a.attnum = k.n) AS keycols
              FROM pg_index i
              JOIN pg_class ic ON ic.oid = i.indexrelid
              LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid
                                         AND con.conrelid = i.indrelid
             WHERE i.indrelid = t::regclass
        LOOP
            IF r.indisprimary THEN
                post := post || format('ALTER TABLE %I ADD CONSTRAINT %I '
                                       'PRIMARY KEY (%s%s)', t, r.conname,
                                       r.keycols, CASE WHEN r.has_key
                                       THEN '' ELSE ', created_at' END);
            ELSIF t = 'declarations' AND r.indisunique
                  AND r.keycols = 'submitter, reference' THEN
                NULL;           -- the live reference: see declaration_keys
            ELSIF t = 'declarations' AND r.indisunique
                  AND r.keycols = 'submitter, reference, version' THEN
                -- declaration_keys holds the rule; the lookup stays.
                post := post || format('CREATE INDEX %I ON declarations '
                                       '(submitter, reference, version)',
                                       r.iname);
            ELSIF r.indisunique AND NOT r.has_key THEN
                RAISE EXCEPTION '0014: unique index % on % (%) does not contain '
                    'created_at: a partitioned table cannot enforce it; give '
                    'it a key table as declaration_keys does', r.iname, t,
                    r.keycols;
            ELSIF r.conname IS NOT NULL THEN
                post := post || format('ALTER TABLE %I ADD CONSTRAINT %I %s',
                                       t, r.conname, pg_get_constraintdef(
                                       (SELECT oid FROM pg_constraint
                                         WHERE conindid = r.indexrelid
                                           AND conrelid = t::regclass)));
            ELSE
                post := post || r.def;
            END IF;
        END LOOP;
        SELECT post || coalesce(array_agg(pg_get_triggerdef(g.oid)), '{}')
          INTO post
          FROM pg_trigger g WHERE g.tgrelid = t::regclass AND NOT g.tgisinternal;
        SELECT post || coalesce(array_agg(format('GRANT %s ON %I TO %s',
                        x.privilege_type, t,
                        CASE WHEN x.grantee = 0 THEN 'PUBLIC'
                             ELSE quote_ident(pg_get_userbyid(x.grantee))
                        END)), '{}')
          INTO post
          FROM pg_class c, aclexplode(c.relacl) x
         WHERE c.oid = t::regclass AND x.grantee <> c.relowner;
        SELECT reloptions INTO opts FROM pg_class WHERE oid = t::regclass;
        SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO cols
          FROM pg_attribute
         WHERE attrelid = t::regclass AND attnum > 0 AND NOT attisdropped
           AND attgenerated = '';

        EXECUTE format('ALTER TABLE %I RENAME TO %I', t, t || '_unpartitioned');
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING '
                       'GENERATED INCLUDING IDENTITY INCLUDING STORAGE '
                       'INCLUDING COMMENTS INCLUDING COMPRESSION) '
                       'PARTITION BY RANGE (created_at)',
                       t, t || '_unpartitioned');
        FOREACH s IN ARRAY pre LOOP
            EXECUTE s;
        END LOOP;
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', t || '_default', t);
        -- The months (these and those created later) copy it from here.
        IF opts IS NOT NULL THEN
            EXECUTE format('ALTER TABLE %I SET (%s)', t || '_default',
                           array_to_string(opts, ', '));
        END IF;
        EXECUTE format('SELECT min(created_at) FROM %I', t || '_unpartitioned') INTO lo;
        PERFORM cordon_partitions_create(t, least(coalesce(lo, now()), now()),
                                         now() + interval '3 months');
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I', t, cols, cols,
                       t || '_unpartitioned');
        EXECUTE format('DROP TABLE %I', t || '_unpartitioned');
        FOREACH s IN ARRAY post LOOP
            EXECUTE s;
        END LOOP;
    END LOOP;

    FOREACH s IN ARRAY fks LOOP
        EXECUTE s;
    END LOOP;
    -- The months' indexes were made with the parent's: name them.
    FOR r IN SELECT i.inhrelid::regclass::text AS part
               FROM pg_inherits i
              WHERE i.inhparent::regclass::text = ANY (tabs)
    LOOP
        PERFORM cordon_partition_index_names(r.part);
    END LOOP;
END $$;

CREATE TRIGGER declarations_key BEFORE INSERT ON declarations
    FOR EACH ROW EXECUTE FUNCTION cordon_declaration_key();
CREATE TRIGGER declarations_key_fixed
    BEFORE UPDATE OF id, submitter, reference, version, created_at
    ON declarations FOR EACH ROW EXECUTE FUNCTION cordon_declaration_key_fixed();
CREATE TRIGGER alerts_keys AFTER INSERT ON alerts
    REFERENCING NEW TABLE AS new_alerts
    FOR EACH STATEMENT EXECUTE FUNCTION cordon_alert_keys_add();
CREATE TRIGGER alerts_key_fixed
    BEFORE UPDATE OF id, declaration_id, created_at
    ON alerts FOR EACH ROW EXECUTE FUNCTION cordon_alert_key_fixed();

-- The queue without a status filter (GET /v1/alerts over every status)
-- reads the queue's order from an index instead of sorting every alert of
-- every month.
CREATE INDEX alerts_priority ON alerts (priority DESC, id);
SELECT cordon_partition_index_names(p.part) FROM cordon_partitions() p
 WHERE p.parent = 'alerts';
SELECT cordon_partition_index_names('alerts_default');
