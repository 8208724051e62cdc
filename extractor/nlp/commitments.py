"""Narrative commitments found by grammar: a future act whose subject is a doer.

"Clerk to reply and confirm the date", "Sam will update the website", "RB is looking to organise a
workshop", "the secretary will contact the venue", "we will check with the insurers". The marker,
list and phrase rules miss these whenever the wording is not one they list; here the trained English
pipeline tells the verb from the noun and names its subject, and the dependency patterns in
`patterns/commitments.jsonl` say which constructions commit. Only sentences that no other action
rule took, and that hold a cue word, are parsed, so the parser's cost stays small.

A subject commits when it is a person (an attendee, a name the text gives, a PERSON entity, a titled
name), an officer ("the Clerk", "Operations Manager"), a group of members ("Governors", "all
members") or "we" (the body speaking). Not: pronouns without a person before them, outside parties,
members of the public, the body's own "will" (a decision), negated, conditional, hedged, past or
questioned acts, motions and reviews of earlier actions.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token

from extractor.nlp.candidates import Candidate, Context
from extractor.nlp.engine import get_parser, lexicon_rows, parse_sentences, pattern_files
from extractor.nlp.owners import GROUPS, ROLE_HEADS, TITLES, OwnerMatch
from extractor.nlp.textutil import sentence_spans, squash
from models.document import Block

# a sentence worth parsing: a modal, a commitment verb, or "<Capitalised> to <verb>"
_CUE = re.compile(r"(?i:\b(?:will|shall|'ll|’ll|would|agreed|agrees|offered|offers|volunteered|volunteers|undertook|"
                  r"undertakes|promised|plans?|planning|intends?|looking|going|asked|requested|instructed|tasked|"
                  r"is\s+to|are\s+to|needs?|has\s+to|have\s+to|should|must|willing|happy\s+to|prepared\s+to)\b)|\b[A-Z][\w'’.-]*\s+to\s+[a-z]")
_MAX_SENTENCE = 400
_CONDITIONS = {"if", "unless", "whether", "should", "once"}
_HEDGES = {"hopefully", "possibly", "perhaps", "probably", "maybe", "potentially", "ideally", "likely"}
# a review of earlier actions ("Last week's AI: Jory to update PR"): reported, not raised here
_REVIEW = re.compile(r"(?i)\b(?:last|previous|prior|outstanding)\b[\w’' ]{0,20}\b(?:AI|actions?|action\s+items?)\b")
# a motion or proposal put to the meeting states what it asks, not what anyone was given to do
_MOTION = re.compile(r"(?i)\b(?:counter-?)?motion|\bproposal|\bamendment|\bproposed\b")
_ROLE_TAKEN = re.compile(r"(?i)^(?:take\s+over|serve|act|stand|continue|remain|stay)\s+as\b")
# names the trained pipeline gives to what is not a person: a language, a nationality, a place, a firm, a product
_NOT_PEOPLE = {"LANGUAGE", "NORP", "GPE", "LOC", "FAC", "ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "DATE",
               "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL"}
# words that may stand before a doer at the start of its clause ("1. Clerk to …", "RESOLVED: that the Clerk …")
_CLAUSE_OPENERS = {"and", "that", "then", "so", "but", "also", "resolved", "agreed", "action", "actions", "&"}
_NOT_DOERS = {"it", "they", "this", "that", "there", "these", "those", "who", "which", "what", "you", "one",
              "public", "resident", "residents", "parishioner", "parishioners", "applicant", "developer", "contractor",
              "company", "landowner", "owner", "visitor", "visitors", "people", "everybody", "someone", "anyone"}
# collective names of a body, whose "will" is its decision rather than a member's task
_BODIES = {"board", "council", "committee", "tc", "tsc", "fgb", "group", "panel", "team", "executive", "management",
           "meeting", "working group", "sub-committee", "subcommittee", "parish council", "commission", "society",
           "association", "club", "trust", "foundation", "company", "authority", "department", "organisation",
           "organization", "project"}
_VAGUE_OBJECTS = {"it", "this", "that", "them", "these", "those", "so"}
_NOT_NAMES = {"he", "she", "the", "it", "this", "they", "we", "i", "a", "an", "in", "on", "at", "after", "following",
              "there", "that", "these", "his", "her", "their", "also", "however", "as", "if", "when"}
_HEADS_BY_TAG = {"go": {"VBG"}, "look": {"VBG"}, "be": {"VBZ", "VBP"}, "plan": {"VBZ", "VBP", "VBG", "VB"},
                 "try": {"VB", "VBZ", "VBP"}, "need": {"VBZ", "VBP", "VB"}, "have": {"VBZ", "VBP", "VB"}}


@lru_cache(maxsize=1)
def _matcher() -> tuple[DependencyMatcher, dict[str, tuple[str, list[str]]], set[str]]:
    """The matcher, each pattern's (rule id, node names) by match key, and the verbs that are no task."""
    matcher = DependencyMatcher(get_parser().vocab, validate=True)
    nodes: dict[str, tuple[str, list[str]]] = {}
    for n, row in enumerate(pattern_files()["commitments"]):
        key = f"{row['id']}#{n}"
        matcher.add(key, [row["pattern"]])
        nodes[key] = (row["id"], [node["RIGHT_ID"] for node in row["pattern"]])
    return matcher, nodes, {row[0] for row in lexicon_rows("commitment_verbs_not.txt")}


