"""kg.store.endpoint: store URLs and configuration files, without a server."""
from __future__ import annotations

import pytest

from kg.errors import StoreError
from kg.store import open_store
from kg.store.endpoint import is_remote, load_config, parse_url


# --- no server needed ---------------------------------------------------------------------------


def test_store_urls():
    ep = parse_url("sparql+http://u:p%40ss@localhost:3030/kg/query?update=update&graph-store=data"
                   "&auth=digest&timeout=60")
    assert ep.query == "http://localhost:3030/kg/query"
    assert ep.update == "http://localhost:3030/kg/update"
    assert ep.graph_store == "http://localhost:3030/kg/data"
    assert (ep.user, ep.password, ep.auth, ep.timeout) == ("u", "p@ss", "digest", 60.0)
    assert ep.display == "sparql+http://localhost:3030/kg/query"
    plain = parse_url("sparql+https://db.example.org/sparql")
    assert plain.update == plain.query == "https://db.example.org/sparql"
    assert plain.graph_store is None and plain.auth is None
    for bad in ("sparql+ftp://x/y", "sparql+http:///nohost", "sparql+http://h/s?bogus=1",
                "sparql+http://h/s?auth=ntlm", "sparql+http://h/s?timeout=-1"):
        with pytest.raises(StoreError):
            parse_url(bad)
    assert is_remote("sparql+http://h/s") and not is_remote("output/store")


def test_config_file(tmp_path, monkeypatch):
    conf = tmp_path / "fuseki.toml"
    conf.write_text('[store]\nquery = "http://localhost:3030/kg/query"\nupdate = "update"\n'
                    'graph_store = "data"\nuser = "admin"\npassword_env = "FUSEKI_PW"\n')
    with pytest.raises(StoreError, match="FUSEKI_PW"):
        load_config(conf)
    monkeypatch.setenv("FUSEKI_PW", "s3cret")
    ep = load_config(conf)
    assert (ep.update, ep.graph_store, ep.user, ep.password, ep.auth) == (
        "http://localhost:3030/kg/update", "http://localhost:3030/kg/data", "admin", "s3cret", "basic")
    assert is_remote(conf) and is_remote(tmp_path / "absent.toml") and not is_remote(tmp_path)
    with pytest.raises(StoreError, match="cannot read the store configuration"):
        open_store(tmp_path / "absent.toml")
    (tmp_path / "bad.toml").write_text("[store\n")
    with pytest.raises(StoreError, match="cannot read"):
        load_config(tmp_path / "bad.toml")
