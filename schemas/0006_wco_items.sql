-- WCO DEC-DMS messages may leave out an item's commodity code (simplified
-- declarations) or description (amendments): such items are screened on what
-- they have, reported as findings, and stored with NULL for what was not
-- declared.
ALTER TABLE items ALTER COLUMN hs_code DROP NOT NULL;
ALTER TABLE items ALTER COLUMN description DROP NOT NULL;
