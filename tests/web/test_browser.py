"""The graph page in a real browser.

Browser tests run the page in Debian's Chromium (/usr/bin/chromium) driven
by Playwright, and check what vis-network holds (nodes, edges), that the
console stays clean, that no request leaves the page, the evidence an edge
shows, the node details, the filters, search, a page of 5,000 entities
settling in under 10 s, and that hostile names, sentences and URLs stay
text. They skip only when Chromium is not installed.
"""
from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from kg.analysis import build_graph
from kg.web.page import render_page, write_page

from tests.graphdata import KAMRAN, RAISI, seed_articles
from tests.web.samples import HOSTILE_FLAG, HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_URL, page_data


CHROMIUM = "/usr/bin/chromium"

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM),
    reason="browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium)")


# --- the browser -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("browser tests need Chromium at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page opened in its own context, recording console errors, dialogs
    and every request; anything but the page's own file is aborted."""

    def __init__(self, browser, path: Path, timeout_s: float = 10):
        self.url = Path(path).resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.errors, self.requests, self.dialogs = [], [], []
        self.context.route("**/*", lambda route: route.continue_() if route.request.url == self.url else route.abort())
        self.page = page = self.context.new_page()
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        started = time.perf_counter()
        page.goto(self.url, wait_until="load", timeout=timeout_s * 1000)
        page.wait_for_function("window.kgReady === true", timeout=timeout_s * 1000)
        self.seconds = time.perf_counter() - started

    def counts(self) -> dict:
        return self.page.evaluate("window.kg.counts()")

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if u != self.url]

    def assert_clean(self):
        assert self.errors == [], self.errors
        assert self.foreign_requests() == []
        assert self.dialogs == []
        assert self.page.evaluate("window.__pwned === undefined")

    def node_index(self, label: str) -> int:
        return self.page.evaluate("(l) => window.kg.data.nodes.findIndex(n => n.l === l)", label)

    def edge_index(self, a: str, b: str, predicate: str) -> int:
        return self.page.evaluate("""([a, b, p]) => { const D = window.kg.data;
            const i = D.nodes.findIndex(n => n.l === a), j = D.nodes.findIndex(n => n.l === b);
            return D.edges.findIndex(e => D.predicates[e.p].name === p &&
                ((e.f === i && e.t === j) || (e.f === j && e.t === i))); }""", [a, b, predicate])

    def center_on(self, js_point: str, arg) -> tuple[float, float]:
        """Move the view so that a canvas point is in the middle; its screen position."""
        return tuple(self.page.evaluate("""([arg]) => { const net = window.kg.network;
            const pt = (%s)(arg);
            net.moveTo({position: pt, scale: 1.5, animation: false});
            const r = document.getElementById('graph').getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }""" % js_point, [arg]))

    def center_on_edge(self, edge: int):
        """Screen position of a point of a (straight) edge that no node or
        node label covers, moved to the middle of the view."""
        point = self.page.evaluate("""([i]) => { const net = window.kg.network, e = window.kg.data.edges[i];
            const p = net.getPositions([e.f, e.t]), a = p[e.f], b = p[e.t];
            const r = document.getElementById('graph').getBoundingClientRect();
            const dom = {x: r.width / 2, y: r.height / 2};
            for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.15, 0.85]) {
                net.moveTo({position: {x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)}, scale: 1.5, animation: false});
                if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === i) return [r.left + dom.x, r.top + dom.y];
            }
            return null; }""", [edge])
        assert point, f"no free point on edge {edge}"
        return tuple(point)

    def center_on_node(self, node: int):
        return self.center_on("(i) => window.kg.network.getPositions([i])[i]", node)

    def close(self):
        self.context.close()


@pytest.fixture()
def open_page(browser):
    pages = []

    def opener(path, timeout_s=10):
        p = Page(browser, path, timeout_s)
        pages.append(p)
        return p

    yield opener
    for p in pages:
        p.close()


