package uz.karvon.publish.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import uz.karvon.server.Xml;

class FeedRendererTest {
    @Test
    void renderingIsDeterministicAndThreadSafe() throws Exception {
        FeedRenderer r = new FeedRenderer();
        Channel c = Samples.channel("uz-Latn");
        byte[] rss = r.rss(c, Samples.all());
        byte[] atom = r.atom(c, Samples.all(), Samples.tombstones());
        byte[] json = r.json(c, Samples.all());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[][]>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> new byte[][] {r.rss(c, Samples.all()),
                        r.atom(c, Samples.all(), Samples.tombstones()), r.json(c, Samples.all())}));
            }
            for (Future<byte[][]> f : futures) {
                byte[][] out = f.get();
                assertThat(out[0]).isEqualTo(rss);
                assertThat(out[1]).isEqualTo(atom);
                assertThat(out[2]).isEqualTo(json);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyFeedsRender() throws Exception {
        FeedRenderer r = new FeedRenderer();
        Channel c = Samples.channel("ru");
        assertThat(new Xml(r.rss(c, List.of())).count("//item")).isZero();
        assertThat(new Xml(r.atom(c, List.of(), null)).count("/a:feed/a:id")).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.json(c, List.of()));
        assertThat(json.path("items").isArray()).isTrue();
        assertThat(json.path("items")).isEmpty();
    }
}
