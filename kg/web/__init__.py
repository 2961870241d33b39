"""The web layer: what a browser shows.

Owns the static page (``page``: one self-contained, offline HTML file with
a Content-Security-Policy, its data escaped; ``layout``: node positions
computed before writing) and its assets (``kg/web/assets``: the page's
template, CSS and script, vendored vis-network with its licences). The
served endpoint and explorer live here too when they come. May import the
ground floor, ``kg.store``, ``kg.query`` and ``kg.analysis``; never the
pipeline or the command line.
"""
