-- Who pulled what: daily totals per feed and partner ('' = public reader). Portable SQL.
CREATE TABLE pull_stat (
    day                  VARCHAR(10) NOT NULL,   -- UTC date, yyyy-mm-dd
    feed_id              VARCHAR(64) NOT NULL,
    partner_id           VARCHAR(64) NOT NULL,
    requests             BIGINT      NOT NULL,
    ok                   BIGINT      NOT NULL,   -- 200 answers
    not_modified         BIGINT      NOT NULL,   -- 304 answers
    bytes                BIGINT      NOT NULL,   -- body bytes sent
    distinct_clients     BIGINT      NOT NULL,   -- distinct address + user agent pairs seen that day
    reported_subscribers BIGINT      NOT NULL,   -- sum over aggregators of the "N subscribers" they report
    PRIMARY KEY (day, feed_id, partner_id)
);
