"""Neo4j: every Cypher text from ``cypher/`` (``cypher``), the one place that bends for
FalkorDB (``dialects``), the Bolt loader (``loader``) and ``kg query`` (``query``)."""
