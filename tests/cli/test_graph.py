"""kg.cli.graph: kg viz, kg analyze and kg path, run as a user runs them."""
from __future__ import annotations

import json

import pandas as pd

from kg.errors import InputError
from kg.web.page import GraphTooLarge

from tests.cli.runner import invoke
from tests.web.samples import page_data


def test_cli_analyze(clubs_path, tmp_path):
    r = invoke(clubs_path, "analyze", "--top", "3", "--csv", str(tmp_path / "out"))
    assert r.exit_code == 0, r.output
    assert "Most central" in r.output and "Communities" in r.output and "Bridges" in r.output
    assert "Bəxtiyar Əliyev" in r.output
    central = pd.read_csv(tmp_path / "out" / "central.csv")
    assert len(central) == 9 and {"entity", "degree", "betweenness"} <= set(central.columns)
    assert (tmp_path / "out" / "communities.csv").exists() and (tmp_path / "out" / "bridges.csv").exists()
    r = invoke(clubs_path, "analyze", "--predicates", "heads,partOf", "--method", "greedy")
    assert r.exit_code == 0 and "Anar" not in r.output


def test_cli_path(clubs_path):
    r = invoke(clubs_path, "path", "Anar Məmmədov", "Qasım Rzayev")
    assert r.exit_code == 0, r.output
    assert "Path 1 of 1 (3 hops)" in r.output
    assert "Bəxtiyar Əliyev Qasım Rzayev ilə görüşüb." in r.output and "club-2" in r.output
    r = invoke(clubs_path, "path", "Anar Məmmədov", "Qasım Rzayev", "--format", "json")
    hops = json.loads(r.output)[0]
    assert [h["predicate"] for h in hops] == ["met", "met", "met"]
    r = invoke(clubs_path, "path", "Anar Məmmədov", "Qasım Rzayev", "--format", "csv")
    assert r.output.splitlines()[0].startswith("path,hop,source")


def test_cli_path_errors(clubs_path):
    from kg.cli import main
    assert main(["--store", str(clubs_path), "path", "Anar Məmmədov", "Nobody Known"]) == InputError.exit_code


def test_cli_viz(clubs_store, tmp_path):
    from kg.cli import main
    path = clubs_store.path  # the command opens it read-only beside this writer
    out = tmp_path / "cli.html"
    assert main(["--store", path, "viz", "-o", str(out), "--lang", "en", "--focus", "Anar Mammadov"]) == 0
    data = page_data(out)
    assert data["meta"]["lang"] == "en" and data["nodes"][data["meta"]["focus"]]["l"] == "Anar Mammadov"
    assert main(["--store", path, "viz", "-o", str(tmp_path / "x.html"), "--max-nodes", "3"]) == GraphTooLarge.exit_code
    assert not (tmp_path / "x.html").exists()
    rq = tmp_path / "q.rq"
    rq.write_text("CONSTRUCT { ?s kg:partOf ?o } WHERE { ?s kg:partOf ?o }", encoding="utf-8")
    assert main(["--store", path, "viz", "-o", str(out), "--query", str(rq)]) == 0
    assert len(page_data(out)["edges"]) == 1
