package uz.karvon.cluster;

/**
 * Where a story went.
 *
 * @param storyId    the story
 * @param clusterId  its cluster: a new one named after this story, or the one of an earlier story
 * @param created    true when the story starts a new cluster
 * @param matchedId  the earlier story it matched best ({@code null} when created)
 * @param score      the similarity to that story, 0 when created
 */
public record Assignment(String storyId, String clusterId, boolean created, String matchedId, double score) {}
