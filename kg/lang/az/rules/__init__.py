"""Relations from Azerbaijani constructions, one sentence at a time.

Each construction reads the analysed sentence (entity units with their
case, the words between them) and the cue lists of ``data/lang/az/cues.yaml``.
Rule ids (``met.comitative``, ``heads.title`` …) go into the provenance of
every fact; confidences are per rule. The constructions are general, not
wordings of particular articles; they are grouped by what they state
(``titles``, ``meetings``, ``visits``, ``events``, ``cooperation``).
"""
from __future__ import annotations

from ....extract.state import DocState
from ....extract.units import Sent, Unit
from ....normalize import lookup_key
from ..coref import Coreference
from .base import RuleBase, possessive_forms
from .cooperation import CooperationRules
from .events import EventRules
from .meetings import MeetingRules
from .titles import TitleRules
from .visits import VisitRules


class RelationExtractor(TitleRules, MeetingRules, VisitRules, EventRules, CooperationRules, RuleBase):
    def __init__(self, state: DocState, coref: Coreference):
        self.st = state
        self.coref = coref
        cues = state.lex.cues
        self.cues = cues
        self.protagonist: str | None = None
        self.branch_words = {w for b in state.lex.nouns.get("branch_nouns", []) for w in possessive_forms(b)}
        self.meeting_pair: tuple[str, str] | None = None
        self.postpositions = set(state.lex.nouns["postpositions"])
        self.conjunctions = set(state.lex.nouns["conjunctions"])
        self.place_nouns = set(cues["place_nouns"])
        self.posted_titles = set(state.lex.nouns["posted_titles"])
        self.genitive_only_kinds = set(state.lex.nouns["genitive_only_kinds"])
        self.council_heads = [lookup_key(x) for x in state.lex.nouns["council_heads"]]
        self.meeting_councils: set[str] = set()
        self.deputy_words = tuple(state.lex.nouns["deputy_words"])

    # ------------------------------------------------------------------
    def sentence(self, sent: Sent, units: list[Unit]) -> None:
        self.sent = sent
        self.list_owner: Unit | None = None  # the owner of the titles of a list of names in this sentence
        self.list_end: int | None = None
        self.units = units
        self.words = [u.low for u in units]
        self._delegations()
        self._ilə()
        self._titles()
        self._led_by()
        self._bracketed_countries()
        self._owners()
        subject = self._subject(len(units))
        self._hosts()
        self._parties()
        self._met()
        self._visited()
        self._participated()
        self._held()
        self._held_adjacent()
        self._organized()
        self._frames()
        self._cooperation()
        self._named_partners()
        self._abroad()
        if subject is not None and self.st.etype(subject.key) == "Person":
            self.coref.last_subject = subject.key
            if self.protagonist is None:
                self.protagonist = subject.key
        self.coref.note_units(units)

