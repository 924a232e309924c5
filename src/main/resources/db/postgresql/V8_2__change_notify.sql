-- Followers on every instance hear of a change at once (LISTEN karvon_changes) instead of at their next check of
-- the change log. NOTIFY is delivered when the inserting transaction commits, so what it announces is visible.
CREATE FUNCTION karvon_change_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('karvon_changes', NEW.seq::text);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER change_log_notify AFTER INSERT ON change_log FOR EACH ROW EXECUTE FUNCTION karvon_change_notify();
