"""Check the gazetteer YAML files: shape, ids, references, name clashes.

Usage:
    python bench/check_gazetteers.py [-v] [DIR ...]

With no arguments it checks data/gazetteers plus the folder named by the
KG_GAZETTEERS environment variable (if set). Prints counts per file, then
every problem found; exits 1 if there is any error (warnings do not fail).
"""
from __future__ import annotations

import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT / "data" / "gazetteers"

# the same lookup key the package uses
sys.path.insert(0, str(ROOT))
from kg.normalize import lookup_key  # noqa: E402


TYPES = {"Country", "Place", "Organization", "Event", "Person"}
COMMON_KEYS = {"id", "type", "az", "en", "ru", "aliases", "wikidata"}
REQUIRED = ["id", "type", "az", "en", "aliases"]
TYPE_KEYS = {
    "Country": {"adjective", "adjectives", "capital"},
    "Place": {"country", "kind"},
    "Organization": {"country", "part_of", "head_titles", "kind"},
    "Event": {"held_in", "organized_by"},
    "Person": {"country"},
}
PLACE_KINDS = {"city", "region", "venue"}
ORG_KINDS = {
    "ministry", "agency", "parliament", "court", "prosecutor", "government",
    "international", "company", "foundation", "university", "party", "other",
}
# reference key -> (types the id may point to)
REFS = {
    "capital": {"Place"},
    "country": {"Country"},
    "part_of": {"Organization"},
    "held_in": {"Place", "Country"},
    "organized_by": {"Organization", "Country"},
}
ID_RE = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
AZ_LETTERS = set("abcçdeəfgğhxıijkqlmnoöprsştuüvyzwABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZW")


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def is_str(v) -> bool:
    return isinstance(v, str) and v.strip() != ""


def gazetteer_dirs(argv: list[str]) -> list[Path]:
    if argv:
        return [Path(a) for a in argv]
    dirs = [DEFAULT_DIR]
    extra = os.environ.get("KG_GAZETTEERS")
    if extra:
        dirs.extend(Path(p) for p in extra.split(os.pathsep) if p)
    return dirs


def check_entity(e: dict, where: str, rep: Report) -> bool:
    ok = True
    for k in REQUIRED:
        if k not in e:
            rep.error(f"{where}: missing key '{k}'")
            ok = False
    if not ok:
        return False
    t = e["type"]
    if t not in TYPES:
        rep.error(f"{where}: type {t!r} not one of {sorted(TYPES)}")
        return False
    allowed = COMMON_KEYS | TYPE_KEYS[t]
    for k in e:
        if k not in allowed:
            rep.error(f"{where}: key '{k}' not allowed for {t}")
    if not (isinstance(e["id"], str) and ID_RE.match(e["id"])):
        rep.error(f"{where}: id {e['id']!r} is not ascii snake_case")
        ok = False
    for k in ("az", "en"):
        if not is_str(e[k]):
            rep.error(f"{where}: '{k}' must be a non-empty string, got {e[k]!r}")
            ok = False
    if not isinstance(e["aliases"], list):
        rep.error(f"{where}: 'aliases' must be a list")
        ok = False
    else:
        for a in e["aliases"]:
            if not is_str(a):
                rep.error(f"{where}: alias {a!r} is not a non-empty string (YAML boolean/number?)")
                ok = False
    if "ru" in e and not is_str(e["ru"]):
        rep.error(f"{where}: 'ru' must be a non-empty string, got {e['ru']!r}")
        ok = False
    if "wikidata" in e and e["wikidata"] is not None:
        if not (isinstance(e["wikidata"], str) and QID_RE.match(e["wikidata"])):
            rep.error(f"{where}: wikidata {e['wikidata']!r} is not a QID")
    for k in ("adjective", "capital", "country", "part_of", "held_in", "organized_by", "kind"):
        if k in e and e[k] is not None and not is_str(e[k]):
            rep.error(f"{where}: '{k}' must be a string or null, got {e[k]!r}")
    for k in ("adjectives", "head_titles"):
        if k in e and e[k] is not None:
            if not isinstance(e[k], list) or not all(is_str(x) for x in e[k]):
                rep.error(f"{where}: '{k}' must be a list of strings")
            else:
                for x in e[k]:
                    if x != x.lower() and k == "adjectives":
                        rep.warn(f"{where}: adjective {x!r} not lower case")
    if t == "Place":
        if e.get("kind") not in PLACE_KINDS:
            rep.error(f"{where}: place kind {e.get('kind')!r} not in {sorted(PLACE_KINDS)}")
        if e.get("kind") == "city" and "country" not in e:
            rep.error(f"{where}: a city needs a 'country' (null only where it is disputed)")
    if t == "Organization":
        if e.get("kind") not in ORG_KINDS:
            rep.error(f"{where}: organization kind {e.get('kind')!r} not in {sorted(ORG_KINDS)}")
    if t == "Country" and e.get("adjective") and e["adjective"] != e["adjective"].lower():
        rep.warn(f"{where}: adjective {e['adjective']!r} not lower case")
    bad = sorted({ch for ch in e["az"] if ch.isalpha() and ch not in AZ_LETTERS})
    if bad and isinstance(e["az"], str):
        rep.warn(f"{where}: az name {e['az']!r} has letters outside the Azerbaijani alphabet: {''.join(bad)}")
    return ok


