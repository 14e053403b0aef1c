"""`kg build --neo4j`, `kg load` and `kg query` as a user runs them, over real Bolt.

Each command is its own client process; the test server is restarted between them (its
dump is reloaded), because FalkorDB stalls a new client after an earlier one has gone."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ICE_ARTICLE, REPO
from falkordb_server import FalkorServer


@pytest.fixture
def server(tmp_path):
    srv = FalkorServer(tmp_path / "db").start()
    yield srv
    srv.stop()


def kg(*args, env_uri=None):
    env = dict(os.environ)
    if env_uri:
        env.update(NEO4J_URI=env_uri, NEO4J_USERNAME="falkordb", NEO4J_PASSWORD="")
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=300)


def test_build_load_query(server, tmp_path):
    out = tmp_path / "out"
    built = kg("build", str(ICE_ARTICLE), "-o", str(out), "--neo4j", env_uri=server.uri)
    assert built.returncode == 0, built.stderr
    assert "loaded:" in built.stdout and "created 0 nodes" not in built.stdout

    server.restart()
    again = kg("load", str(out), "--uri", server.uri, "--user", "falkordb", "--password", "")
    assert again.returncode == 0, again.stderr
    assert "created 0 nodes, 0 relationships" in again.stdout

    server.restart()
    query = kg("query", "-f", "cypher/queries/officials_by_jurisdiction.cypher", "--json",
               env_uri=server.uri)
    assert query.returncode == 0, query.stderr
    rows = json.loads(query.stdout)
    assert {"jurisdiction": "Minneapolis", "official": "Jacob Frey", "title": "Mayor"} in rows

    # the README's examples return rows on the bundled article
    server.restart()
    timeline = kg("query", "-f", "cypher/queries/timeline_of_entity.cypher", "--param",
                  "name=Tim Walz", "--json", env_uri=server.uri)
    assert timeline.returncode == 0, timeline.stderr
    rows = [{k: row[k] for k in ("date", "actor", "relation")} for row in json.loads(timeline.stdout)]
    assert {"date": "2026-01-20", "actor": "Tim Walz", "relation": "CRITICIZED"} in rows
    server.restart()
    subpoenas = kg("query", "MATCH (a)-[r:SUBPOENAED]->(b) RETURN a.name, b.name, r.evidence",
                   "--json", env_uri=server.uri)
    assert subpoenas.returncode == 0, subpoenas.stderr
    assert len(json.loads(subpoenas.stdout)) == 4

    server.restart()
    table = kg("query", "MATCH (n:Official) WHERE n.name = $name RETURN n.title AS title",
               "--param", "name=Pam Bondi", env_uri=server.uri)
    assert table.returncode == 0, table.stderr
    assert "Attorney-General" in table.stdout and "(1 row)" in table.stdout


def test_unreachable_database_exit_2_without_traceback(tmp_path):
    proc = kg("load", str(ICE_ARTICLE), "--uri", "bolt://127.0.0.1:1")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("kg: cannot reach the database at bolt://127.0.0.1:1")


def test_bad_param_is_usage_error():
    proc = kg("query", "RETURN 1", "--param", "novalue")
    assert proc.returncode == 1 and "key=value" in proc.stderr


def test_falkordb_refuses_unsafe_params_and_a_syntax_error_is_the_users(server, tmp_path):
    loaded = kg("load", str(ICE_ARTICLE), "--uri", server.uri, "--user", "falkordb", "--password", "")
    assert loaded.returncode == 0, loaded.stderr
    server.restart()
    hostile = kg("query", "RETURN $m AS m", "--param",
                 'm={"x\'}) MATCH (n) DETACH DELETE n //": 1}', env_uri=server.uri)
    assert hostile.returncode == 1 and "Traceback" not in hostile.stderr
    assert hostile.stderr.startswith("kg: --param refused: parameter key ")
    server.restart()
    big = kg("query", "RETURN $x AS x", "--param", "x=" + "a" * 5000, env_uri=server.uri)
    assert big.returncode == 1 and "more than FalkorDB takes" in big.stderr
    server.restart()
    syntax = kg("query", "MATCH (n RETURN n", env_uri=server.uri)
    assert syntax.returncode == 1 and syntax.stderr.startswith("kg: query failed: ")
    server.restart()
    count = kg("query", "MATCH (n:Entity) RETURN count(n) AS n", "--json", env_uri=server.uri)
    assert count.returncode == 0 and json.loads(count.stdout)[0]["n"] > 20  # nothing deleted


def test_a_query_file_that_is_not_utf8_is_one_line(tmp_path):
    path = tmp_path / "q.cypher"
    path.write_bytes("MATCH (n) WHERE n.name = 'café' RETURN n".encode("latin-1"))
    proc = kg("query", "-f", str(path))
    assert proc.returncode == 1
    assert proc.stderr == f"kg: {path}: cannot read the query file (UnicodeDecodeError); save it as UTF-8 text\n"
