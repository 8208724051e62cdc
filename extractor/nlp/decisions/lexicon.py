"""Regular expressions and word lists the decision rules read: labels, proposers, outcomes, things that are
not decisions."""
from __future__ import annotations

import re

from extractor.nlp.textutil import STOPWORDS

# an item label or bullet at the start of a sentence: "3.1 ", "9.5 Agreed", "b. ", "2) ", "114/20 ", "FGB 56/1920 ", "• "
_LABEL = re.compile(r"^\s*(?:(?:[•●▪◦■□➢►·*\uf0b7\uf0a7-]|--)\s*|o\s+(?=[A-Z0-9$£€“])|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)\s*|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxIVX]{2,5})[.)]\s+"
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
                             r"unanimous(?:ly)?|(?:all\s+)?in\s+favou?r|consent|(?:all|everyone)\s+(?:[\w-]+\s+){0,3}agrees?)\b",
                             re.IGNORECASE)
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
# a line opening with a bullet inside a block ("New Business\no APPROVED – 2018 Meetings Calendar\no APPROVED – …",
# the "o" of a word processor's second-level list)
_LINE_BULLET = re.compile(r"\n(?=[ \t]*(?:[•●▪◦■□➢►·*\uf0b7\uf0a7]|o(?=[ \t]+[A-Z0-9$£€“]))[ \t]+\S)")
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

# ---- motions and votes -------------------------------------------------------------------------
# a vote tally: "8-0", "7-1-1", "(5 to 2)", "4:3"
_TALLY = r"\(?\d{1,3}\s*(?:-|–|to|:)\s*\d{1,3}(?:\s*(?:-|–|:)\s*\d{1,3})?\)?"
# "Tony moved, Ian Stewart seconded that the subscription remain at $20"; "SM Moves, BR seconds"
_MOVED_SECONDED = re.compile(rf"^(?:{_NAME})\s+(?i:moved|moves|proposed|proposes|motioned|motions)\s*[,;]?\s*(?:and\s+)?"
                             rf"(?:{_NAME})\s+(?i:seconded|seconds)\b\s*[,;.]?\s*(?:(?i:that|to)\s+(?P<matter>\S.*))?$",
                             re.DOTALL)
# "… approved – J. Lee (motion), P. Shah (second)": mover and seconder named after the matter, each with its part
_PAREN_VOTE = re.compile(rf"\s*[–—-]?\s*(?:{_NAME})\s*\((?i:motion|moved|mover|proposed|proposer|proposal)\)\s*[,;&]?\s*"
                         rf"(?:and\s+)?(?:{_NAME})\s*\((?i:second|seconded|seconder)\)\s*\.?")
# "Minutes from 7/21/02 approved 8-0.", "The revised budget was carried 5 to 2": an outcome with its count
_TALLIED = re.compile(rf"^(?P<matter>\S.{{2,}}?)\s*[–—-]?\s*(?:was\s+|were\s+)?(?:unanimously\s+)?"
                      rf"(?:approved|carried|passed|adopted|accepted|ratified|agreed)\s*(?:by\s+(?:a\s+)?(?:vote\s+of\s+)?)?"
                      rf"{_TALLY}\W*$", re.IGNORECASE | re.DOTALL)
_TALLY_ONLY_MATTER = re.compile(r"(?i)^(?:the\s+)?(?:motion|vote|resolution|proposal|it|this|that)$")
# "Fails unanimously.", "Passed 6-1", "Motion defeated": a vote's result on a line of its own
_VOTE_RESULT = re.compile(rf"(?i)^\W*(?:(?:the\s+)?(?:motion|vote|resolution|proposal)\s+)?(?:was\s+)?"
                          rf"(?P<out>passe[sd]|fail(?:s|ed)|carried|defeated|lost|rejected)"
                          rf"(?:\s+(?:unanimously|nem\.?\s*con\.?|{_TALLY}|by\s+[\w\s-]{{1,30}}))?\W*$")
_FAILED = {"fails", "failed", "defeated", "lost", "rejected"}
# "VOTE FOR ALLOWING CLASSES …:", "Vote on the new logo": the matter of a vote whose result follows
_VOTE_HEADING = re.compile(r"(?i)^\W*(?:roll[- ]call\s+)?vote\s+(?:for|on|to|whether)\b")
# "Meeting called to order at 9:08am – M. Prest (motion), …", "Adrian Motions to Close Meeting": procedure
_OPENING = re.compile(r"(?i)\bcalled\s+to\s+order\b|\b(?:open|close|end)(?:s|ed)?\s+(?:the\s+)?meeting\b"
                      r"|\bmeeting\s+(?:opened|closed|ended)\b")
# a procedural approval (minutes) still recorded as a decision when its vote is: mover and seconder, a count
_VOTE_RECORD = re.compile(rf"(?i)\((?:motion|moved|second|seconded)\)|\bseconded\b|\bseconds\b|\b(?:approved|carried|"
                          rf"passed|adopted|accepted)\s*{_TALLY}")
# "Election of 2015 Committee", "Election of officers", "Assigning various non-officer duties:": a heading over lines
# "President - Peter", "Budget Committee: Andre, Dave, KB, Brent" that record who was elected or given a post
_ELECTION_HEADING = re.compile(r"(?i)^\W*(?:(?:the\s+)?(?:re-?)?(?:elections?|appointments?|nominations?)(?:\s+(?:of|to|for)\b|\W*$)"
                               r"|(?:officers?|office[- ]bearers|committee(?:\s+members)?)\s+(?:elected|appointed)\b"
                               r"|assign(?:ing|ment\s+of|ments\s+of)\s+(?:[\w-]+\s+){0,3}(?:duties|roles|posts|positions|"
                               r"officers)\b)")
_ROLE_LINE = re.compile(r"^\W*(?P<role>[A-Z][\w/&'’.#-]*(?:\s+[\w/&'’.#-]+){0,5}?)\s*(?:[–—:]|\s-)\s*"
                        r"(?P<names>[A-Z][\w.'’-]*(?:(?:\s*[,&]\s*|\s+and\s+|\s+)[A-Z][\w.'’-]*){0,7})\s*\.?$")
# "14/00249/TCA – Notice of intent … - Approved", "APP/C3105/A/14/2215758 – … Appeal – Approved": a planning
# application or appeal and the planning authority's decision on it, reported to the meeting
_APPLICATION = re.compile(r"^\W*(?:APP/[A-Z0-9/]{6,}|[A-Z]{0,3}\d{2}/\d{3,6}/[A-Z]{1,5}\b)")
