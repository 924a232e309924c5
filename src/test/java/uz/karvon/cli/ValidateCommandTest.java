package uz.karvon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code karvon validate} on files that hold no configuration at all. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "   \n  \n", "# feeds.yml\n# every line commented out\n", "---\n", "\uFEFF"})
    void anEmptyFileIsAnErrorNotZeroFeeds(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("feeds.yml"), text, StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("validate", file.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).startsWith("feeds.yml:1:1: the file is empty (or holds only comments): nothing to serve;"
                + " a configuration needs at least a feeds: list (start from the bundled feeds.yml)\n");
        assertThat(r.out()).doesNotContain("ok (");
    }

    @ParameterizedTest
    @ValueSource(strings = {"feeds: []\n", "site:\n  title: Karvon\n"})
    void aFileWithoutFeedsValidatesWithAWarning(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("feeds.yml"), text, StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("validate", file.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains(file + ": warning: no feeds are defined under feeds: nothing is published");
    }
}
