"""kg.web.page: the graph page as a file: self-contained, offline, escaped, cut to size."""
from __future__ import annotations

import base64
import hashlib
import re

import pytest

from kg.analysis import build_graph
from kg.store import open_store
from kg.web.page import ASSETS, MAX_NODES, GraphTooLarge, render_page, write_page

from tests.graphdata import Doc, write_docs
from tests.web.samples import HOSTILE_IMG, HOSTILE_SCRIPT, page_data


# --- the file ------------------------------------------------------------------------------------------


def test_page_is_one_self_contained_file(clubs_store, tmp_path):
    path = tmp_path / "g.html"
    summary = write_page(clubs_store, path)
    html = path.read_text(encoding="utf-8")
    assert summary.nodes == 9 and summary.edges == 10 and summary.bytes == len(html.encode())
    # nothing is loaded from anywhere: no src/href attributes, no imports, no url() but data:
    assert not re.search(r"<(script|link|img|iframe|object|embed|source|video|audio)\b[^>]*\b(src|href)\s*=", html, re.I)
    assert "@import" not in html
    assert not re.search(r"url\(\s*(?!['\"]?data:)", html)
    # exactly three scripts: the data (inert JSON) and the two the CSP lets run, by hash
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert [attrs.strip() for attrs, _ in scripts] == ['type="application/json" id="kg-data"', "", ""]
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html).group(1)
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'" and directives["connect-src"] == "'none'"
    hashes = set(re.findall(r"'sha256-([^']+)'", directives["script-src"]))
    assert hashes == {base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for _, body in scripts[1:]}
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]
    # vis-network's licence travels with the vendored copy
    assets = ASSETS  # the folder the page is made from
    assert (assets / "vis-network.LICENSE-MIT").exists() and (assets / "vis-network.LICENSE-APACHE-2.0").exists()
    data = page_data(path)
    assert len(data["nodes"]) == 9 and len(data["edges"]) == 10
    assert {t["name"] for t in data["types"]} == {"Person", "Organization", "Country"}
    assert {p["name"]: p["symmetric"] for p in data["predicates"]} == {"heads": False, "met": True, "partOf": False}


def test_hostile_text_travels_as_inert_json(hostile_store, tmp_path):
    path = tmp_path / "evil.html"
    render_page(build_graph(hostile_store), path, title=HOSTILE_SCRIPT)
    html = path.read_text(encoding="utf-8")
    assert html.count("</script>") == 3  # nothing in the data closes its element
    assert "<script>alert" not in html and "<img src=x" not in html and "<svg onload" not in html
    assert "<!-- şərh" not in html
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in html
    data = page_data(path)
    labels = {n["l"] for n in data["nodes"]}
    assert HOSTILE_SCRIPT in labels and HOSTILE_IMG in labels  # the text itself is kept, as text
    assert all(n["w"] is None for n in data["nodes"])  # a Wikidata id that is not Q123 is dropped


def test_cut_to_size(clubs_store, tmp_path):
    p = tmp_path / "p.html"
    s = write_page(clubs_store, p, focus="Bəxtiyar Əliyev", depth=1)
    d = page_data(p)
    assert (s.nodes, s.edges) == (3, 2) and d["meta"]["focus"] is not None
    assert d["nodes"][d["meta"]["focus"]]["l"] == "Bəxtiyar Əliyev"
    assert write_page(clubs_store, p, focus="Bəxtiyar Əliyev", depth=2).nodes == 7
    s = write_page(clubs_store, p, predicates="heads,partOf")
    assert (s.nodes, s.edges) == (3, 2)
    s = write_page(clubs_store, p, types=["Person"])
    assert (s.nodes, s.edges) == (7, 8)
    s = write_page(clubs_store, p, min_sources=2)
    assert (s.nodes, s.edges) == (2, 1)
    rq = tmp_path / "q.rq"
    rq.write_text("CONSTRUCT { ?s kg:heads ?o } WHERE { ?s kg:heads ?o }", encoding="utf-8")
    s = write_page(clubs_store, p, query=str(rq))
    assert (s.nodes, s.edges) == (2, 1)
    s = write_page(clubs_store, p, query="SELECT ?s ?p ?o WHERE { ?s ?p ?o . VALUES ?p { kg:partOf } }")
    assert (s.nodes, s.edges) == (2, 1)
    write_page(clubs_store, p, lang="en")
    labels = {n["l"] for n in page_data(p)["nodes"]}
    assert "Azerbaijan" in labels and "Elvin Quliyev" in labels  # English, else Azerbaijani
    assert {x["label"] for x in page_data(p)["predicates"]} == {"met", "heads", "part of"}


def test_node_size_by_degree_or_betweenness(clubs_store, tmp_path):
    from kg.errors import KgError
    p = tmp_path / "s.html"
    write_page(clubs_store, p, size_by="betweenness")
    biggest = max(page_data(p)["nodes"], key=lambda n: n["z"])
    assert biggest["l"] == "Fərid Həsənov" and biggest["z"] == 100
    write_page(clubs_store, p, size_by="degree")
    sizes = {n["l"]: n["z"] for n in page_data(p)["nodes"]}
    assert sizes["Elvin Quliyev"] == sizes["Fərid Həsənov"] == 100  # degree 3
    assert sizes["Anar Məmmədov"] == sizes["Sənan Hüseynov"] < 100  # degree 2
    with pytest.raises(KgError, match="size-by"):
        write_page(clubs_store, p, size_by="colour")


def test_isolated_entities_left_out_unless_asked(tmp_path):
    d = Doc("lonely")
    a, b = d.entity("Person", "Anar Məmmədov"), d.entity("Person", "Elvin Quliyev")
    d.entity("Place", "Şəki")
    d.fact("Anar Məmmədov Elvin Quliyev ilə Şəki şəhərində görüşüb.", (a, "met", b))
    store = write_docs(open_store(str(tmp_path / "store")), [d])
    s = write_page(store, tmp_path / "a.html")
    assert (s.nodes, s.left_out_isolated) == (2, 1) and "1 unconnected" in str(s)
    assert write_page(store, tmp_path / "b.html", isolated=True).nodes == 3
    store.close()


def test_too_large_graph_is_refused_with_advice(synthetic_stores, tmp_path):
    store = synthetic_stores(1000)
    path = tmp_path / "big.html"
    with pytest.raises(GraphTooLarge) as err:
        write_page(store, path, max_nodes=500)
    msg = str(err.value)
    assert "1,000 entities" in msg and "--focus" in msg and "--min-sources" in msg and "--max-nodes" in msg
    assert not path.exists()
    assert MAX_NODES >= 5000
