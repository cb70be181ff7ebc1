-- Typed storage: the words of the contract as CHECK constraints, and the
-- batch function retired.
--
-- The word lists are those of daemon/words.c (a unit test holds this file
-- to them): verdicts, severities, categories, alert statuses, decisions.
ALTER TABLE declarations
    ADD CONSTRAINT declarations_verdict_word
    CHECK (verdict IN ('clear', 'review', 'hold'));
ALTER TABLE alerts
    ADD CONSTRAINT alerts_category_word
    CHECK (category IN ('nuclear', 'chemical', 'biological', 'missile',
                        'conventional', 'military', 'sanctions', 'embargo')),
    ADD CONSTRAINT alerts_status_word
    CHECK (status IN ('open', 'claimed', 'released', 'held',
                      'inspection_ordered', 'referred_licensing',
                      'referred_enforcement', 'false_positive',
                      'auto_closed')),
    ADD CONSTRAINT alerts_decision_word
    CHECK (decision IN ('released', 'held', 'inspection_ordered',
                        'referred_licensing', 'referred_enforcement',
                        'false_positive'));
-- alerts.severity has its CHECK since 0001 (low, medium, high, critical).

-- cordond stores batches with one INSERT over arrays (store.c, store_sql):
-- no server-side function takes the batch's JSON apart any more.
DROP FUNCTION cordon_store_batch(jsonb);
