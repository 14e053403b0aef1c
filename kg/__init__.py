"""kg: turn news articles into a knowledge graph with evidence for every link."""

__version__ = "0.1.0"
