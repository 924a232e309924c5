package uz.karvon.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The targets, held on the labelled sets (src/test/resources/cluster/, see BENCHMARKS.md): B-cubed
 * precision at least 0.97 and F1 at least 0.95, in publication order and in other arrival orders.
 */
class LabelledSetTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(LabelledSetTest.class.getResource("/cluster/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"labelled.jsonl", "holdout.jsonl"})
    void meetsThePrecisionAndF1Targets(String file) throws Exception {
        var items = ClusterEvaluation.read(resource(file));
        BCubed score = ClusterEvaluation.run(items, EventClusterer.standard()).score();
        assertThat(score.precision()).as("B-cubed precision on %s", file).isGreaterThanOrEqualTo(0.97);
        assertThat(score.f1()).as("B-cubed F1 on %s", file).isGreaterThanOrEqualTo(0.95);

        var reordered = ClusterEvaluation.reordered(items, 7);
        BCubed late = ClusterEvaluation.run(reordered, EventClusterer.standard()).score();
        assertThat(late.precision()).as("precision with stories arriving up to 12 h late").isGreaterThanOrEqualTo(0.97);
        assertThat(late.f1()).as("F1 with stories arriving up to 12 h late").isGreaterThanOrEqualTo(0.95);
    }
}