# Lists of word endings/particles are compared exactly (lower case): "çı" and
# "ci" are different endings in raw text. Name lists are compared by lookup key.
EXACT_LISTS = {"suffixes", "particles"}


def check_name_lists(data, where: str, rep: Report) -> dict[str, int]:
    counts = {}
    if not isinstance(data, dict):
        rep.error(f"{where}: expected a mapping of lists")
        return counts
    for key, values in data.items():
        if not isinstance(values, list):
            rep.error(f"{where}: '{key}' must be a list")
            continue
        seen: dict[str, str] = {}
        for v in values:
            if not is_str(v):
                rep.error(f"{where}: {key}: {v!r} is not a non-empty string")
                continue
            if key in EXACT_LISTS:
                k = v
                if v != v.lower() or not v.isalpha():
                    rep.warn(f"{where}: {key}: {v!r} should be lower-case letters only")
            else:
                k = lookup_key(v)
            if k in seen:
                rep.warn(f"{where}: {key}: {v!r} repeats {seen[k]!r}")
            seen.setdefault(k, v)
        counts[key] = len(values)
    if {"azerbaijani", "foreign"} <= set(data):
        az_keys = {lookup_key(v) for v in data["azerbaijani"] if is_str(v)}
        both = sorted(v for v in data["foreign"] if is_str(v) and lookup_key(v) in az_keys)
        if both:
            rep.warn(f"{where}: {len(both)} names in both lists (keep each name in one list): {', '.join(both[:15])}{' ...' if len(both) > 15 else ''}")
    return counts


