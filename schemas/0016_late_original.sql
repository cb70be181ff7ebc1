-- Late originals: an original (WCO FunctionCode 9, or JSON "function":
-- "original") that arrives after an amendment of its reference was already
-- stored as version 1 (the amendment came first: the earlier messages were
-- held up or sent elsewhere; see store_amend.c).  Customs systems resend
-- such originals, and what they declare must be screened and kept.
--
-- It is stored as version 0: the version before version 1, which it is.
-- The versions of a reference then read in the order the customs system
-- issued them (0 the original, 1 the amendment that came first, 2 ...),
-- (submitter, reference, version) stays unique in declaration_keys (a
-- second late original with other bytes conflicts on version 0, as a second
-- original conflicts on version 1), and the live row stays the latest
-- version, untouched: amendments and cancellations keep finding it as
-- before.  A key row's version never changes (0014), so nothing is
-- renumbered.
--
-- Why a migration: version >= 1 was a CHECK since 0008, and the row is
-- written by the batch INSERT (store_decl.c), which sets neither state nor
-- superseded_by.  A version 0 row is always an original, and it is born
-- superseded by version 1 of its reference: the trigger below sets both, so
-- the batch statement stays as it is.  The trigger's WHEN keeps every other
-- row free of it.

ALTER TABLE declarations DROP CONSTRAINT declarations_version_check;
ALTER TABLE declarations ADD CONSTRAINT declarations_version_check
    CHECK (version >= 1 OR (version = 0 AND function = 'original'));

-- Version 0 of a reference: superseded by its version 1 from the start.
-- Fails (and so does the statement) when there is no version 1: storage
-- only writes version 0 after finding version 1 under the reference's
-- lock.
CREATE FUNCTION cordon_late_original() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT k.id INTO NEW.superseded_by FROM declaration_keys k
     WHERE k.submitter = NEW.submitter AND k.reference = NEW.reference
       AND k.version = 1;
    IF NEW.superseded_by IS NULL THEN
        RAISE EXCEPTION 'declaration %: version 0 (a late original) of a '
            'reference without a version 1', NEW.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    NEW.state := 'superseded';
    NEW.supersedes := NULL;
    RETURN NEW;
END $$;

-- Named after declarations_key (0014) so that it runs after it: a row whose
-- key already exists is skipped there, before this one.
CREATE TRIGGER declarations_late_original BEFORE INSERT ON declarations
    FOR EACH ROW WHEN (NEW.version = 0)
    EXECUTE FUNCTION cordon_late_original();
