package uz.karvon.publish.profile;

/** One item a platform profile left out of a feed, and why. */
public record Exclusion(String itemId, String title, String url, Rule rule) {}
