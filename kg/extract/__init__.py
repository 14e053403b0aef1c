"""Extraction, the pure per-article step: spaCy parse (``nlp``, kg's components in
``components/``) -> mentions and their types (``entities``) -> resolution inside the article
(``resolve``) -> relations (``relations``, frames from ``kg/ontology/frames.yaml``), quotes
(``quotes``) and dates (``dates``); ``article`` runs them in that order."""
from .article import extract_article, extract_articles, parse_in_windows

__all__ = ["extract_article", "extract_articles", "parse_in_windows"]
