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
