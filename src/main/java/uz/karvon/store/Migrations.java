package uz.karvon.store;

import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One set of Flyway migrations for both databases: {@code db/migration} holds what both run (SQL in the common
 * subset, and Java migrations in package {@code db.migration}); {@code db/sqlite} and {@code db/postgresql} hold
 * the few files whose SQL must differ, numbered among the common ones. The dialect folders sit beside
 * {@code db/migration}, not inside it, because Flyway searches a location's subfolders too.
 */
public final class Migrations {
    private Migrations() {}

    public static void run(DataSource ds, Dialect dialect) {
        flyway(ds, dialect).migrate();
    }

    /** The locations for {@code dialect}, for tools that configure Flyway themselves (tests stopping at a version). */
    public static String[] locations(Dialect dialect) {
        return new String[] {"classpath:db/migration", "classpath:db/" + dialect.name().toLowerCase(Locale.ROOT)};
    }

    static Flyway flyway(DataSource ds, Dialect dialect) {
        return Flyway.configure().dataSource(ds).locations(locations(dialect)).load();
    }
}
