"""notebooks/explore.ipynb runs top to bottom."""
from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from conftest import REPO


def test_explore_notebook_executes(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_OUT", str(tmp_path / "kg-out"))  # never the user's ./kg-out
    nb = nbformat.read(REPO / "notebooks" / "explore.ipynb", as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(REPO / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(str(o.get("data", {}).get("text/plain", "")) + o.get("text", "") for o in outputs)
    assert "entities," in text and "SUBPOENAED" in text
    assert (tmp_path / "kg-out" / "graph.graphml").exists()