@needs_chromium
def test_browser_corpus_graph(corpus_store, open_page, tmp_path):
    path = tmp_path / "corpus.html"
    summary = write_page(corpus_store, path)
    G = build_graph(corpus_store)
    connected = sum(1 for n in G if G.degree(n) > 0)
    assert (summary.nodes, summary.edges) == (connected, G.number_of_edges())
    page = open_page(path)
    assert page.counts() == {"nodes": summary.nodes, "edges": summary.edges}
    assert page.page.inner_text("#stats").startswith(f"{summary.nodes} / {summary.nodes}")
    page.assert_clean()


def _evidence(page) -> dict:
    return page.page.evaluate("""() => { const b = document.getElementById('details-body');
        return {edge: b.getAttribute('data-edge'), text: b.innerText,
                sentences: [...b.querySelectorAll('.ev .sentence')].map(x => x.textContent),
                subj: [...b.querySelectorAll('mark.subj')].map(x => x.textContent),
                obj: [...b.querySelectorAll('mark.obj')].map(x => x.textContent),
                links: [...b.querySelectorAll('a')].map(a => [a.getAttribute('href'), a.textContent]),
                conf: [...b.querySelectorAll('.ev .conf')].map(x => x.textContent)}; }""")


@needs_chromium
def test_browser_edge_evidence_on_hover_and_click(seed_store, open_page, tmp_path):
    path = tmp_path / "seed.html"
    write_page(seed_store, path)
    page = open_page(path)
    edge = page.edge_index(KAMRAN, RAISI, "met")
    assert edge >= 0
    x, y = page.center_on_edge(edge)
    page.page.mouse.move(x - 40, y - 40)
    page.page.mouse.move(x, y)  # hovering previews the evidence
    page.page.wait_for_function("document.getElementById('details-body').getAttribute('data-edge') !== null")
    ev = _evidence(page)
    assert ev["edge"] == str(edge)
    page.page.mouse.move(x - 300, y - 300)
    page.page.mouse.click(x, y)  # clicking pins it
    ev = _evidence(page)
    assert ev["edge"] == str(edge)
    assert any(KAMRAN in s and "Al-Raisi" in s for s in ev["sentences"])
    marks = ev["subj"] + ev["obj"]
    assert any("Əliyev" in m for m in marks) and any("Al-Raisi" in m for m in marks)
    assert all(re.fullmatch(r"\S+ \d\.\d\d", c) for c in ev["conf"]) and ev["conf"]
    article = seed_articles()[0]
    if article.url:
        assert [article.url, article.title or article.id] in ev["links"]
    else:
        assert article.id in ev["text"]
    if article.date:
        assert article.date in ev["text"]
    assert page.page.evaluate("window.kg.network.getSelectedEdges()") == [edge]
    page.assert_clean()


@needs_chromium
def test_browser_node_details_search_and_filters(clubs_store, open_page, tmp_path):
    path = tmp_path / "clubs.html"
    write_page(clubs_store, path)
    page = open_page(path)
    pg = page.page
    assert page.counts() == {"nodes": 9, "edges": 10}
    # clicking a node shows its labels, type, aliases, Wikidata link, sources
    x, y = page.center_on_node(page.node_index("Azərbaycan"))
    pg.mouse.click(x, y)
    details = pg.inner_text("#details-body")
    assert "Azərbaycan" in details and "Azerbaijan" in details and "ölkə" in details
    assert pg.get_attribute("#details-body a", "href") == "https://www.wikidata.org/wiki/Q227"
    assert re.search(r"Mənbələr\s+2 məqalə", details)
    # search finds a node by its English label, selects and focuses it
    pg.fill("#search", "Anar Mammadov")
    pg.press("#search", "Enter")
    anar = page.node_index("Anar Məmmədov")
    assert pg.evaluate("window.kg.network.getSelectedNodes()") == [anar]
    assert pg.inner_text("#details-body h3") == "Anar Məmmədov"
    assert "A. Məmmədov" in pg.inner_text("#details-body")
    pg.fill("#search", "Heç kim")
    pg.press("#search", "Enter")
    assert pg.inner_text("#search-msg") != ""
    # predicate filter: unticking "met" leaves heads and partOf, and their three entities
    pg.click('input[data-kind="predicate"][data-name="met"]')
    assert page.counts() == {"nodes": 3, "edges": 2}
    assert pg.inner_text("#stats").startswith("3 / 9")
    pg.click('input[data-kind="predicate"][data-name="met"]')
    assert page.counts() == {"nodes": 9, "edges": 10}
    # type filter: without people, only the ministry and the country remain
    pg.click('input[data-kind="type"][data-name="Person"]')
    assert page.counts() == {"nodes": 2, "edges": 1}
    pg.click('input[data-kind="type"][data-name="Person"]')
    # date range: club-2 is from 2024-02, club-1 from 2023-05
    assert pg.is_visible("#dates")
    pg.fill("#date-from", "2024-01-01")
    pg.dispatch_event("#date-from", "change")
    assert page.counts() == {"nodes": 7, "edges": 6}
    pg.fill("#date-from", "")
    pg.fill("#date-to", "2023-12-31")
    pg.dispatch_event("#date-to", "change")
    assert page.counts() == {"nodes": 5, "edges": 5}
    pg.click("#reset")
    assert page.counts() == {"nodes": 9, "edges": 10}
    page.assert_clean()


