package uz.karvon.publish;

/** Cached bytes as served: the rendering, and whether it came from the cache ({@code X-Cache: HIT}) or was made now. */
public record Served(Rendered rendered, boolean hit) {}
