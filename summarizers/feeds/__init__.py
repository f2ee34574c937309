"""News feeds as sources: RSS and Atom parsed into entries (fetched by `fetch_page(feed=True)`)."""

from summarizers.feeds.parse import Feed, FeedEntry, FeedError, looks_like_feed, parse_feed

__all__ = ["Feed", "FeedEntry", "FeedError", "looks_like_feed", "parse_feed"]