@needs_chromium
def test_browser_hostile_input_stays_text(hostile_store, open_page, tmp_path):
    path = tmp_path / "evil.html"
    render_page(build_graph(hostile_store), path, title=HOSTILE_SCRIPT, lang="en")
    page = open_page(path)
    pg = page.page
    assert pg.title() == HOSTILE_SCRIPT
    assert page.counts() == {"nodes": 3, "edges": 2}
    edge = page.edge_index(HOSTILE_FLAG, HOSTILE_IMG, "met")  # lang=en: the English label is the flag one
    assert edge >= 0
    x, y = page.center_on_edge(edge)
    pg.mouse.click(x, y)
    ev = _evidence(page)
    assert ev["edge"] == str(edge)
    assert HOSTILE_SCRIPT in ev["sentences"][0] and "<b>qalın</b>" in ev["sentences"][0]
    assert sorted(ev["subj"] + ev["obj"]) == sorted([HOSTILE_SCRIPT, HOSTILE_IMG])
    assert ev["links"] == []  # javascript: is no link ...
    assert HOSTILE_URL in ev["text"]  # ... only text
    # the hostile node: label, alias, no Wikidata link
    x, y = page.center_on_node(page.node_index(HOSTILE_FLAG))
    pg.mouse.move(x, y)
    pg.wait_for_selector("div.vis-tooltip", state="visible")
    tip = pg.evaluate("() => { const t = document.querySelector('div.vis-tooltip'); return [t.textContent, t.children.length]; }")
    assert HOSTILE_FLAG in tip[0] and tip[1] == 0
    pg.mouse.click(x, y)
    details = pg.inner_text("#details-body")
    assert HOSTILE_SCRIPT in details and '"><svg onload=alert(3)>' in details
    assert pg.query_selector("#details-body a") is None
    found = pg.evaluate("""() => ({
        imgs: document.querySelectorAll('img').length,
        scripts: [...document.scripts].filter(s => !s.type || s.type !== 'application/json').length,
        jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
        handlers: [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
        svgInDetails: document.querySelectorAll('#details svg').length })""")
    assert found == {"imgs": 0, "scripts": 2, "jsLinks": 0, "handlers": 0, "svgInDetails": 0}
    pg.wait_for_timeout(300)  # give anything injected the time to run
    page.assert_clean()


@needs_chromium
@pytest.mark.parametrize("n", [1000, 5000])
def test_browser_large_graph_settles_fast(synthetic_stores, open_page, tmp_path, n):
    path = tmp_path / f"g{n}.html"
    summary = write_page(synthetic_stores(n), path)
    assert summary.nodes == n
    page = open_page(path, timeout_s=10)  # render and settle within 10 s, layout included
    assert page.seconds < 10
    assert page.counts() == {"nodes": summary.nodes, "edges": summary.edges}
    assert page.page.evaluate("window.kg.network.physics.options.enabled") is False  # nothing left to settle
    # filters still respond
    t = time.perf_counter()
    page.page.click('input[data-kind="predicate"][data-name="met"]')
    assert time.perf_counter() - t < 5
    data = page_data(path)
    met = sum(1 for e in data["edges"] if data["predicates"][e["p"]]["name"] == "met")
    assert page.counts()["edges"] == summary.edges - met
    page.assert_clean()
