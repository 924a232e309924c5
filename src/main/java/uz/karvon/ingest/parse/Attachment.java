package uz.karvon.ingest.parse;

/** An enclosure / media:content / JSON Feed attachment; {@code mimeType} and {@code sizeInBytes} are nullable. */
public record Attachment(String url, String mimeType, Long sizeInBytes) {
}
