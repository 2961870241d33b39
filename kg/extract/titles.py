"""What a title says about its holder, in any language: the body they head
or belong to.

A title comes from a language's ``titles.yaml`` (its words, role, the kind
of owner it takes, a default body, a name pattern for the body it implies).
Given the owner the text names (or none), ``implied_body`` decides:

* a title that implies a body of a foreign owner country ("Serbia's energy
  minister", "генеральный прокурор Турции") creates that body from the
  title's pattern — ``body: "{country} Energy Ministry"`` — which is
  ``partOf`` the country; a pattern marked ``body_is_country`` means the
  holder heads the country itself;
* the home country as owner with a title whose default is a known body
  ("Azerbaijan's Prosecutor General") gives that body, ``partOf`` home;
* any other owner is the body itself ("Interpol's president");
* no owner: the title's default (the home country, or a gazetteer body) —
  a guess the core drops when the article states the owner elsewhere
  (``finish.without_overridden_defaults``).

The rule-id suffix says which: ``title``, ``title_body`` or ``title_default``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import Title
from .state import DocState


@dataclass(frozen=True)
class Implied:
    body: str | None  # the entity key of the body, or None
    rule: str = ""  # title | title_body | title_default
    part_of: tuple[str, str, float] | None = None  # (the country the body is partOf, rule, confidence)


NOTHING = Implied(None)


def implied_body(st: DocState, title: Title, owner: str | None, *, possessed: bool = False,
                 name_forms: Callable[[str], list[str]] = lambda key: [],
                 name_of: Callable[[str], str] | None = None) -> Implied:
    """The body ``title``'s holder heads or belongs to, when ``owner`` (an
    entity key, or None) is the owner the text names. ``possessed``: the
    title carries a possessive that promises an owner ("prezidenti") which
    was not recognised. ``name_forms(country)`` gives the country's names as
    they stand in the body pattern (a language's genitives), for aliases;
    ``name_of(country)`` the one the body's name is made with (default: the
    entity's name; Russian puts the owner's genitive: «Генеральная
    прокуратура России»)."""
    owner_type = st.etype(owner)
    if title.body and owner_type == "Country" and owner != st.home:
        if title.body_is_country:
            return Implied(owner, "title")
        name = title.body.format(country=name_of(owner) if name_of else st.entities[owner].name)
        key = st.entity("Organization", name, [title.body.format(country=g) for g in name_forms(owner)])
        st.country_of.setdefault(key, owner)
        return Implied(key, "title_body", (owner, "partOf.title_owner", 0.7))
    if owner is not None and owner == st.home and title.default in st.gaz.entries:
        body = st.from_entry(st.gaz.entries[title.default])
        return Implied(body, "title_body", (owner, "partOf.title_owner", 0.7))
    if owner is not None:
        if title.owner == "country" and owner_type != "Country" and not title.body:
            return NOTHING
        return Implied(owner, "title")
    if possessed:
        return NOTHING  # "Interpol's president" with an owner we did not recognise
    if title.default == "home_country" and st.home:
        return Implied(st.home, "title_default")
    if title.default in st.gaz.entries:
        return Implied(st.from_entry(st.gaz.entries[title.default]), "title_default")
    return NOTHING
