package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills V8's {@code source_state.next_attempt} and {@code host} from each state's JSON, so an upgraded server keeps
 * every wait it had (a Retry-After, a backoff, a 410's never) instead of polling everything at once. In Java because
 * SQLite and PostgreSQL read JSON with different functions.
 */
public class V8_1__Source_state_columns extends BaseJavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT source_id, state_json FROM source_state");
             PreparedStatement set = c.prepareStatement("UPDATE source_state SET next_attempt = ?, host = ? WHERE source_id = ?")) {
            int n = 0;
            while (rs.next()) {
                JsonNode state = JSON.readTree(rs.getString(2));
                Long next = state.path("gone").asBoolean(false) ? null : millis(state.path("nextAttempt"));
                if (next == null) set.setNull(1, Types.BIGINT); else set.setLong(1, next);
                set.setString(2, host(state.path("url").asText("")));
                set.setString(3, rs.getString(1));
                set.addBatch();
                if (++n % 500 == 0) set.executeBatch();
            }
            set.executeBatch();
        }
    }

    /** Jackson writes an Instant as seconds with a fraction, or (other settings) as ISO text. */
    static Long millis(JsonNode n) {
        if (n.isNumber()) return n.decimalValue().multiply(BigDecimal.valueOf(1000)).longValue();
        if (n.isTextual()) return Instant.parse(n.asText()).toEpochMilli();
        return null;
    }

    /** The same key the poller uses: the configured URL's host, lower case; "(file)" for drop folders. */
    static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "(file)" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "(file)";
        }
    }
}
