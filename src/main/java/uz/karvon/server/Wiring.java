package uz.karvon.server;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import uz.karvon.article.Article;
import uz.karvon.article.ArticleIntake;
import uz.karvon.store.ArticleStore;
import uz.karvon.store.Database;

/** Small factories shared by the server and the CLI so both store articles through the same rules. */
public final class Wiring {
    private Wiring() {}

    public static ArticleIntake intake(Database db, Clock clock, Runnable onChange) {
        return new ArticleIntake(Articles.json(), new ArticleStore(db), clock, onChange);
    }

    /** With {@code onStored} told of the article versions each commit created or changed (event clustering). */
    public static ArticleIntake intake(Database db, Clock clock, Runnable onChange, Consumer<List<Article>> onStored) {
        return new ArticleIntake(Articles.json(), new ArticleStore(db), clock, onChange, onStored);
    }
}
