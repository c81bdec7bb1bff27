-- Issue 18: payment plans and collection-agency referrals of patient accounts. Both are append-only events: a plan
-- is active while its last event is STARTED; whether it is kept is computed from the payments, never stored.

CREATE TABLE payment_plan_event (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_key   VARCHAR(50)   NOT NULL,
    action        VARCHAR(10)   NOT NULL,
    amount        DECIMAL(15,2),
    day_of_month  INT,
    starts_on     DATE          NOT NULL,
    note          VARCHAR(200)  NOT NULL DEFAULT '',
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(60)   NOT NULL,
    CONSTRAINT payment_plan_action CHECK (action IN ('STARTED', 'ENDED')),
    CONSTRAINT payment_plan_terms CHECK (action = 'ENDED'
        OR (amount > 0 AND day_of_month BETWEEN 1 AND 28))
);
CREATE INDEX payment_plan_event_account ON payment_plan_event (account_key);

-- An account referred to a collection agency, with the balance referred; the export file is made from these rows.
CREATE TABLE collection_referral (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_key  VARCHAR(50)   NOT NULL,
    agency       VARCHAR(80)   NOT NULL,
    amount       DECIMAL(15,2) NOT NULL,
    referred_on  DATE          NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(60)   NOT NULL,
    CONSTRAINT collection_referral_positive CHECK (amount > 0)
);
CREATE INDEX collection_referral_account ON collection_referral (account_key);

CREATE TRIGGER payment_plan_event_append_only BEFORE UPDATE, DELETE ON payment_plan_event
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
CREATE TRIGGER collection_referral_append_only BEFORE UPDATE, DELETE ON collection_referral
    FOR EACH ROW CALL "org.rxledger.core.store.AppendOnlyTrigger";
