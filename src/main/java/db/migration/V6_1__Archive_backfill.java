package db.migration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills what V6 added for articles stored before it: {@code seq} in publication order, and one
 * {@code article_label} row per category and tag. In Java because the lists are JSON text, and SQLite and
 * PostgreSQL take JSON arrays apart with different functions. (Flyway finds Java migrations in this package.)
 */
public class V6_1__Archive_backfill extends BaseJavaMigration {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        long seq = 0;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, published_at, categories, tags FROM article ORDER BY published_at, id");
             PreparedStatement setSeq = c.prepareStatement("UPDATE article SET seq = ? WHERE id = ?");
             PreparedStatement label = c.prepareStatement(
                     "INSERT INTO article_label (article_id, kind, label, published_at) VALUES (?, ?, ?, ?)")) {
            while (rs.next()) {
                String id = rs.getString(1);
                long published = rs.getLong(2);
                setSeq.setLong(1, ++seq);
                setSeq.setString(2, id);
                setSeq.addBatch();
                addLabels(label, id, "c", JSON.readValue(rs.getString(3), LIST), published);
                addLabels(label, id, "t", JSON.readValue(rs.getString(4), LIST), published);
                if (seq % 500 == 0) {
                    setSeq.executeBatch();
                    label.executeBatch();
                }
            }
            setSeq.executeBatch();
            label.executeBatch();
        }
    }

    private static void addLabels(PreparedStatement ps, String id, String kind, List<String> labels, long published)
            throws Exception {
        for (String l : labels.stream().distinct().toList()) {
            ps.setString(1, id);
            ps.setString(2, kind);
            ps.setString(3, l);
            ps.setLong(4, published);
            ps.addBatch();
        }
    }
}
