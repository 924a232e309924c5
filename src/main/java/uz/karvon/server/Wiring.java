package uz.karvon.server;

import java.time.Clock;
import uz.karvon.article.ArticleIntake;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.Database;

/** Small factories shared by the server and the CLI so both store articles through the same rules. */
public final class Wiring {
    private Wiring() {}

    public static ArticleIntake intake(Database db, Clock clock, Runnable onChange) {
        return new ArticleIntake(Articles.json(), new ArticleStore(db), clock, onChange);
    }
}
