package uz.karvon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import uz.karvon.server.KarvonServer;
import uz.karvon.server.TestKarvon;

/**
 * Issue 14, what only a browser knows: Debian's chromium (through chromium-driver, as .ci/run installs them)
 * opens the English front page, an Arabic article, a Chinese section page, a feed and the admin's sources page,
 * and checks computed direction, fonts by script, that the sources table stays inside a 1280 px window, that the
 * feed is rendered through its stylesheet, and that no page logs an error to the console (a CSP violation
 * included). One browser for the whole class. Without the browser this test fails: it is part of the suite.
 * With {@code -Dkarvon.screenshots=DIR} it also saves a PNG of each page there.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final String ADMIN = "browser-admin-token";

    @TempDir
    static Path dir;
    static KarvonServer server;
    static String base;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
                .as("the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
                        + "); .ci/run installs them: apt-get install chromium chromium-driver")
                .isTrue();
        String unreachable = "http://127.0.0.1:9/" + "partner-agency-feeds/".repeat(4) + "rss.xml?category=economy&format=rss2&key=";
        String cfg = Files.readString(TestKarvon.bundledConfig(), StandardCharsets.UTF_8).replace("sources: []", """
                sources:
                  - id: wire-one
                    title: Wire one with a long name that wraps in the table
                    url: "%s1"
                  - id: wire-two
                    title: Вторая лента партнёра
                    url: "%s2"
                """.formatted(unreachable, unreachable)).replace("    language: all\n    limit: 100\n",
                "    language: all\n    limit: 100\n    sources: [wire-one, wire-two]\n");
        server = TestKarvon.start(TestKarvon.write(dir, "feeds.yml", cfg), dir.resolve("data"), Map.of("KARVON_ADMIN_TOKEN", ADMIN),
                Clock.systemUTC(), true);
        base = TestKarvon.base(server);

        System.setProperty("webdriver.chrome.driver", DRIVER.toString()); // never Selenium Manager's download
        profile = Files.createTempDirectory("karvon-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) browser.quit();
        } finally {
            if (server != null) server.close();
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Opens a page, saves its screenshot when asked to, and checks the console stayed free of errors. */
    private static void open(String url, String screenshot) throws IOException {
        browser.manage().logs().get(LogType.BROWSER); // drop what earlier pages logged
        browser.get(url);
        String dirName = System.getProperty("karvon.screenshots");
        if (dirName != null && !dirName.isBlank()) {
            Path out = Path.of(dirName);
            Files.createDirectories(out);
            Files.write(out.resolve(screenshot + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(e.getMessage());
        }
        assertThat(errors).as("console errors on " + url).isEmpty();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static String computed(WebElement e, String property) {
        return (String) js("return getComputedStyle(arguments[0]).getPropertyValue(arguments[1]);", e, property);
    }

    @Test
    void pagesAsABrowserShowsThem() throws Exception {
        open(base + "/en/", "en-front");
        WebElement html = browser.findElement(By.tagName("html"));
        assertThat(computed(html, "direction")).isEqualTo("ltr");
        assertThat(computed(browser.findElement(By.cssSelector(".masthead")), "border-bottom-width")).as("stylesheet applied").isEqualTo("3px");
        assertThat(browser.findElements(By.cssSelector("main article.story"))).hasSizeGreaterThan(5);
        assertThat((Boolean) js("return [...document.images].every(i => i.complete && i.naturalWidth > 0);")).as("every image loads").isTrue();

        open(base + "/ar/articles/metro-tashqand-arbaa-mahattat-jadida", "ar-article");
        assertThat(computed(browser.findElement(By.tagName("html")), "direction")).isEqualTo("rtl");
        WebElement h1 = browser.findElement(By.cssSelector("article h1"));
        assertThat(computed(h1, "direction")).isEqualTo("rtl");
        assertThat(computed(h1, "font-family")).contains("Noto Naskh Arabic");
        // the headline starts at the right edge of its column, as Arabic does
        WebElement main = browser.findElement(By.cssSelector("main"));
        long h1Right = ((Number) js("return Math.round(arguments[0].getBoundingClientRect().right);", h1)).longValue();
        long mainRight = ((Number) js("const r = arguments[0].getBoundingClientRect(); return Math.round(r.right"
                + " - parseFloat(getComputedStyle(arguments[0]).paddingRight));", main)).longValue();
        assertThat(h1Right).isBetween(mainRight - 2, mainRight + 2);
        // Latin text inside the Arabic page keeps its own direction: the English version's link reads left to right
        WebElement english = browser.findElement(By.cssSelector("aside.versions a[lang=en]"));
        assertThat(computed(english, "direction")).isEqualTo("ltr");
        assertThat(computed(browser.findElement(By.cssSelector("article .meta bdi")), "unicode-bidi")).isEqualTo("isolate");

        open(base + "/zh-Hans/sections/economy", "zh-section");
        assertThat(computed(browser.findElement(By.cssSelector("main h1")), "font-family")).contains("Noto Sans CJK SC");
        assertThat(browser.findElements(By.cssSelector("main article.story"))).isNotEmpty();

        open(base + "/feeds/ru.rss", "feed-ru");
        // rendered through feed.xsl: the subscribe explanation, the items, the site's stylesheet
        assertThat(browser.findElements(By.cssSelector(".subscribe-box h1"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".subscribe-box h1")).getText()).isEqualTo("Это лента новостей");
        assertThat(browser.findElements(By.cssSelector("ol.feed-items > li"))).hasSize(10);
        assertThat(computed(browser.findElement(By.cssSelector(".subscribe-box")), "border-inline-start-width")).isEqualTo("4px");

        open(base.replace("http://", "http://admin:" + ADMIN + "@") + "/admin/sources", "admin-sources");
        WebElement table = browser.findElement(By.cssSelector("table.sources"));
        long width = ((Number) js("return window.innerWidth;")).longValue();
        assertThat(width).isEqualTo(1280);
        long tableRight = ((Number) js("return Math.ceil(arguments[0].getBoundingClientRect().right);", table)).longValue();
        long pageWidth = ((Number) js("return document.documentElement.scrollWidth;")).longValue();
        assertThat(tableRight).as("the sources table inside the window").isLessThanOrEqualTo(width);
        assertThat(pageWidth).as("nothing wider than the window").isLessThanOrEqualTo(width);
        for (WebElement cell : browser.findElements(By.cssSelector("table.sources td"))) {
            long right = ((Number) js("return Math.ceil(arguments[0].getBoundingClientRect().right);", cell)).longValue();
            long scroll = ((Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth;", cell)).longValue();
            assertThat(right).as("cell " + cell.getText()).isLessThanOrEqualTo(width);
            assertThat(scroll).as("cell content fits: " + cell.getText()).isLessThanOrEqualTo(0);
        }
    }
}