def main(argv: list[str]) -> int:
    argv = [a for a in argv if a != "-v"]
    rep = Report()
    entities: list[tuple[dict, str]] = []
    counts: list[tuple[str, str]] = []
    files: list[Path] = []
    for d in gazetteer_dirs(argv):
        if not d.is_dir():
            rep.error(f"{d}: not a directory")
            continue
        files.extend(sorted(d.glob("*.yaml")))
    for f in files:
        try:
            data = yaml.safe_load(f.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            rep.error(f"{f.name}: cannot parse: {exc}")
            continue
        if isinstance(data, list):
            per_type: Counter = Counter()
            for i, e in enumerate(data):
                where = f"{f.name}[{i}]" + (f" ({e.get('id')})" if isinstance(e, dict) else "")
                if not isinstance(e, dict):
                    rep.error(f"{where}: entry is not a mapping")
                    continue
                if check_entity(e, where, rep):
                    entities.append((e, f.name))
                    per_type[e["type"]] += 1
            counts.append((f.name, ", ".join(f"{n} {t}" for t, n in per_type.most_common()) or "0 entries"))
        elif isinstance(data, dict):
            c = check_name_lists(data, f.name, rep)
            counts.append((f.name, ", ".join(f"{n} {k}" for k, n in c.items())))
        else:
            rep.error(f"{f.name}: top level must be a list of entries or a mapping of lists")

    # ids unique across all files
    by_id: dict[str, tuple[dict, str]] = {}
    for e, fname in entities:
        if e["id"] in by_id:
            rep.error(f"{fname}: id '{e['id']}' already used in {by_id[e['id']][1]}")
        else:
            by_id[e["id"]] = (e, fname)

    # wikidata ids unique
    by_qid: dict[str, str] = {}
    for e, fname in entities:
        q = e.get("wikidata")
        if q:
            if q in by_qid:
                rep.error(f"{fname}: wikidata {q} on both '{by_qid[q]}' and '{e['id']}'")
            else:
                by_qid[q] = e["id"]

    # references
    for e, fname in entities:
        for key, types in REFS.items():
            ref = e.get(key)
            if not ref:
                continue
            target = by_id.get(ref)
            if target is None:
                rep.error(f"{fname}: {e['id']}.{key} -> '{ref}' does not exist")
            elif target[0]["type"] not in types:
                rep.error(f"{fname}: {e['id']}.{key} -> '{ref}' is a {target[0]['type']}, expected {'/'.join(sorted(types))}")
        if e["type"] == "Country" and e.get("capital") in by_id:
            cap = by_id[e["capital"]][0]
            if cap.get("country") != e["id"]:
                rep.error(f"{fname}: capital '{cap['id']}' of '{e['id']}' has country {cap.get('country')!r}")
        if e.get("part_of") == e["id"]:
            rep.error(f"{fname}: {e['id']} is part_of itself")

    # canonical names unique within a type; aliases not shared across entries of a type
    canon: dict[tuple[str, str], str] = {}
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e, fname in entities:
        for k in ("az",):
            key = (e["type"], lookup_key(e[k]))
            if key in canon and canon[key] != e["id"]:
                rep.error(f"{fname}: {e['type']} canonical az name {e[k]!r} of '{e['id']}' clashes with '{canon[key]}'")
            canon.setdefault(key, e["id"])
        own: set[str] = set()
        for label in [e["az"], e["en"], *([e["ru"]] if e.get("ru") else []), *e["aliases"]]:
            lk = lookup_key(label)
            if not lk:
                rep.error(f"{fname}: {e['id']}: label {label!r} is empty after normalising")
                continue
            names[(e["type"], lk)].add(e["id"])
            own.add(lk)
        dup = [a for a, n in Counter(lookup_key(a) for a in e["aliases"]).items() if n > 1]
        if dup:
            rep.warn(f"{fname}: {e['id']}: aliases repeat (after normalising): {dup}")
        canon_keys = {lookup_key(e["az"]), lookup_key(e["en"]), *([lookup_key(e["ru"])] if e.get("ru") else [])}
        same = [a for a in e["aliases"] if lookup_key(a) in canon_keys]
        if same:
            rep.warn(f"{fname}: {e['id']}: aliases that only repeat the az/en name: {same}")
    for (t, lk), ids in sorted(names.items()):
        if len(ids) > 1:
            rep.error(f"{t} name {lk!r} is shared by: {', '.join(sorted(ids))}")

    # names shared across types (informational: "Tunis" the country and the
    # city, "Qazax" the district and the adjective "qazax")
    cross: dict[str, set[str]] = defaultdict(set)
    for (t, lk), ids in names.items():
        cross[lk].update(f"{t}:{i}" for i in ids)
    for e, _ in entities:
        for adj in [e.get("adjective"), *(e.get("adjectives") or [])]:
            if adj:
                cross[lookup_key(adj)].add(f"adjective:{e['id']}")
    shared = {lk: v for lk, v in cross.items() if len({x.split(":")[0] for x in v}) > 1}

    # report
    print("Gazetteer files:")
    for name, c in counts:
        print(f"  {name:28s} {c}")
    totals = Counter(e["type"] for e, _ in entities)
    print("Totals: " + ", ".join(f"{n} {t}" for t, n in sorted(totals.items())))
    print(f"  with wikidata: {sum(1 for e, _ in entities if e.get('wikidata'))}")
    if shared:
        verbose = "-v" in sys.argv
        print(f"  names shared by different types (informational): {len(shared)}"
              + ("" if verbose else " (run with -v to list)"))
        if verbose:
            for lk in sorted(shared):
                print(f"    {lk!r}: {', '.join(sorted(shared[lk]))}")
    for w in rep.warnings:
        print("WARNING:", w)
    for err in rep.errors:
        print("ERROR:", err)
    print(f"{len(rep.errors)} error(s), {len(rep.warnings)} warning(s)")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