def warm_up() -> None:
    """Load the trained pipeline and build the matcher now rather than on the first document."""
    _matcher()
    parse_sentences(["The Clerk will write to the council."])


def _covered(block: Block, cands: list[Candidate]) -> list[str]:
    """The sentences of this block another rule already took, squashed for comparison."""
    return [squash(c.source_text).lower() for c in cands if c.block == block.index]


def commitment_candidates(ctx: Context, taken: list[Candidate], skip_blocks: set[int]) -> list[Candidate]:
    """Commitments in the sentences of running text that no other action rule took."""
    wanted: list[tuple[Block, int, str]] = []
    for block in ctx.document.blocks:
        if block.kind in ("heading", "table") or block.index in skip_blocks:
            continue
        covered = _covered(block, taken)
        for s0, s1 in sentence_spans(block.text):
            sent = block.text[s0:s1].strip()
            if len(sent) > _MAX_SENTENCE or not _CUE.search(sent) or sent.rstrip(" '’\"”)").endswith("?"):
                continue
            low = squash(sent).lower()
            if any(low in c or c in low for c in covered if c):
                continue
            wanted.append((block, s0, sent))
    if not wanted:
        return []
    matcher, nodes, not_tasks = _matcher()
    out: list[Candidate] = []
    for (block, s0, sent), doc in zip(wanted, parse_sentences([w[2].replace("\n", " ") for w in wanted])):
        seen_verbs: set[int] = set()
        for match_id, ids in sorted(matcher(doc), key=lambda m: m[1][0]):
            rule, names = nodes[doc.vocab.strings[match_id]]
            tok = dict(zip(names, (doc[i] for i in ids)))
            verb, doer = tok["verb"], tok["doer"]
            if verb.i in seen_verbs or verb.lemma_.lower() in not_tasks or not _asserted(tok):
                continue
            lead = doc[:doer.left_edge.i].text
            if _REVIEW.search(lead) or _MOTION.search(lead) or rule == "action.commitment.to" \
                    and not _opens_clause(doc, doer):
                continue
            got = _doer(ctx, doc, doer, block.text[:s0], rule, tok.get("head"), tok.get("modal"))
            if got is None:
                continue
            task = _task(doc, verb)
            if _ROLE_TAKEN.match(task):
                continue  # "Alistair will take over as the Advisory Council rep": an appointment, a decision
            if len(task.split()) < 2 or len(task.split()) < 3 and task.split()[-1].lower() in _VAGUE_OBJECTS:
                continue  # "take it", "do this": the task is elsewhere
            seen_verbs.add(verb.i)
            out.append(Candidate(text=task, explicit=False, owners=got.owners, owner_text=got.owner_text,
                                 source_text=squash(sent), rule=rule, kind="narrative", block=block.index,
                                 provenance=block.provenance(s0), section=None))
    return out


def _asserted(tok: dict[str, Token]) -> bool:
    """The act is stated as going to happen: not negated, hedged, conditional, asked or already past."""
    verb = tok["verb"]
    head = tok.get("head", verb)
    for t in {verb, head}:
        kids = {c.lower_ for c in t.children}
        if any(c.dep_ == "neg" for c in t.children) or kids & _HEDGES:
            return False
        if any(c.dep_ == "aux" and c.lower_ in {"had", "could", "might", "may"} for c in t.children):
            return False
    if head is not verb and head.lemma_ in _HEADS_BY_TAG and head.tag_ not in _HEADS_BY_TAG[head.lemma_]:
        return False  # "was to", "looked to", "went to"
    if head is not verb and head.lemma_ in ("go", "look") and any(c.lower_ in ("was", "were") for c in head.children):
        return False  # "He was also going to review old reports": a plan reported from before
    modal = tok.get("modal")
    if modal is not None and modal.lower_ in ("should", "must") and verb.dep_ not in ("ROOT", "conj") and not (
            verb.dep_ == "ccomp" and verb.head.lemma_ in ("agree", "resolve", "decide")):
        return False  # "The Committee felt that DC should check …": an opinion; "it was agreed that DC should …" binds
    for t in [head, *head.ancestors]:
        if t.dep_ in ("advcl", "csubj") and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in t.children):
            return False  # "If the grant is approved, the Clerk will order…" keeps its condition; its clause isn't one
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in t.children):
            return False
    if verb.dep_ == "relcl" and tok["doer"].i > 0 and tok["doer"].i != tok["doer"].sent.start:
        return False  # "… the plants for Ann to water": "Ann to draft" opens its clause
    return True


