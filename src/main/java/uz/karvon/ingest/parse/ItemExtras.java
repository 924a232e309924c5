package uz.karvon.ingest.parse;

import static uz.karvon.ingest.parse.FeedFields.addTag;
import static uz.karvon.ingest.parse.FeedFields.blank;
import static uz.karvon.ingest.parse.FeedFields.first;

import java.util.ArrayList;
import java.util.List;
import org.jdom2.Element;

/**
 * Media RSS, iTunes, Dublin Core, FeedBurner and Atom values of one item, collected while {@link FeedFields} walks
 * its elements and applied where the core elements left a field empty (the first value of each wins). FeedBurner's
 * {@code origLink} replaces the item link, which is then only a tracking redirect.
 */
final class ItemExtras {
    /** media:title. */
    String title;
    String dcTitle;
    String itunesTitle;
    String atomLink;
    /** FeedBurner's copy of the publisher's own link; the item link is then a tracking redirect. */
    String origLink;
    String description;
    boolean descriptionIsHtml;
    String thumbnail;
    String itunesImage;
    String itunesSummary;
    String itunesSubtitle;
    final List<String> tags = new ArrayList<>();
    final List<String> itunesTags = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();

    /** A Media RSS element of the item, and those nested in media:content and media:group. */
    void read(Element c, int depth) {
        switch (c.getName()) {
            case "title" -> title = first(title, c.getTextTrim());
            case "description" -> {
                if (description == null && !c.getTextTrim().isEmpty()) {
                    description = c.getTextTrim();
                    descriptionIsHtml = "html".equalsIgnoreCase(c.getAttributeValue("type"));
                }
            }
            case "thumbnail" -> thumbnail = first(thumbnail, c.getAttributeValue("url"));
            case "category" -> addTag(tags, first(c.getAttributeValue("label"), c.getTextTrim()));
            case "content" -> {
                String url = c.getAttributeValue("url");
                if (url != null && !url.isBlank()) {
                    String type = c.getAttributeValue("type");
                    if (type == null && "image".equals(c.getAttributeValue("medium"))) type = "image/*";
                    attachments.add(new Attachment(url.strip(), type, size(c.getAttributeValue("fileSize"))));
                }
                if (depth < 2) for (Element k : c.getChildren()) read(k, depth + 1);
            }
            case "group" -> {
                if (depth < 2) for (Element k : c.getChildren()) read(k, depth + 1);
            }
            default -> {
            }
        }
    }

    void apply(RawItem it) {
        String fallbackTitle = first(dcTitle, title, itunesTitle);
        if (blank(it.title) && fallbackTitle != null) {
            it.title = fallbackTitle;
            it.titleIsText = false;
        }
        if (origLink != null) it.link = origLink;
        else if (blank(it.link) && atomLink != null) it.link = atomLink;
        if (blank(it.content)) {
            String fallback = first(itunesSummary, description, itunesSubtitle);
            if (fallback != null) {
                it.content = fallback;
                it.contentIsText = !(fallback == description && descriptionIsHtml);
            }
        }
        if (it.image == null) it.image = first(thumbnail, itunesImage);
        for (String t : tags) addTag(it.tags, t);
        for (String t : itunesTags) addTag(it.tags, t);
        it.attachments.addAll(attachments);
    }

    private static Long size(String s) {
        if (s == null) return null;
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
