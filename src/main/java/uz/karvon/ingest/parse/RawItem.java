package uz.karvon.ingest.parse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One item as read from the wire, before normalisation. Mutable, confined to one parse call. */
final class RawItem {
    String guid;
    String link;
    String externalUrl;
    String title;
    /** Atom type="text" title: angle brackets in it are literal text, not markup. */
    boolean titleIsText;
    /** HTML (or escaped plain text, see {@link #contentIsText}). */
    String content;
    boolean contentIsText;
    String summary;
    boolean summaryIsText;
    /** Plain text given by the source (JSON Feed content_text). */
    String contentText;
    String image;
    /** Dates a reader already parsed (JSON Feed: none; kept for readers that do). */
    Instant published;
    Instant modified;
    /** Date texts in document order, read with our own parser: the first readable one wins. */
    final List<String> publishedRaw = new ArrayList<>(2);
    final List<String> modifiedRaw = new ArrayList<>(2);
    final List<Author> authors = new ArrayList<>();
    final List<Author> contributors = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    String language;
    final List<Attachment> attachments = new ArrayList<>();
    /** Base URL for relative links in this item (xml:base chain), may be null. */
    String base;
    /** Base URL for relative links inside the content (the content element's own xml:base chain), may be null. */
    String contentBase;
}
