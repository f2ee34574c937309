"""Article → direct quotations with their speakers, and the key ones for a digest."""

from summarizers.quotes.find import find_quotes
from summarizers.quotes.interrupted import join_interrupted
from summarizers.quotes.rank import key_quotes

__all__ = ["find_quotes", "join_interrupted", "key_quotes"]