def _doer_span(doc: Doc, doer: Token) -> Span:
    """The subject phrase: its own words and those joined to it by "and"/"&", not its clauses."""
    keep = {"compound", "det", "amod", "conj", "cc", "nmod", "poss", "flat", "nummod", "punct", "case", "prep",
            "pobj", "appos"}
    last = doer.i
    for t in doer.subtree:
        if t.i > doer.i and (t.dep_ in ("relcl", "acl", "advcl") or t.head.dep_ in ("relcl", "acl")):
            break
        if t.i > doer.i and t.dep_ in keep:
            last = t.i
    first = min(t.i for t in doer.subtree if t.i <= doer.i and t.dep_ in keep | {doer.dep_})
    return doc[first:last + 1]


def _opens_clause(doc: Doc, doer: Token) -> bool:
    """The doer phrase starts its sentence or clause: "Ann to draft …", "…; Clerk to reply", not "allow Ann to …"."""
    i = doer.left_edge.i
    while i > 0 and (doc[i - 1].is_punct or doc[i - 1].like_num or doc[i - 1].lower_ in _CLAUSE_OPENERS):
        i -= 1
        if doc[i].is_punct and doc[i].text not in ("*", "-", "•", "(", '"', "“"):
            return True  # after ";", ":", "," or a full stop
    return i == 0


def _doer(ctx: Context, doc: Doc, doer: Token, before: str, rule: str, head: Token | None,
          modal: Token | None) -> OwnerMatch | None:
    low = doer.lower_
    # "should", "must", "needs to" bind a person or an officer; said of a group they state a rule or a wish
    obligation = (modal is not None and modal.lower_ in ("should", "must")) or (
        head is not None and head.lemma_ in ("need", "have"))
    if low == "we":
        if obligation:
            return None
        # the body speaking: "We will check with the insurers", "we agreed to review …", not "we will define a format"
        # in the middle of a discussion
        if not (rule == "action.commitment.will" and _opens_clause(doc, doer) and doer.i <= 1
                or rule == "action.commitment.agreed" and head is not None and head.lemma_ == "agree"):
            return None
        org = ctx.meeting.organisation or ctx.meeting.title
        return OwnerMatch(owner_text=doer.text, owners=[org] if org else [])
    if low in ("he", "she"):
        person = _last_person(ctx, before)
        return OwnerMatch(owner_text=doer.text, owners=[person]) if person else None
    if low in _NOT_DOERS or doer.pos_ == "PRON":
        return None
    span = _doer_span(doc, doer)
    phrase = re.sub(r"^(?i:the)\s+", "", span.text.strip(" ,;:"))
    if any(w.lower() in _NOT_DOERS for w in phrase.split()):
        return None  # "members of the public", "the developer"
    got = ctx.owners.parse_phrase(phrase)
    if got is None:
        return None
    persons = {e.text for e in doc.ents if e.label_ == "PERSON" and e.start <= doer.i < e.end or
               e.label_ == "PERSON" and span.start <= e.start < span.end}
    if obligation and any(o.lower().split()[-1] in GROUPS for o in got.owners):
        return None
    if any(t.ent_type_ in _NOT_PEOPLE for t in span) and not any(ctx.people.resolve(o) for o in got.owners):
        return None  # "Hindi and English to cater to …", "SCC will repair …"
    if all(_doer_like(ctx, o, persons) for o in got.owners):
        return got
    return None


def _doer_like(ctx: Context, owner: str, persons: set[str]) -> bool:
    """A person, officer or group of the body; a capitalised name only when known or read as a PERSON."""
    words = owner.lower().split()
    if not words:
        return False
    if ctx.people.resolve(owner) or owner in ctx.people.names or owner in ctx.owners.aliases.values() \
            or owner.lower() in ctx.owners.known or owner.startswith("@"):
        return True
    if words[-1] in _BODIES or " ".join(words[-2:]) in _BODIES:
        return False  # "the Council will co-opt", "The TC will recharter": the body deciding, a decision
    if words[-1] in ROLE_HEADS or words[-1] in GROUPS or " ".join(words) in GROUPS:
        return True
    if words[0].rstrip(".") in TITLES and len(words) >= 2:
        return True
    return any(owner in p or p in owner for p in persons)


def _last_person(ctx: Context, before: str) -> str | None:
    """The attendee a "he"/"she" refers back to: the last name-like word group of the sentence before, when it is
    an attendee ("Alistair reported …. He will …"); an outsider named last ("the Technician") gives none."""
    last = sentence_spans(before)[-1:] if before.strip() else []
    text = before[last[0][0]:] if last else ""
    for m in reversed(list(re.finditer(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\b", text))):
        if m.group(0).split()[0].lower() in _NOT_NAMES:
            continue
        return ctx.people.resolve(m.group(0)) or ctx.people.resolve(m.group(0).split()[0])
    return None


def _task(doc: Doc, verb: Token) -> str:
    """The task's words: the verb and what hangs on it, up to a clause with a subject of its own."""
    stop = min([c.left_edge.i for c in verb.children if c.i > verb.i and c.dep_ in ("conj", "advcl", "parataxis")
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)] + [verb.right_edge.i + 1])
    if stop > verb.i + 1 and doc[stop - 1].lower_ in ("and", "but", "while", "although", "though", "as"):
        stop -= 1
    end = stop - 1
    while end > verb.i and doc[end].is_punct:
        end -= 1
    return doc[verb.i:end + 1].text
