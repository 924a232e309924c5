-- WebSub (issue 15). Portable SQL (SQLite and PostgreSQL).

-- The built-in hub's subscriptions to our feeds: one row per (topic, callback), the spec's subscription key; a topic
-- is a feed in one format. Rows are written when a request is verified and when deliveries settle (in batches), so
-- subscriptions and what each subscriber last received survive a restart.
CREATE TABLE websub_subscription (
    id               VARCHAR(32)  PRIMARY KEY,
    feed_id          VARCHAR(64)  NOT NULL,
    format           VARCHAR(8)   NOT NULL,       -- rss, atom, json
    callback         TEXT         NOT NULL,
    secret           TEXT,                        -- hub.secret as given (the HMAC key); never shown or logged
    partner_id       VARCHAR(64),                 -- private feeds: the partner whose key subscribed
    state            VARCHAR(16)  NOT NULL,       -- active, expired, unsubscribed, gone, revoked
    lease_seconds    BIGINT       NOT NULL,
    created_at       BIGINT       NOT NULL,
    verified_at      BIGINT       NOT NULL,
    expires_at       BIGINT       NOT NULL,
    delivered_etag   VARCHAR(64),                 -- the topic version the subscriber last received (or had)
    last_delivery_at BIGINT,
    last_status      INTEGER,
    last_error       TEXT,
    failures         INTEGER      NOT NULL,
    next_attempt     BIGINT,
    updated_at       BIGINT       NOT NULL
);
CREATE UNIQUE INDEX websub_subscription_key ON websub_subscription (feed_id, format, callback);

-- Our own subscriptions to the hubs sources advertise: one per source. The token is the unguessable last part of
-- the callback URL, the secret the key pushes must be signed with.
CREATE TABLE websub_source (
    source_id     VARCHAR(64)  PRIMARY KEY,
    hub           TEXT         NOT NULL,
    topic         TEXT         NOT NULL,
    token         VARCHAR(64)  NOT NULL,
    secret        VARCHAR(128) NOT NULL,
    state         VARCHAR(16)  NOT NULL,          -- subscribing, active, unsubscribing, denied, failed, expired, unsubscribed
    requested_at  BIGINT,                         -- when we last asked the hub
    lease_seconds BIGINT,                         -- the lease the hub granted
    lease_expires BIGINT,
    last_push     BIGINT,
    pushes        BIGINT       NOT NULL,
    rejected      BIGINT       NOT NULL,
    last_error    TEXT,
    updated_at    BIGINT       NOT NULL
);
CREATE UNIQUE INDEX websub_source_token ON websub_source (token);
