package uz.karvon.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.karvon.config.ConfigLoader;
import uz.karvon.config.KarvonConfig;

class ConfigReloaderTest {
    @Test
    void settingsReadOnceAtStartAreReportedWhenAnEditChangesThem(@TempDir Path dir) throws Exception {
        String bundled = Files.readString(TestKarvon.bundledConfig());
        ConfigLoader loader = new ConfigLoader(Map.of());
        KarvonConfig running = loader.load(TestKarvon.write(dir, "a.yml", bundled));
        assertThat(ConfigReloader.needsRestart(running, loader.load(TestKarvon.write(dir, "b.yml", bundled.replace(
                "title: Karvon — all languages", "title: Karvon — every language"))))).isEmpty();

        String edited = bundled.replace("  workers: 16 ", "  workers: 8 ").replace("agency: Karvon Axborot Agentligi", "agency: Karvon");
        assertThat(edited).isNotEqualTo(bundled);
        assertThat(ConfigReloader.needsRestart(running, loader.load(TestKarvon.write(dir, "c.yml", edited))))
                .containsExactly("site.agency changed: takes effect when karvon is restarted",
                        "ingest.workers changed: takes effect when karvon is restarted");
    }
}
