package uz.karvon.web;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import uz.karvon.config.KarvonConfig;
import uz.karvon.publish.SiteUrls;
import uz.karvon.web.html.Html;

/**
 * The admin pages' frame: the menu that links them together and, on every page, the warnings an admin needs
 * (feeds.yml refused, site.base_url unset, sources no feed uses, …). English only: the admins' language.
 */
final class AdminFrame {
    /** The menu, in order: path, label. Other admin pages add their entry here. */
    static final List<String[]> MENU = List.of(
            new String[] {"/admin/", "Overview"},
            new String[] {"/admin/sources", "Sources"},
            new String[] {"/admin/feeds", "Feeds"},
            new String[] {"/admin/partners", "Partners"},
            new String[] {"/admin/stats", "Pull statistics"},
            new String[] {"/admin/clusters", "Clusters"},
            new String[] {"/admin/config", "Configuration"});

    private AdminFrame() {}

    /** A page being built: the document and its {@code <main>}. */
    record Page(Document doc, Element main) {}

    /** @param current the menu path of this page (marked as current) */
    static Page open(KarvonConfig cfg, ConfigStatus.State status, String title, String current) {
        Document doc = Html.page("en", "ltr", title + " — " + cfg.site().agency() + " admin");
        doc.head().appendElement("meta").attr("name", "robots").attr("content", "noindex, nofollow");
        String favicon = new SiteUrls(cfg.site().baseUrl()).absolute(cfg.site().favicon());
        if (favicon != null) doc.head().appendElement("link").attr("rel", "icon").attr("href", favicon);
        Element body = doc.body().addClass("admin");
        Element header = body.appendElement("header").addClass("admin-bar");
        header.appendElement("a").addClass("brand").attr("href", "/admin/").text(cfg.site().agency() + " · admin");
        Element nav = header.appendElement("nav").attr("aria-label", "Admin pages").appendElement("ul");
        for (String[] item : MENU) {
            Element a = nav.appendElement("li").appendElement("a").attr("href", item[0]).text(item[1]);
            if (item[0].equals(current)) a.attr("aria-current", "page");
        }
        header.appendElement("a").addClass("to-site").attr("href", "/").text("Public site");
        Element main = body.appendElement("main").attr("id", "main");
        List<String> warnings = warnings(status);
        if (!warnings.isEmpty()) {
            Element box = main.appendElement("section").addClass("warnings").attr("aria-label", "Warnings");
            Element ul = box.appendElement("ul");
            for (String w : warnings) ul.appendElement("li").text(w);
        }
        main.appendElement("h1").text(title);
        return new Page(doc, main);
    }

    /** Refused edits first (the running configuration is older than the file), then the loader's warnings. */
    static List<String> warnings(ConfigStatus.State status) {
        List<String> out = new ArrayList<>();
        if (!status.errors().isEmpty()) {
            out.add(status.file().getFileName() + " has " + status.errors().size() + " error(s) and was not applied;"
                    + " the configuration applied before keeps serving (see Configuration)");
        }
        out.addAll(status.warnings());
        return out;
    }
}
