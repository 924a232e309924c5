package uz.karvon.websub;

/** Both sides of WebSub, as the web layer reaches them: the hub for our feeds and the subscriber for sources. */
public record WebSub(Hub hub, SourceSubscriptions subscriber) {}
