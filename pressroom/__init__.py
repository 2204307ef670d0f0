"""Pressroom: a fast, bilingual company website with a news center, on Wagtail."""

__version__ = "0.1.0"
