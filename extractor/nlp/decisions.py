"""Decisions: resolutions and agreements the meeting made, kept apart from actions.

The markers are data (`patterns/decisions.jsonl`, spans under the key "decisions"); this module
reads each sentence around them:

- DECISION spans mark a sentence that records a decision. "RESOLVED: That…", "DECISION: …",
  "It was agreed that…": the decision is what follows the marker. "The Board agreed to…": the
  clause from the deciding body on. "The MOU was agreed": the sentence.
- OUTCOME spans stand for a matter stated before them: "… could be circulated. AGREED",
  "Protocol for Remote Working. This was agreed.", "a. Finance Policy – Approved", a
  "Unanimous consent." line under a motion. The matter is the sentence before (from an agenda
  proposition "To approve …" when the item opens with one), or the list item above.
- MOTION spans ("Stefan moves that…") make a decision only once an outcome follows them.
- HEADING spans title a list of decisions ("Decisions made:"): each entry is a decision.
- BLOCK spans undo a marker they overlap: "to be agreed", "previously approved", "not agreed".

Sentences that only agree with a statement ("Governors agreed that they had read the
documents"), reports of decisions taken elsewhere ("approved by the Board on 4 May 2006"),
questions and procedural approvals (agenda, apologies, minutes with no record) are not decisions.
A decision recorded twice (in the body and again in a summary of decisions) is output once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extractor.nlp.engine import parse
from extractor.nlp.sections import SectionTracker
from extractor.nlp.textutil import STOPWORDS, sentence_spans, squash, words
from models.action import Decision
from models.document import Block, Cell, Document
from models.provenance import Provenance

# an item label or bullet at the start of a sentence: "3.1 ", "9.5 Agreed", "b. ", "2) ", "114/20 ", "FGB 56/1920 ", "• "
_LABEL = re.compile(r"^\s*(?:(?:[•●▪◦■□➢►·*\uf0b7\uf0a7-]|--)\s*|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)\s*|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{2,5})[.)]\s+"
                    r"|\d{1,3}\.(?=\s)\s*|\d{1,3}(?:\.\d{1,3})+\s+(?=[A-Z])|(?:[A-Z]{1,4}\s?)?\d{1,3}[a-z]?/\d{2,4}\s+)*")
_ITEM_START = re.compile(r"^\s*(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{2,5})[.)]|\d{1,3}\.|(?:[A-Z]{1,4}\s?)?\d{1,3}/\d{2,4})\s")
_PROPOSITION = re.compile(r"^(?:to|that)\s+(?:approve|agree|adopt|ratify|accept|confirm|consider|receive|note|endorse|"
                          r"authori[sz]e|elect|appoint|resolve|decide|co-opt)\b", re.IGNORECASE)
_PROPOSER = re.compile(r"\s*\((?:[^()]*\b(?:proposed|seconded|in favour|in favor|abstain\w*|unanimous\w*|"
                       r"against|carried)\b[^()]*)\)\s*\.?", re.IGNORECASE)
# "Proposed by Cllr Smith, seconded by Cllr Jones, that …", "It was moved by X and seconded by Y and agreed that …"
_MOVER = re.compile(r"^(?:it\s+was\s+)?(?:proposed|moved)\s+by\b[^;]*?\bseconded\s+by\b[^;]*?,?\s*"
                    r"(?:and\s+(?:\w+\s+){0,2}(?:agreed|resolved)(?:\s+unanimously)?\s+)?[‘'\"“]?that\b[\s,]*",
                    re.IGNORECASE)
# "Prop JB, 2nd GK All agreed", "Proposed: Cllr Daphne Clements, seconded Cllr Mandy Leamon, all agreed.": who moved
# and who seconded, and the outcome; the matter is the sentence before
_NAME = r"(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
_VOTE_OUTCOME = (r"(?:(?:all|everyone)\s+(?:were\s+)?(?:agreed|in\s+favou?r)|(?:agreed|carried|approved)"
                 r"(?:\s+(?:unanimously|by\s+all|nem\.?\s*con\.?))?|unanimous(?:ly)?(?:\s+(?:agreed|approved|carried))?"
                 r"|nem\.?\s*con\.?)")
_SECONDING = re.compile(rf"^(?:prop(?:osed)?\b\.?\s*(?:by\b)?\s*:?\s*{_NAME}\s*[,;]?\s*(?:and\s+)?|{_NAME}\s+)?"
                        rf"(?:2nd|second(?:ed)?)\b\.?\s*(?:by\b)?\s*:?\s*{_NAME}\s*[,;.]?\s*(?:and\s+)?{_VOTE_OUTCOME}\W*$",
                        re.IGNORECASE)
_PROPOSED = re.compile(r"(?i)\b(?:propos(?:ed|al)|moved)\b")
_VERBISH = {"be", "is", "was", "were", "are", "will", "would", "should", "to", "agreed", "approved", "agree", "approve"}
_PROP_ONLY = re.compile(r"^\W*prop(?:osed)?\W*$", re.IGNORECASE)
# "Clerk to update the address …", "RL to check … and NC to check …": a task the vote gave someone, not a decision
_TASK = re.compile(r"^(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}(?:(?:and|&)\s+[A-Z][\w.'’-]*\s+)?to\s+(?!be\b)[a-z]+")
# "Locum Clerk to report fly tipping …", "That the Locum Clerk contact the Planning Officer …", "(the Parish Council
# agreed) that the Clerk would send a letter …", "DC should check with …": the whole resolution hands one person a task
_DOER = (r"(?:[Tt]he\s+)?(?:(?:Locum|Parish|Assistant|Acting|Deputy|Town|Honorary|Hon\.?)\s+)?(?:Clerk|Chair(?:man|person|"
         r"woman)?|Secretary|Treasurer|RFO|Vice[- ]Chair(?:man)?)|(?!ALL\b)[A-Z]{2,3}|(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?"
         r"\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
_DELEGATE = re.compile(r"^(?:[^.;:]{0,60}?\b(?:agreed|resolved|decided)\s+(?:\w+\s+){0,3}?"
                       r"(?:that\s+|for\s+(?=(?:" + _DOER + r")\s+to\s)))?"
                       r"(?:(?:[Tt]hat\s+)?(?:" + _DOER + r")\s+(?:to|would|should|will|shall)\s+"
                       r"|(?:(?<=[Tt]hat\s)|[Tt]hat\s+)(?:" + _DOER + r")\s+(?![a-z]+ed\b))"
                       r"(?!(?:be|is|are|was|were|has|had|have)\b)[a-z]+\b(?!\s+(?:be|is|are|was|were|has|had|have)\b)")
# "The Parish Council accepted Cllr Grant Tomkins offer to try and get plants …": a member's offer taken up is their task
_OFFER_TAKEN = re.compile(r"^[^.;:]{0,60}?\baccept(?:ed|s)?\s+(?:the\s+)?(?:kind\s+)?(?:" + _DOER +
                          r"|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:['’]s?)?\s+(?:kind\s+)?offer\s+to\s+[a-z]")
# "Development Control Board resolved …": a body named by its own words (not just "The Board", "Parish Council") deciding
_NAMED_BODY = re.compile(r"^(?:[Tt]he\s+)?((?:[A-Z][\w&'’-]*\s+){1,4}?)(?:Board|Committee|Council|Cabinet|Authority|Panel|"
                         r"Executive|Assembly)\s+(?:has\s+|have\s+)?(?:formally\s+|unanimously\s+)?"
                         r"(?:resolved|decided|agreed|approved|voted|adopted)\b")
_OWN_BODY_WORDS = {"parish", "town", "full", "the", "community", "village", "governing", "management", "executive"}
# "… raise an invoice … at a total cost of £550": a resolution that spends or charges money decides, whoever carries it out
_SUM = re.compile(r"[£$€]\s?\d")
_CONDITIONS = {"if", "unless", "whether", "once", "until"}
_ADVERBS = {"now", "then", "also", "probably", "only", "still", "soon", "not"}
_EARLIER_MEETING = re.compile(r"(?i)\b(?:at|in|during)\s+(?:a|an|the|its|their)\s+(?:previous|last|earlier|prior|past)\s+"
                              r"meeting\b")
_CORRECTION = re.compile(r"(?i)\b(?:should|shall|to|would)\s+(?:now\s+)?(?:read|say|state)\b|\bamended\s+to\s+read\b")
_VIEW = re.compile(r"(?i)\b(?:is|was|were|would\s+be)\s+(?:important|essential|vital|crucial|nice|good)\s+(?:that|to)\b")
_ASIDE = re.compile(r"(?i)(?:^\W*|\(\s*)(?:note|nb|n\.b\.)(?:\s+from\s+\w+)?\s*(?:[:–—-]|$)")
_ASSENT = re.compile(r"(?i)\b(?:to|with)\s+which(?:\s+\w+)?\s*$")
_ENDED = re.compile(r"(?i)^(?:concluded|closed|ended|finished)\s+at\s+\d")
_MEETBOT = re.compile(r"\s*\([\w.\-\[\]|`^]+,\s*\d{1,2}:\d{2}(?::\d{2})?\)\s*$")
_SECONDER = re.compile(r"[,.;]?\s+(?:and\s+)?(?:(?:[A-Z][\w.'’-]*|@\w+)\s+){1,3}(?:second(?:s|ed)?|supports?)\b.*$"
                       r"|[,.;]?\s+seconded\s+by\b.*$", re.DOTALL)
_SECONDED_THAT = re.compile(r"\bseconded\s+by\b[^,;]*?,?\s*(?:and\s+(?:\w+\s+){0,2}(?:agreed|resolved)(?:\s+unanimously)?\s+)?"
                            r"[‘'\"“]?(that|to)\b", re.IGNORECASE)
# "A request for height-adjustable monitors … was proposed by AP, seconded DO and agreed."
_PASSIVE_VOTE = re.compile(r"(?i)\b(?:was|were)\s+(?:proposed|moved)\s+by\s+[^.;]{1,60}?\bseconded\b[^.;]{0,60}?"
                           r"\b(?:and\s+)?(?:unanimously\s+)?(?:agreed|carried|approved)\b")
# "There was consensus on the overall goal, cadence …", "General consensus that …"
_CONSENSUS = re.compile(r"(?i)^(?:there\s+(?:was|is)\s+(?:a\s+)?|we\s+reached\s+(?:a\s+)?)?(?:general\s+|broad\s+|full\s+)?"
                        r"consensus\s+(?:on|that|to)\s+\w")
# "DT proposed and AH seconded that Sheila continue as Co-ordinator of this group."
_PROPOSED_SECONDED = re.compile(r"\bproposed\s+and\s+(?:[A-Z][\w.'’-]*\s+){0,3}seconded\s+that\s+")
# "Cllr Trudy Mann agreed to cross check …": one member taking a task on, not the vote on a motion
_COMMITMENT = re.compile(r"\b(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
                         r"|[A-Z]{2,3}|(?:the\s+)?(?:Clerk|Chair(?:man)?|Secretary|Treasurer))\s+agreed\s+to\s+[a-z]")
_MOTION_OUTCOME = re.compile(r"\b(?:approved|carried|passed|agreed|adopted|no\s+objections?|no\s+dissent|"
                             r"unanimous(?:ly)?|(?:all\s+)?in\s+favou?r|consent)\b", re.IGNORECASE)
_EMPTY = re.compile(r"^\W*(none( noted| made| taken| recorded)?|n/?a|nil|nothing( to report)?|no decisions?( made| taken| "
                    r"recorded| reached)?|there (were|was|are|is) no\W+(?:\w+\W+){0,5}\w*|tbc|tbd)\W*$", re.IGNORECASE)
_SIGNATURE = re.compile(r"^\W*(?:signed|approved|agreed|confirmed)\b[^.]{0,40}\b(?:record|minutes)"
                        r"(?:\s+of\s+(?:the|this)\s+(?:meeting|proceedings))?\W*$|^\W*signed\W*$", re.IGNORECASE)
# "The Councillors voted on the following:" with the matters in lines of their own
_INTRO_ONLY = re.compile(r"(?i)\b(?:on|upon)\s+the\s+following\W*$")
# "it was agreed that a map of the footpaths … would be nice", "confirmed as 'nice to have'": a view
_OPINION = re.compile(r"(?i)\b(?:would|will|might|could)\s+be\s+(?:very\s+|really\s+)?(?:nice|good|lovely|great|helpful|"
                      r"useful|beneficial|desirable|a\s+good\s+idea)\b|\bnice\s+to\s+have\b|\btoo\s+(?:little|small|"
                      r"much|high|low|late|early)\s+to\b|\bagreed\s+(?:on|about)\s+the\s+(?:importance|value|merits?|"
                      r"benefits?)\b")
_APOLOGIES = re.compile(r"(?i)\bapolog(?:y|ies)\b.{0,80}\b(?:accepted|noted|received|approved|agreed|sanctioned)\b"
                        r"|\baccept\w*\s+(?:\w+\s+){0,3}apolog")
_EMPTY_LIST = re.compile(r"^\W*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:none|nil|n/a|there (?:were|was|are|is) no)\b", re.IGNORECASE)
_PROCEDURAL = re.compile(r"^\W*(?:the\s+)?(?:agenda|apolog(?:y|ies)|minutes|order of business|quorum)\b[^.]{0,80}?\b"
                         r"(?:approved|agreed|accepted|adopted|noted|received|confirmed)\b", re.IGNORECASE)
_RECORD = re.compile(r"(?i)\b(?:true|correct|accurate|fair)\s+record|\bsigned\b")
_ADJOURN = re.compile(r"(?i)\badjourn")
_QUESTION = re.compile(r"\?\W*$")
# "… approved by the DIP Management Board on 4 May 2006": a decision another body took earlier
_ELSEWHERE = re.compile(r"^\s*(?:by\s+(?:the\s+)?[A-Z][^,.;]{0,60}?\s(?:on|in)\s+(?:\d|[A-Z][a-z]+\s+\d)"
                        r"|(?:on|in)\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+\d{4})")
_ACTION_LINE = re.compile(r"\n(?=\s*\**\s*(?:(?:ACTIONS?|Actions?)\s*(?:[:\-–]|\b[A-Z]{2,})"
                          r"|(?:DECISIONS?|RESOLVED|RESOLUTION|AGREED|Decisions?|Resolved|Resolution|Agreed)\s*[:\-–]))")
_INLINE_BULLET = re.compile(r"\s[•●▪\uf0b7]\s")
_TRAILING_LABEL = re.compile(r"(?<=[.;:])\s+\(?(?:[ivx]{1,5}|[a-h]|\d{1,2})[.)]$")
_FOLLOWING = re.compile(r"^(?:the\s+)?following\b", re.IGNORECASE)
_INTRO_FILLER = set("""the following were was have has been is are and or as shown follows below listed agreed approved
ratified adopted accepted endorsed elected appointed reappointed re assigned allocated co opted policies policy documents
document items item papers reports report""".split())
_ROLE_NAME = re.compile(r"^[^\n]{2,60}?\s[–—:-]\s*\S")
_NEGATIVE_ITEM = re.compile(r"(?i)\b(?:deferred|withdrawn|postponed|carried\s+forward|not\s+(?:approved|agreed|adopted)|"
                            r"to\s+be\b|noted|rejected|none)\b")
_ACTION_HDR = re.compile(r"^(owners?|by whom|who|responsible|responsibility|action by|actioned by|assigned to|lead|"
                         r"person|due|due date|by when|deadline|target date|when|timescales?|next steps?)\W*$",
                         re.IGNORECASE)
_NOTES_HDR = re.compile(r"^(notes?|minutes?|discussion|details|comments?|summary|record|decisions?|outcomes?|"
                        r"resolutions?|conclusions?|discussion and decisions)\W*$", re.IGNORECASE)
# "Item | Decision (if applicable)": a column of decisions, one a cell
_DECISION_COLUMN = re.compile(r"(?i)^(?:decisions?|resolutions?|outcomes?)(?:\s+(?:made|taken|reached|agreed))?"
                              r"\s*(?:\([^()]*\))?\W*$")
_MODALS = {"will", "would", "should", "shall", "must", "can", "could", "may", "might", "be", "'ll"}
_NOT_INFINITIVE = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
                   "all", "any", "each", "every", "them", "him", "us", "me", "it"}
_MUST = {"needed", "need", "needs", "had", "has", "have", "wanted", "wished", "ought", "used", "due", "able", "going"}
_FINITE = {"is", "are", "was", "were", "has", "have", "had", "did", "does", "do", "seems", "seemed", "appears",
           "appeared", "remains"}
_PRONOUNS = {"it", "he", "she", "they", "we", "i", "you", "this", "that", "these", "those", "there"}
_CONCESSIVE = {"although", "though", "while", "whilst", "despite", "given"}
_BARE = set("""this that it these those which both was were is are has have been all by everyone everybody unanimously
unanimous consent the meeting members otherwise then also and signed so duly accordingly agreed agree approved carried
ratified adopted accepted endorsed confirmed passed resolved decided motion resolution proposal nem con governors
councillors trustees directors board committee council in favour favor general agreement approval no objection
objections dissent with abstention abstentions votes vote against for one two three""".split())
_ANAPHORA = {"this", "that", "these", "those", "which", "both"}
_SUBJECT_WORDS = {"the", "all", "this", "these", "both", "parish", "town", "full", "whole", "its", "our", "their"}
_CONNECTIVES = {"and", ",", ";", "but", "so", "then", "therefore", "–", "-", "—", ":", "whereupon", "thereafter"}
_GENERIC = STOPWORDS | set("""meeting meetings dates date agenda minutes approved agreed agree decision decisions resolved
resolution carried accepted adopted ratified unanimously unanimous consent all otherwise motion noted item items
none""".split())


@dataclass
class _Found:
    text: str
    source: str
    rule: str
    unit: "_Unit"
    offset: int
    summary: bool = False


@dataclass
class _Unit:
    """A block, or a table cell, read as one stretch of text."""
    text: str
    doc: Doc
    block: Block
    section: str | None
    cell: Cell | None = None
    row: int | None = None
    listed: bool = False  # an entry (or entries, one a line) of a list of decisions
    produced: bool = False
    pending: _Found | None = None  # a matter (a motion) waiting for its outcome
    last_sentence: tuple[int, int] | None = None
    origin: list[int] = field(default_factory=list)  # offset in the block's (cell's) own text of each character

    @classmethod
    def of(cls, raw: str, block: Block, section: str | None, **kw) -> "_Unit":
        """A unit over `raw` with spaces tidied (none around line breaks, no runs), so that markers match
        across the line breaks of a PDF cell ("It was / agreed that …")."""
        text, origin = _tidy(raw)
        return cls(text=text, doc=parse([text.replace("\n", " ")])[0], block=block, section=section,
                   origin=origin, **kw)

    @property
    def level(self) -> int | None:
        return self.block.level if self.block.kind == "list_item" else None

    def prov(self, offset: int) -> Provenance:
        if self.origin:
            offset = self.origin[min(offset, len(self.origin) - 1)]
        if self.cell is None:
            return self.block.provenance(offset)
        ln = max((x for x in self.cell.lines if x.start <= offset), key=lambda x: x.start, default=None)
        return Provenance(page=ln.page if ln else None, line=ln.line if ln else None, block=self.block.index,
                          table=self.block.table, row=self.row, cell=self.cell.col)


def _tidy(raw: str) -> tuple[str, list[int]]:
    """`raw` with no spaces around line breaks and no runs of spaces, and for each character its offset in `raw`."""
    out: list[str] = []
    origin: list[int] = []
    for m in re.finditer(r"[ \t]*\n\s*|[ \t]{2,}|[^ \t\n]+|[ \t]", raw):
        piece = m.group(0)
        rep = "\n" if "\n" in piece else (" " if not piece.strip() else piece)
        for j, ch in enumerate(rep):
            out.append(ch)
            origin.append(m.start() + (j if rep == piece else 0))
    return "".join(out), origin


def _lead(text: str, s: int) -> int:
    """Offset where a sentence's words start, after its item label or bullet."""
    return s + len(_LABEL.match(text[s:]).group(0))


