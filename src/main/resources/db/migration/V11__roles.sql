-- Work one instance does for every instance on the database (issue 13): the holder of a role renews its lease
-- while it runs; when it stops renewing (a clean stop deletes the row, a kill -9 leaves it to run out), another
-- instance takes the role over. Portable SQL (SQLite and PostgreSQL).
CREATE TABLE role_lease (
    role        VARCHAR(50)  PRIMARY KEY,   -- e.g. websub-delivery
    owner       VARCHAR(100) NOT NULL,      -- instance id
    lease_until BIGINT       NOT NULL       -- epoch millis
);

-- websub_subscription.updated_at now changes only when a subscription is granted, renewed or ended by its
-- subscriber (on any instance); the instance delivering reads those rows by it.
CREATE INDEX websub_subscription_updated ON websub_subscription (updated_at);