def _clean(text: str) -> str:
    text = _PROPOSER.sub(" ", squash(text))
    text = _MEETBOT.sub("", _MOVER.sub("", text))
    text = re.sub(r"^that\s+(?=\w)", "", text)  # "… moved by X and seconded by Y that the precept be set …"
    text = _LABEL.sub("", text, count=1)
    text = _TRAILING_LABEL.sub("", text.strip())
    return text.strip(" :;,-–—*•.").strip()


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentences, also broken at inline bullets ("… items • It was agreed …") and before ACTION lines."""
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(text):
        cuts = [m.start() + 1 for m in _INLINE_BULLET.finditer(text, s, e)]
        cuts += [m.start() + 1 for m in _ACTION_LINE.finditer(text, s, e)]
        start = s
        for c in sorted(cuts):
            if text[start:c].strip():
                out.append((start, c))
            start = c
        if text[start:e].strip():
            out.append((start, e))
    return out


def _stem(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > 4 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def _content(text: str) -> list[str]:
    return [_stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def _heading_words_covered(text: str, doc: Doc, labels: tuple[str, ...]) -> bool:
    """True when every word of a short heading is part of a decision-list span (numbering, brackets and
    stop words aside): "Decisions made:", "5.2 Review of Decisions Reached (Secretary)"."""
    spans = [s for s in doc.spans.get("decisions", []) if s.label_ in labels]
    if not spans or len(text.split()) > 12:
        return False
    bracket = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]
    for tok in doc:
        if not tok.is_alpha or tok.lower_ in STOPWORDS:
            continue
        if any(a <= tok.idx < b for a, b in bracket):
            continue
        if not any(s.start <= tok.i < s.end for s in spans):
            return False
    return True


class _Reader:
    def __init__(self) -> None:
        self.out: list[_Found] = []
        self.history: list[_Unit] = []  # blocks of the current section, for outcomes standing for a matter above
        self.awaiting: _Found | None = None  # "Next meetings agreed:" waiting for the lines below it
        self.title: list[tuple[int, str]] = []  # the document's opening blocks, which name the body meeting

    # ---- helpers over one unit -------------------------------------------------------------
    @staticmethod
    def _spans(unit: _Unit) -> list[Span]:
        return sorted(unit.doc.spans.get("decisions", []), key=lambda s: (s.start_char, -(s.end_char - s.start_char)))

    def _emit(self, unit: _Unit, text: str, source: str, rule: str, offset: int) -> bool:
        text = _clean(text)
        source = re.sub(r"^[•●▪◦*\uf0b7\s-]+", "", _PROPOSER.sub(" ", squash(source))).strip()
        source = _TRAILING_LABEL.sub("", source)
        if not self._acceptable(text, source):
            return False
        self.out.append(_Found(text=text, source=source or text, rule=rule, unit=unit, offset=offset,
                               summary=unit.listed))
        unit.produced = True
        return True

    @staticmethod
    def _acceptable(text: str, source: str) -> bool:
        if not text or _EMPTY.match(text) or len(words(text)) < 3:
            return False
        if _QUESTION.search(text) or _ADJOURN.search(text):
            return False
        if _PROCEDURAL.match(text) and not _RECORD.search(text + " " + source):
            return False
        if _SIGNATURE.match(text) or _APOLOGIES.search(text):
            return False
        if _INTRO_ONLY.search(text) or _OPINION.search(text + " " + source):
            return False
        if _delegated(text):
            return False
        # a decision needs some content beyond the outcome words: "DECISION: meeting dates approved." has none
        return len([w for w in words(text + " " + source) if w not in _GENERIC and len(w) > 1]) >= 2

    @staticmethod
    def _context(text: str, sents: list[tuple[int, int]], k: int) -> str:
        """Words just before sentence k that title it: an item heading ("c. Approval of the SIP.") or an
        agenda proposition ("4) To approve the works related to the Fire Risk Assessment.")."""
        if k == 0:
            return ""
        ps, pe = sents[k - 1]
        prev = text[ps:pe]
        if _ITEM_START.match(prev) and len(prev.split()) <= 10:
            return prev
        if _ITEM_START.match(prev) and _PROPOSITION.match(_clean(prev)):
            return prev
        head, _, last = prev.rstrip().rpartition("\n")
        wrapped = not head or head.split()[-1].lower().strip(",") in STOPWORDS
        if not wrapped and 1 < len(last.split()) <= 6 and last[:1].isupper() and "," not in last:
            return last
        return ""

    @staticmethod
    def _matter(text: str, sents: list[tuple[int, int]], k: int) -> tuple[int, int]:
        """The matter an outcome in sentence k stands for: the sentence before it, or the whole item from its
        agenda proposition ("2) To approve the financial benchmarking … Agreed.")."""
        ps, pe = sents[k - 1]
        for j in range(k - 1, max(-1, k - 4), -1):
            js, _ = sents[j]
            if _ITEM_START.match(text[js:]):
                if _PROPOSITION.match(text[_lead(text, js):]):
                    return js, pe
                break
        return ps, pe

    @staticmethod
    def _statement_only(doc: Doc, span: Span, end_char: int) -> bool:
        """ "Governors agreed that they had read the documents": agreement with a statement, no course of action."""
        if span[-1].lower_ == "that" and len(span) > 1:
            verb, clause_start = span[-2], span.end
        elif span.end < len(doc) and doc[span.end].lower_ == "that":
            verb, clause_start = span[-1], span.end + 1
        else:
            return False
        if verb.lower_ not in ("agreed", "agree", "agrees", "concluded"):
            return False
        clause = [t for t in doc[clause_start:] if t.idx < end_char]
        if not clause:
            return False
        if clause[0].lower_ in _CONCESSIVE:
            return True
        for i, t in enumerate(clause):
            low = t.lower_
            if low in _MODALS:
                return False
            if low == "to" and i + 1 < len(clause) and i > 0 and clause[i - 1].lower_ not in _MUST:
                nxt = clause[i + 1]
                if nxt.is_alpha and nxt.lower_ not in _NOT_INFINITIVE and not nxt.text[:1].isupper():
                    return False
            if low in ("was", "were", "is", "are", "been") and i + 1 < len(clause):
                nxt = clause[i + 2] if clause[i + 1].lower_ in ("now", "then", "also", "duly", "all") \
                    and i + 2 < len(clause) else clause[i + 1]
                if re.search(r"(?:ed|sed|zed|en)$", nxt.lower_):
                    return False
        # a statement has a finite verb of state or of the past: "they had read", "he is very proactive",
        # "it needed to purchase"; "that the Clerk write to the council" (a subjunctive) is a course of action
        for i, t in enumerate(clause):
            if t.lower_ in _FINITE:
                return True
            if i > 0 and t.is_lower and t.lower_.endswith("ed") \
                    and (clause[i - 1].is_alpha and not clause[i - 1].is_lower or clause[i - 1].lower_ in _PRONOUNS):
                return True
        return False

    @staticmethod
    def _clause_start(doc: Doc, span: Span, lead: int) -> int:
        """Where the clause of an active decision starts: "This was discussed and the Parish Council decided…"
        → "the Parish Council decided…"; the sentence start when no connective comes before the subject."""
        i = span.start
        while i > 0 and doc[i - 1].idx >= lead and (doc[i - 1].lower_ in _SUBJECT_WORDS or
                                                    (doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha
                                                     and doc[i - 1].idx > lead)):
            i -= 1
        if i > 0 and doc[i - 1].idx >= lead and doc[i - 1].lower_ in _CONNECTIVES:
            return doc[i].idx
        return lead

    # ---- one unit ---------------------------------------------------------------------------
    def read(self, unit: _Unit) -> None:
        text, doc = unit.text, unit.doc
        sents = [(s, e) for s, e in (_line_spans(text) if unit.listed and unit.cell is not None else _sentences(text))]
        if not sents:
            return
        unit.last_sentence = sents[-1]
        spans = self._spans(unit)
        blocks = [s for s in spans if s.label_ == "BLOCK"]

        def live(label: str, s: int, e: int) -> list[Span]:
            return [sp for sp in spans if sp.label_ == label and s <= sp.start_char < e
                    and not any(b.start < sp.end and sp.start < b.end for b in blocks)]

        decided: set[int] = set()  # sentences that hold a decision
        used: set[int] = set()  # sentences read (as a decision, its matter, or rejected)
        intros: list[tuple[int, str]] = []  # generic "The following were agreed:" sentences, with their verb
        if self.awaiting is not None:
            found, self.awaiting = self.awaiting, None
            if not spans or not live("DECISION", 0, len(text)):
                lines = [squash(x) for x in text.split("\n") if x.strip()]
                found.text = squash(found.text.rstrip(" :") + ": " + ", ".join(lines))
                found.source = squash(found.source + " " + "; ".join(lines))
                if self._emit(found.unit, found.text, found.source, found.rule, found.offset):
                    unit.produced = True
                return
        for k, (s, e) in enumerate(sents):
            if k in used:
                continue
            lead = _lead(text, s)
            sent = text[s:e]
            body_words = words(text[lead:e])
            if not body_words:
                continue
            if _SECONDING.match(text[lead:e].strip()):
                used.add(k)
                if self._seconded(unit, sents, k, decided, used):
                    decided.add(k)
                continue
            dec, outs, mots = live("DECISION", s, e), live("OUTCOME", s, e), live("MOTION", s, e)
            dec = [sp for sp in dec if not _undone(doc, text, sp, lead)]
            outs = [sp for sp in outs if not _undone(doc, text, sp, lead)]
            mots = [sp for sp in mots if sp[0].lower_ == "it" or sp.start == 0
                    or doc[sp.start - 1].lower_ not in ("was", "were", "be", "been", "being", "is", "are")]
            any_marker = [sp for sp in spans if sp.label_ in ("DECISION", "OUTCOME", "MOTION") and s <= sp.start_char < e]
            if not any_marker and _CONSENSUS.match(text[lead:e]):
                used.add(k)
                if self._emit(unit, text[lead:e], sent, "decision.agreed", lead):
                    decided.add(k)
                continue
            if not any_marker and (_PASSIVE_VOTE.search(sent) or _PROPOSED_SECONDED.search(sent)):
                used.add(k)
                m = _PROPOSED_SECONDED.search(sent)
                body = text[s + m.end():e] if m else text[lead:e]
                if self._emit(unit, body, sent, "decision.motion", s + m.end() if m else lead):
                    decided.add(k)
                continue
            if any_marker and not (dec or outs or mots):
                used.add(k)  # every marker undone: "Date to be agreed", "previously agreed"
                continue
            if _QUESTION.search(sent.strip()):
                continue
            if len(dec) > 1:
                # of overlapping markers, the one that introduces the decision's clause: "… and unanimously
                # agreed that the minutes …" is read from "agreed that"
                first = [d for d in dec if d.start < dec[0].end]
                clause = [d for d in first if d[-1].lower_ == "that"] or \
                    [d for d in first if d.end < len(doc) and doc[d.end].lower_ == "that"]
                if clause and clause[0] is not dec[0]:
                    dec = clause[:1] + [d for d in dec if d is not clause[0]]
            if dec and dec[0].id_ in ("decision.resolved", "decision.marker") and dec[0].start_char == lead \
                    and _headed(dec[0]):
                # "RESOLVED: That …", "DECISION: …", "Conclusion: …"
                if self._decision(unit, sents, k, dec[0], used, decided, intros):
                    decided.add(k)
                used.add(k)
                continue
            at_start = [sp for sp in outs if sp.start_char == lead and not _adjective(doc, sp)]
            dashed = [sp for sp in outs if sp.text[:1] in "-–—"]
            if at_start and dec and dec[0].start_char >= at_start[0].start_char and (
                    len(at_start[0]) == 1 or at_start[0][0].lower_ in _ANAPHORA):
                dec = []  # "This was all decided …", "AGREED that …": the outcome leads
            if mots and dec and mots[0].start_char < dec[0].start_char and (
                    mots[0][-1].lower_ != "by" or _attribution(mots[0], sent)):
                # "Stefan moves that the TC agree that …": the motion holds the rest;
                # "Proposed by Cllr Smith seconded by Cllr Colenutt and unanimously approved.": the matter is above
                dec = []
            bare = (dec or outs) and all(w in _BARE or w.isdigit() for w in body_words)
            if bare:
                used.add(k)
                if self._bare(unit, sents, k, decided, (dec + outs)[0].id_ if not outs else outs[0].id_):
                    decided.add(k)
                continue
            if at_start and not dec:
                sp = at_start[0]
                nxt = doc[sp.end] if sp.end < len(doc) else None
                after = text[sp.end_char:e]
                anaphoric = sp[0].lower_ in _ANAPHORA
                if nxt is not None and nxt.lower_ in ("that", ":", "-", "–") and not anaphoric:
                    body = after.lstrip(" :-–").removeprefix("that ").removeprefix("That ")
                    if self._emit(unit, body, self._context(text, sents, k) + " " + sent, sp.id_, lead):
                        decided.add(k)
                    used.add(k)
                    continue
                if not anaphoric and nxt is not None and nxt.lower_ == "to" and len(words(after)) >= 6:
                    if self._emit(unit, text[lead:e], self._context(text, sents, k) + " " + sent, sp.id_, lead):
                        decided.add(k)
                    used.add(k)
                    continue
                used.add(k)
                if k > 0 and k - 1 in decided:
                    continue  # "… It was agreed that … This was agreed unanimously." says it once
                if k > 0 and k - 1 not in used:
                    ms, me = self._matter(text, sents, k)
                    for j, (a, b) in enumerate(sents):
                        if a >= ms and b <= me:
                            used.add(j)
                    if self._emit(unit, text[ms:e], text[ms:e], sp.id_, ms):
                        decided.add(k)
                elif self._emit(unit, text[lead:e], self._context(text, sents, k) + " " + sent, sp.id_, lead):
                    decided.add(k)
                continue
            if dec:
                if self._decision(unit, sents, k, dec[0], used, decided, intros):
                    decided.add(k)
                used.add(k)
                continue
            if mots:
                used.add(k)
                self._motion(unit, sents, k, mots[0], used, decided)
                continue
            if dashed:
                used.add(k)
                if self._emit(unit, text[lead:e], sent, dashed[0].id_, lead):
                    decided.add(k)
                continue
        # generic "The following policies were agreed/ratified as shown:": the entries are the decisions
        for k0, verb in intros:
            for k in range(k0 + 1, len(sents)):
                s, e = sents[k]
                if not _ITEM_START.match(text[s:]):
                    break
                if k in used:
                    continue
                used.add(k)
                entry = text[s:e]
                if _NEGATIVE_ITEM.search(entry) or _EMPTY_LIST.match(entry):
                    continue
                if self._emit(unit, entry, entry, "decision.list", s):
                    decided.add(k)
        # an entry of a list of decisions ("Decisions made:" column or section) with no marker of its own
        if unit.listed:
            for k, (s, e) in enumerate(sents):
                if k in used:
                    continue
                line = text[s:e]
                if line.strip().endswith(":") or _heading_words_covered(line, parse([line])[0], ("HEADING",)):
                    continue
                if self._emit(unit, line, line, "decision.list", s):
                    decided.add(k)

    def _bare(self, unit: _Unit, sents, k: int, decided: set[int], rule: str) -> bool:
        """An outcome with no words of its own ("AGREED", "This was agreed.", "Unanimous consent.")."""
        text = unit.text
        s, e = sents[k]
        if k > 0:
            if k - 1 in decided:
                return False
            ms, me = self._matter(text, sents, k)
            return self._emit(unit, _joined(_SECONDER.sub("", text[ms:me]), text[s:e]), text[ms:e], rule, ms)
        if len(sents) > 1:
            # "Agreed and signed. Copy to Headteacher …": the outcome heads its cell; its line is the record
            return self._emit(unit, text[s:e], text[s:sents[k + 1][1]], rule, s)
        if unit.cell is not None:
            return False
        matter = self._matter_above(unit)
        if matter is None or matter.produced:
            return False
        if matter.pending is not None:
            found = matter.pending
            matter.pending = None
            ok = self._emit(matter, found.text, _joined(found.source, text), found.rule, found.offset)
        elif matter.last_sentence is not None:
            ms, me = matter.last_sentence
            ok = self._emit(matter, matter.text[ms:me], _joined(matter.text[ms:me], text), rule, ms)
        else:
            ok = False
        unit.produced = unit.produced or ok
        return ok

    def _seconded(self, unit: _Unit, sents, k: int, decided: set[int], used: set[int]) -> bool:
        """ "Additional hours will be funded for this. Prop JB, 2nd GK All agreed.": the vote stands for the proposal
        stated just before ("It was proposed to …"), else for the sentence before, unless that is already a decision,
        was read otherwise, gives someone a task or is a list of figures."""
        text = unit.text
        s, e = sents[k]
        before = [j for j in range(k - 1, -1, -1) if not _PROP_ONLY.match(text[sents[j][0]:sents[j][1]])]
        if not before:
            if k > 0 or len(sents) > 1 or unit.cell is not None:
                return False
            above = self._matter_above(unit)
            if above is None or above.produced or above.pending is not None or above.last_sentence is None:
                return False
            ms, me = above.last_sentence
            matter = above.text[_lead(above.text, ms):me]
            if not self._proposal(matter):
                return False
            ok = self._emit(above, matter, _joined(above.text[ms:me], text[s:e]), "decision.outcome", _lead(above.text, ms))
            unit.produced = unit.produced or ok
            return ok
        j = next((i for i in before[:3] if _PROPOSED.search(text[sents[i][0]:sents[i][1]])), before[0])
        if j in decided or j in used or any(i in decided for i in range(j + 1, k)):
            return False
        js, je = sents[j]
        matter = text[_lead(text, js):je]
        if not self._proposal(matter):
            return False
        used.add(j)
        return self._emit(unit, matter, text[js:e], "decision.outcome", _lead(text, js))

    @staticmethod
    def _proposal(matter: str) -> bool:
        """A sentence a vote can stand for: not a task for someone ("Clerk to update …"), a question or figures."""
        if _TASK.match(matter) or _QUESTION.search(matter.strip()):
            return False
        figures = re.findall(r"[£$€]\s?\d[\d,.]*|\b\d{1,2}/\d{1,2}/\d{2,4}\b", matter)
        return len(figures) < 2 or bool(set(words(matter)) & _VERBISH)

    def _matter_above(self, unit: _Unit) -> _Unit | None:
        """The block an outcome line stands under: the list item it is nested in, else the block before it."""
        if not self.history:
            return None
        level = unit.level
        if level is not None and level > 0:
            for prev in reversed(self.history):
                if prev.level is not None and prev.level < level:
                    return prev
                if prev.level is None:
                    return None
            return None
        return self.history[-1]

    def _decision(self, unit: _Unit, sents, k: int, sp: Span, used: set[int], decided: set[int],
                  intros: list[tuple[int, str]]) -> bool:
        text, doc = unit.text, unit.doc
        s, e = sents[k]
        lead = _lead(text, s)
        sent = text[s:e]
        context = self._context(text, sents, k)
        rule = sp.id_
        first = sp[0].lower_
        if rule in ("decision.resolved", "decision.marker") and _headed(sp):
            before = text[lead:sp.start_char]
            if sp.start_char > lead and re.search(r"(?i)\baction", before):
                return False  # "Actions agreed:" heads a list of actions
            body = text[sp.end_char:e].strip()
            if not body:
                if k + 1 < len(sents):
                    ns, ne = sents[k + 1]
                    used.add(k + 1)
                    return self._emit(unit, text[ns:ne], context + " " + text[s:ne], rule, ns)
                if sp.start_char > lead or unit.cell is None:
                    self.awaiting = _Found(text=text[lead:e], source=sent, rule=rule, unit=unit, offset=lead)
                return False
            if any(x.label_ == "MOTION" for x in unit.doc.spans.get("decisions", []) if s <= x.start_char < e):
                body = _SECONDER.sub("", body)  # "DECISION: Michael moves that …, Paul seconds, no discussion"
            ok = self._emit(unit, body, context + " " + sent, rule, sp.end_char)
            if ok and rule == "decision.marker" and sp.start_char == lead:
                # "Conclusion: Go with simple majority… Ask for resignations after 3 months…": one a sentence
                for j in range(k + 1, len(sents)):
                    js, je = sents[j]
                    nxt = text[js:je]
                    if _ITEM_START.match(nxt) or re.search(r"(?i)\b(seconded|proposed|in favou?r|abstain)", nxt) \
                            or any(x.label_ in ("DECISION", "OUTCOME", "MOTION") and js <= x.start_char < je
                                   for x in unit.doc.spans.get("decisions", [])):
                        break
                    used.add(j)
                    if self._emit(unit, nxt, nxt, rule, js):
                        decided.add(j)
            return ok
        if rule in ("decision.resolved", "decision.marker"):
            rule = "decision.agreed"  # "Next meetings AGREED" read as a sentence
        if self._statement_only(doc, sp, e):
            return False
        if first in ("was", "were", "be") or rule in ("decision.approved", "decision.appointed", "decision.passed",
                                                      "decision.agenda"):
            if _ELSEWHERE.match(text[sp.end_char:e]):
                return False  # "… was approved by the DIP Management Board on 4 May 2006"
            start = lead
            colon = re.search(r":[ \t]*(?:\n|$)", text[sp.end_char:e])
            intro_end = sp.end_char + colon.end() if colon else e
            intro = text[lead:intro_end].rstrip()
            if _FOLLOWING.match(intro) and intro.endswith(":"):
                rest = text[intro_end:].strip()
                if _EMPTY_LIST.match(rest):
                    return False  # "The following policies were approved: a. There were no policies to be approved."
                filler = [w for w in words(intro) if w not in _INTRO_FILLER and w not in STOPWORDS]
                if not filler:
                    verb = sp[-1].lower_
                    if verb in ("elected", "appointed", "reappointed", "assigned", "allocated", "opted"):
                        found = False
                        for line in text[intro_end:e].split("\n"):
                            if not line.strip():
                                continue
                            if not _ROLE_NAME.match(line.strip()) or len(line.split()) > 10:
                                break
                            off = text.index(line, intro_end)
                            found |= self._emit(unit, line, intro + " " + line, "decision.list", off)
                        return found
                    intros.append((k, verb))
                    return False
            if colon:
                return self._emit(unit, intro, context + " " + intro, rule, start)
            for t in doc[:sp.start]:
                # "5. TO APPROVE THE MINUTES held 7th March 2017 The minutes were approved …": a title runs on
                if t.idx > lead and t.text in ("The", "A", "An") and 0 < t.i < sp.start \
                        and (doc[t.i - 1].is_alpha or doc[t.i - 1].like_num) and doc[t.i + 1].is_lower \
                        and doc[t.i + 1].lower_ not in ("was", "were", "is", "are", "be"):
                    start = t.idx
            return self._emit(unit, text[start:e], context + " " + sent, rule, start)
        if first in ("it", "unanimously", "and", "duly") or sp.start_char == lead and first in ("resolved", "decided"):
            tail = doc[sp.end].lower_ if sp.end < len(doc) else ""
            after = text[sp.end_char:e]
            if sp[-1].lower_ == "that" or tail == "that":
                body = after.strip()
                body = body[5:] if tail == "that" and body.lower().startswith("that ") else body
                if first == "it" and sp.start_char > lead:
                    start = self._clause_start(doc, sp, lead)
                    return self._emit(unit, body, context + " " + sent, rule, start)
                return self._emit(unit, body, context + " " + sent, rule, sp.end_char)
        start = self._clause_start(doc, sp, lead)
        if self._other_body(text[start:e], unit.block.index):
            return False
        return self._emit(unit, text[start:e], context + " " + sent, rule, start)

    def _other_body(self, clause: str, index: int) -> bool:
        """ "BCKLWN - Development Control Board resolved to object …" in the minutes of a parish council: a decision
        of a body named apart from the one meeting (its name is not in the document's title) is reported, not made."""
        m = _NAMED_BODY.match(clause)
        title = " ".join(t for i, t in self.title if i < index)
        if m is None or not title:
            return False
        own = {w.lower() for w in re.findall(r"[\w&'’-]+", title)} | _OWN_BODY_WORDS
        return any(w.lower() not in own for w in m.group(1).split())

    def _motion(self, unit: _Unit, sents, k: int, sp: Span, used: set[int], decided: set[int]) -> None:
        """ "Michael moves to promote Stefan to secretary, Paul seconds, no discussion, no objections, approved." """
        text = unit.text
        s, e = sents[k]
        lead = _lead(text, s)
        sent = text[lead:e]
        m = _SECONDED_THAT.search(sent)
        offset = lead
        if _attribution(sp, sent):
            # "Approval of Financial Forecast. Motion by X, second by Y.": the matter is the sentence before
            if k == 0 or k - 1 in decided:
                return
            ps, pe = sents[k - 1]
            matter, offset, s = _SECONDER.sub("", text[_lead(text, ps):pe]), _lead(text, ps), ps
            rest_start = sp.end_char
        elif m and sp.text.lower().endswith("by"):
            matter = sent[m.start(1):]
            rest_start = lead + m.start()
        else:
            matter = _SECONDER.sub("", sent)
            rest_start = lead + len(matter)
        if sp.text.lower().startswith("motion") and not sp.text.lower().endswith("by"):
            matter = re.sub(r"(?i)^motion\s*[:\-–]\s*", "", matter)
        outcome = next((o for o in _MOTION_OUTCOME.finditer(text, min(rest_start, len(text)))
                        if not _committed(text, o.start())), None)
        stop = len(text)
        for j in range(k + 1, len(sents)):
            js, je = sents[j]
            if any(x.label_ == "MOTION" and js <= x.start_char < je and not _attribution(x, text[js:je])
                   or x.label_ == "DECISION" and js <= x.start_char < je and _own_clause(unit.doc, x)
                   for x in unit.doc.spans.get("decisions", [])):
                stop = js
                break
        found = _Found(text=matter, source=text[s:e], rule=sp.id_, unit=unit, offset=offset)
        if outcome is not None and outcome.start() < stop:
            if self._emit(unit, found.text, text[s:min(stop, len(text))], sp.id_, offset):
                decided.add(k)
                for j in range(k + 1, len(sents)):
                    if sents[j][0] >= stop:
                        break
                    used.add(j)
        else:
            unit.pending = found


def _undone(doc: Doc, text: str, sp: Span, lead: int) -> bool:
    """A marker the words around it undo: a condition ("… if wooden gates were approved"), a view ("it was important
    that a new correspondent be appointed"), a modal ("how many hours
    should be allocated", "will now be passed to Highways"), an earlier meeting ("at a previous meeting the Parish
    Council approved …"), a correction of the minutes ("… should read; The Board agreed …"), agreement with what
    someone said ("… to which everyone agreed"), an aside ("(Note from SP: the conclusion was …"), a title
    ("Football Club Agreement:") or a meeting ending ("concluded at 9.10 pm")."""
    before = [t for t in doc[:sp.start] if t.idx >= lead]
    if sp[0].lower_ != "it":
        for t in reversed(before[-6:]):
            if t.text in (",", ";", ":", "(", ")", "-", "–", "—"):
                break
            if t.lower_ in _CONDITIONS:
                return True
    elif before and before[-1].lower_ in _CONDITIONS:
        return True  # "if it was decided to go ahead"; but "once the details were finalised it was AGREED to purchase"
    if sp[0].lower_ == "be" and before:
        prev = [t.lower_ for t in before[-2:]]
        if prev[-1] in _MODALS | {"to"} or len(prev) > 1 and prev[-1] in _ADVERBS and prev[-2] in _MODALS | {"to"}:
            return True
    head = text[lead:sp.start_char]
    if _EARLIER_MEETING.search(head) or _VIEW.search(head) or _CORRECTION.search(head) or _ASIDE.search(head):
        return True
    if sp.start_char > lead and sp[0].lower_ == "agreement":
        return True
    return bool(_ASSENT.search(head) or _ENDED.match(text[sp[-1].idx:]))


def _delegated(text: str) -> bool:
    """ "RESOLVED: Locum Clerk to report fly tipping …", "agreed that the Clerk would send a letter …": a resolution
    that only hands one person a task records an action; one that spends or charges a sum ("resolved that the Clerk
    should raise an invoice … at a total cost of £550") still decides.
    A member's offer taken up ("accepted Cllr Grant Tomkins offer to try and get plants …") is their task too."""
    return bool(_DELEGATE.match(text) or _OFFER_TAKEN.match(text)) and not _SUM.search(text)


def _committed(text: str, at: int) -> bool:
    """The "agreed" at `at` is one member taking a task on ("Cllr Trudy Mann agreed to cross check …")."""
    return any(m.end() > at >= m.start() for m in _COMMITMENT.finditer(text, max(0, at - 50), at + 12))


def _own_clause(doc: Doc, sp: Span) -> bool:
    """ "… it was agreed that the Chairman would ask …", "agreed to …": a marker opening a decision of its own, which
    ends the motion before it ("DS proposed that … After some discussion it was agreed that …") without carrying it."""
    nxt = doc[sp.end].lower_ if sp.end < len(doc) else ""
    return sp[-1].lower_ == "that" or nxt in ("that", "to")


def _attribution(sp: Span, sentence: str) -> bool:
    """ "Moved by Smith, seconded by Jones.", "Motion by X, second by Y": who moved, with no matter of its own."""
    return sp.text.lower().endswith(("by", "from")) and not _SECONDED_THAT.search(sentence) \
        and not re.search(r"(?i)\bby\b[^.;]*?\b(?:that|to)\s+(?:the\s+)?\w", sentence)


def _headed(sp: Span) -> bool:
    """ "RESOLVED:", "Decision –", "RESOLVED that", "#agreed": a marker heading the words of the decision."""
    return sp[0].text == "#" or sp[-1].lower_ not in ("agreed", "decided", "resolved")


def _joined(matter: str, outcome: str) -> str:
    matter = squash(matter)
    return matter + ("" if matter.endswith((".", ":", ";", "!")) else ".") + " " + squash(outcome)


def _adjective(doc: Doc, sp: Span) -> bool:
    """ "Approved Teleconferences (Tuesdays …)": a title-case outcome word used as an adjective of a name."""
    if sp.text.isupper() or len(sp) != 1 or sp.end >= len(doc):
        return False
    nxt = doc[sp.end]
    return nxt.is_alpha and nxt.text[:1].isupper()


def _line_spans(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _action_table(block: Block) -> bool:
    """A table of actions (owner / due columns): its rows are tasks, not decisions."""
    if not block.rows:
        return False
    header = [squash(c.text) for c in block.rows[0]]
    if any(_NOTES_HDR.match(t) for t in header):
        return False  # "Item | Discussion | Decision | Owner": a minutes table with an owner column
    return any(_ACTION_HDR.match(t) for t in header)


def _decision_columns(block: Block) -> set[int]:
    """Columns titled as lists of decisions ("Decisions made:", "Decision", "Outcome")."""
    cols: set[int] = set()
    for row in block.rows[:1]:
        for c in row:
            t = squash(c.text)
            if t and len(t.split()) <= 4 and (_DECISION_COLUMN.match(t) or
                                              _heading_words_covered(t, parse([t])[0], ("HEADING",))):
                cols.add(c.col)
    return cols


def _restated(narrative: _Found, after: _Found) -> bool:
    """ "The minutes … held on 7 March 2018 were approved as a true record." then, in the next block, "RESOLVED: That
    minutes of 7 March 2018 be approved.": the resolution is the record of the same decision."""
    if after.rule != "decision.resolved" or narrative.rule == "decision.resolved" or after.unit.cell is not None:
        return False
    if after.unit.block.index != narrative.unit.block.index + 1:
        return False
    if _TASK.match(re.sub(r"(?i)^that\s+", "", after.text)):
        return False  # "RESOLVED: That the Locum Clerk to liaise …": a task, not the record of the decision above
    mine = {w for w in _content(narrative.text) if w not in _GENERIC}
    theirs = {w for w in _content(after.text) if w not in _GENERIC}
    return len(mine & theirs) >= 2


def _similar(summary: _Found, body: list[_Found]) -> bool:
    """A summary line restating decisions recorded in the body: most of its words are theirs, or it shares
    a run of three content words with one of them ("… Results Interchange Format")."""
    mine = _content(summary.text)
    if not mine or not body:
        return False
    pool: set[str] = set()
    for b in body:
        pool.update(_content(b.text + " " + b.source))
    if len(set(mine) & pool) >= 0.75 * len(set(mine)):
        return True
    runs = {tuple(mine[i:i + 3]) for i in range(len(mine) - 2)}
    for b in body:
        theirs = _content(b.text + " " + b.source)
        if runs & {tuple(theirs[i:i + 3]) for i in range(len(theirs) - 2)}:
            return True
    return False


def extract_decisions(document: Document, parsed: list[Doc]) -> list[Decision]:
    tracker = SectionTracker()
    reader = _Reader()
    reader.title = [(b.index, squash(b.text)) for b in document.blocks[:4]]
    in_list = items_only = False
    skip_cols: int | None = None  # column count of the action table being skipped (it may go on over pages)
    for i, block in enumerate(document.blocks):
        tracker.see(block, parsed[i])
        doc = parsed[i]
        if block.kind == "heading" or SectionTracker.is_label(block):
            text = squash(block.text)
            markers = [s for s in doc.spans.get("decisions", []) if s.label_ == "DECISION"
                       and s.id_ in ("decision.marker", "decision.resolved")]
            in_list = _heading_words_covered(text, doc, ("HEADING",)) or (
                bool(markers) and not squash(block.text[markers[0].end_char:]).strip(" :*")
                and _heading_words_covered(text, doc, ("DECISION",)))
            # under a heading the list runs to the next heading; under a label ("Decisions:") over its list items
            items_only = block.kind != "heading"
            reader.history = []
            reader.awaiting = None
            if block.kind == "heading":
                continue
            if in_list:
                continue
        if in_list and items_only and block.kind != "list_item":
            in_list = False
        if block.kind == "table":
            reader.awaiting = None
            ncols = max((len(r) for r in block.rows), default=0)
            if _action_table(block):
                skip_cols = ncols
                continue
            header = block.rows[0] if block.rows else []
            if skip_cols is not None and ncols == skip_cols and not any(
                    _NOTES_HDR.match(squash(c.text)) or re.match(r"(?i)^item\W*$", squash(c.text)) for c in header):
                continue
            skip_cols = None
            listed_cols = _decision_columns(block)
            for ri, row in enumerate(block.rows):
                for cell in row:
                    if len(cell.text.split()) < 2:
                        continue
                    listed = cell.col in listed_cols and ri > 0
                    unit = _Unit.of(cell.text, block, tracker.section, cell=cell, row=ri, listed=listed)
                    reader.read(unit)
            continue
        skip_cols = None
        unit = _Unit.of(block.text, block, tracker.section, listed=in_list and not tracker.in_action_list)
        reader.read(unit)
        reader.history.append(unit)

    # a summary of decisions restating the body is said once
    body = [f for f in reader.out if not f.summary]
    kept = [f for f in reader.out if not f.summary or not _similar(f, body)]
    kept = [f for i, f in enumerate(kept) if i + 1 >= len(kept) or not _restated(f, kept[i + 1])]
    out: list[Decision] = []
    seen: set[str] = set()
    for f in kept:
        key = " ".join(words(f.text if len(words(f.text)) >= 6 else f.text + " " + f.source))
        if key in seen:
            continue
        seen.add(key)
        out.append(Decision(text=f.text, source_text=f.source, section=f.unit.section, rule=f.rule,
                            provenance=f.unit.prov(f.offset)))
    return out
