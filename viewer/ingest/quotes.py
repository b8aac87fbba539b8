"""Quotes and attribution in news sentences.

* **Direct speech**: words in quotation marks (“…” or "…"), with the
  speaker found after the quote ("…,” said Le Drian", "…,” he said"), before
  it ("Peskov said: “…”", "Lavrov, who noted that … “…”"), or from an
  "according to X" in the same sentence.  A quote split around "he said"
  gives two quotes, both verbatim, with one speaker.  A name in quotation
  marks ('dubbed “Allied Resolve-2022”') is not a quote.
* **Reported speech** ("X said (that) …", "According to X, …", "…, according
  to X.") is kept as a quote of kind REPORTED: the article's words, never
  presented as the speaker's.  A reported clause that holds a direct quote
  gives only the direct quote.
* **Attribution chains**: "according to X, citing Y" and "X reported,
  citing Y," make Y a source relayed via X, itself relayed via the article.
* "he" / "she" is the one person it can stand for in its paragraph, or, in a
  paragraph naming nobody before it, the one person quoted in the paragraph
  before (:class:`PersonMemory`); a surname alone ("Peskov stated") is the person named
  in full earlier.  A pronoun that stands for no one is never a speaker's name
  nor a track (:func:`unresolved_pronoun`).  With no speaker found a quote keeps an empty speaker
  (listed as unattributed), and reported speech by an unresolved "he"/"she" is
  kept as an unnamed speaker's: a speaker is never guessed, and a claim someone
  made is never left as the article's own.

Every quote's ``start``/``end`` are offsets in the sentence with
``sentence[start:end] == text``, but for a backslash-escaped quotation mark inside a direct quote
(``"they said \\"no\\""``), which the text holds as the mark alone (``they said "no"``).  A quotation
mark that opens and is never closed makes no direct quote: its words are reported speech at most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .actors import NEGATED_SUBJECT, ROLE_WORDS, SPEAKER, Person, blank_date_lead, country_of, parse_person
from .extract import dateline_length
from .quotemarks import DOUBLE_OPENERS, marks_out_of_tags, quote_spans, unescape
from .tense import _markers, has_verb

__all__ = ["FoundQuote", "Attribution", "find_quotes", "PersonMemory", "aside_at", "blank_inner_said",
           "relative_saying_span", "unresolved_pronoun"]

_VERBS = (r"said|says|say|stated|states|told\s+(?:\w+\s+){0,3}?(?:reporters|journalists|the\s+\w+|[A-Z]\w+|him|her|"
          r"them|us|television|TV|radio|media|lawmakers|parliament|supporters|a\s+\w+(?:\s+\w+)?)|"
          r"tells|noted|notes|added|adds|warned|warns|wrote|writes|claimed|claims|"
          r"announced|announces|insisted|insists|argued|argues|confirmed|confirms|denied|denies|explained|"
          r"explains|declared|declares|remarked|stressed|stresses|emphasised|emphasized|asserted|asserts|"
          r"acknowledged|admitted|replied|responded|reported|reports|tweeted|posted|alleged|alleges|"
          r"predicted|predicts|forecast|forecasts|pledged|promised|vowed|suggested|suggests|"
          # a fear, an expectation or a prediction ("Analysts predict that …", "Experts warn that …") is reported
          # speech only with its clause: "feared that …", never "feared for", "warn of" nor "predict growth"
          r"(?:feared|fears|fear|expected|expects|expect|predict|warn)(?=(?:\s+\w+){0,3}?\s+that\b)|"
          # a denial of reports ("The army dismissed reports that …"), as "denied reports that …" is: never "rejected
          # the plan"
          r"(?:dismissed|dismisses|rejected|rejects|refuted|refutes)(?=\s+(?:the\s+|any\s+)?(?:[\w-]+\s+)?"
          r"(?:reports?|claims?|allegations?|suggestions?|rumou?rs?|accusations?|assertions?)\s+that\b)")
_VERB = re.compile(rf"\b(?:{_VERBS})\b")
_NAMING = re.compile(r"\b(?:(?:dubbed|called|named|known as|so-called|code-?named|titled|entitled|nicknamed|"
                     r"labelled|labeled|branded|the word|the term|slogan)|"
                     r"(?:dubbed|named|code-?named|nicknamed|christened|renamed)\s+(?:the|a|an|its|their|his|her|"
                     r"this|that|it|them|him)\b(?:\s+[\w-]+){0,3})\s*$", re.I)
"""What stands before a name in quotation marks: 'dubbed “Allied Resolve-2022”', 'dubbed the plan
“Operation Dawn”' (no quote; "called it “a mistake”" stays one: words, not a name)."""
_ORG = (r"(?:(?:an?|the)\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}(?:[a-z][\w-]*\s+){0,2}(?:ministry|office|"
        r"spokes(?:man|woman|person)|police|military|army|government|officials?|sources?|diplomats?|authorities|"
        r"prosecutors|agency|council|commission|unions?|company|firm|embassy)")
# “…”, "…", «…», and British ‘…’ and '…' (an apostrophe inside, as in "don’t", is followed by a letter)
# (a backslash-escaped mark, \" as text copied from JSON or code has it, is part of the words, never their end)
_QUOTE = re.compile(r"“(?P<a>(?:\\.|[^”\\]){1,2000})”|\"(?P<b>(?:\\.|[^\"\\]){1,2000})\"|"
                    r"«(?P<e>(?:\\.|[^»\\]){1,2000})»|"
                    r"(?:(?<=[\s(—–-])|^)‘(?P<c>(?:[^‘’]|’(?=[A-Za-z]))+?)’(?![A-Za-z])|"
                    r"(?:(?<=[\s(—–-])|^)'(?P<d>(?:[^'\n]|'(?=[A-Za-z]))+?)'(?![A-Za-z])")
# "…,” said Lavrov", "…”, said Lavrov" (the comma outside, as British style puts it), "…,” said foreign minister
# Lavrov" (lower-case role words, then the name), "…,” Lavrov said"
_AFTER = re.compile(rf"^[\s,]*(?P<verb1>{_VERBS})\s+"
                    rf"(?P<who1>(?=[A-Z]|(?:the|an?|von|van|de|der|da|al|el|le|la)\s|(?:[a-z][\w-]*\s+){{0,2}}"
                    rf"(?:{ROLE_WORDS})\s+[A-Z]){SPEAKER})|^[\s,]*(?P<who2>{_ORG}|{SPEAKER}|he|she|they)"
                    # "…,” Amira Haddad, the mission head, said": an appositive between the name and its verb
                    r"(?:,\s+(?P<appos2>(?:the|an?|its|their|his|her|head|chief|leader|director)\s"
                    r"[^,.;:“”\"]{1,60}),)?\s+"
                    rf"(?P<verb2>{_VERBS})\b"
                    # "…,” the minister said": the one minister named in this or the previous paragraph, if one
                    rf"|^[\s,]*(?P<who3>[Tt]he\s+(?P<role3>(?:[a-z][\w-]*\s+){{0,3}}?(?:{ROLE_WORDS})))\s+"
                    rf"(?P<verb3>{_VERBS})\b")
_TAG = (r"(?:<script\b[^<>]{0,300}>[^<]{0,300}</script>|<style\b[^<>]{0,300}>[^<]{0,300}</style>|"
        r"</?[A-Za-z][A-Za-z0-9]{0,9}(?:\s[^<>]{0,300})?/?>)")
"""An inline tag left in a plain-text article ("a spokesman for the <b>ministry</b>"): kept as the article's
characters, never rendered, and no end of the words it wraps."""
_BEFORE = re.compile(rf"(?P<who>{SPEAKER}|\b[Hh]e|\b[Ss]he|\b[Tt]hey),?\s+(?:also\s+|later\s+|then\s+)?"
                     rf"(?P<verb>{_VERBS})(?:\s+(?:in\s+an?\s+\w+|on\s+\w+|at\s+an?\s+\w+(?:\s+\w+)?))?"
                     rf"(?:\s+that)?\s*[,:]?\s*(?:{_TAG}\s*)*$")  # ('He said <i>"…"</i>': a tag is no word)
_WHO = re.compile(rf"(?P<who>{SPEAKER}),\s+who\s+(?:also\s+|has\s+|had\s+)?(?P<verb>{_VERBS}|called|described|"
                  r"dismissed|branded|labelled|labeled)\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>[^,.;“\"]+?)(?=,|\.$|\.\s|;|$)")
_CITING = re.compile(r",?\s*citing (?P<who>(?:[^,.;“\"]|\.(?=[A-Z]\.|\s+[a-z]))+)")
"""The source relayed: "citing two U.S. officials familiar with the plan" (an abbreviation's points are no end)."""
# a speaker named by role alone or through someone else: "The minister said …", "Nowak's deputy said …"
_ROLE_WHO = (rf"\b(?:[Tt]he|[Aa]n?|[A-Z][\w-]*[’']s)\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{ROLE_WORDS})(?=,?\s)")
# "A spokesman for the ministry said …", "the head of the mission said": the role and whom it serves, never
# "for the ministry" alone
_ROLE_FOR = (rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{ROLE_WORDS})\s+(?:for|of|at)\s+"
             rf"(?:{_ORG}|(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'.-]*)(?=,?\s)")
_REPORTED_TAIL = (r"(?P<cite>,\s*citing [^,]+,)?"
                  r"(?:\s+(?:(?:on|in|last|this|earlier|late|at|during)\s+(?:the\s+)?[\w’']+(?:\s+\d+)?|"
                  r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)(?=\s+that\b))?"
                  # ('Peskov said: "We will …' and 'Anna Berg said, "The inspectors left …', never closed: a comma
                  # only before a quotation mark)
                  r"(?:\s*:\s*|\s*,\s*(?=[“\"«])|\s+|"
                  # ("Officials said, after a meeting, that …": an aside of the saying's own before its "that")
                  r"\s*,\s*(?=(?:after|before|during|following|amid|at|in|without|despite|speaking)\s+"
                  r"[^,;:“”\"«»]{1,60},\s+that\s))(?:that\s+)?(?=[A-Za-z“\"«])")
_REPORTED = re.compile(rf"(?P<who>{_ROLE_FOR}|{_ROLE_WHO}|{_ORG}|{SPEAKER}|\b[Hh]e|\b[Ss]he),?\s+"
                       # "Antony Blinken, who met his Russian counterpart on Jan. 21, said": an aside about them
                       r"(?:(?P<rel>(?:which|who|whose)\s+[^,;:“”\"«»]{1,120}?),\s+)?"
                       rf"(?:(?:also|later|then|has|have|had|previously|repeatedly)\s+)*(?P<verb>{_VERBS})"
                       + _REPORTED_TAIL)
_TW = rf"(?:{_TAG}*[\w’'-]+{_TAG}*|{_TAG}+)"
_APPOS = (r"(?!(?:who|which|whose|that|when|where|while|as)\b)"  # (a relative clause is no role)
          rf"(?:(?:the|an?|its|their|his|her)\s+|[A-Z][\w-]*[’']s\s+)?(?:{_TW}\s+){{0,4}}?{_TAG}*(?i:{ROLE_WORDS})\b"
          rf"{_TAG}*(?:\s+(?:of|for|at|to)\s+(?:the\s+)?{_TW}(?:\s+{_TW}){{0,3}}?)?")
"""A role set off by commas after a name: "the mission head", "head of the mission", "Russia's foreign minister"."""
_APPOSITIVE = re.compile(rf",\s+(?P<role>{_APPOS})(?:,|\.?\s*$)")
_WHAT_THEY_ARE = (r"(?!(?:who|which|whose|that|when|where|while|as)\b)(?:an?|the)\s+(?:[a-z][\w’'-]*\s+){0,3}"
                  r"[a-z][\w’'-]*(?:\s+(?:of|from|in|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?")
"""What a person is, set off by commas between their name and a saying verb, when no role word says it ("Anna
Berg, a teacher, said", "Adam Kowal, a resident of Kharkiv, said"): who they are, never a role to resolve."""
_NAMED_ROLE = (rf"(?<![\w’'-])(?P<who>(?:[A-Z][\w’'.-]*\s+(?:(?:de|van|von|al|bin|Le|La|da|del)\s+)?){{0,3}}"
               rf"[A-Z][\w’'.-]*),\s+(?P<role>{_APPOS}|{_WHAT_THEY_ARE}),\s+"
               # "Anna Berg, the head of the mission, which arrived on Monday, said": a relative clause between
               # the role and the verb is about the mission (or her), never the speaker
               r"(?:(?P<rel>(?:which|who|whose|that|where)\s+[^,;:“”\"«»]{1,80}?),\s+)?"
               rf"(?:(?:also|later|then)\s+)?(?P<verb>{_VERBS})")
# "Anna Berg, the mission head, said …" (never the unnamed "the mission head": the article names her)
_NAMED_REPORTED = re.compile(_NAMED_ROLE + _REPORTED_TAIL)
# "Sergey Lavrov, Russia's foreign minister, told reporters «…»"
_NAMED_BEFORE = re.compile(_NAMED_ROLE + r"(?:\s+(?:in\s+an?\s+\w+|on\s+\w+|at\s+an?\s+\w+(?:\s+\w+)?))?"
                                         rf"(?:\s+that)?\s*[,:]?\s*(?:{_TAG}\s*)*$")
_AND_SAID = re.compile(rf",?\s+(?:and|but)\s+(?:also\s+|later\s+)?(?:{_VERBS})\s+(?:that\s+)?(?=[A-Za-z])|"
                       # "said the sanctions are a first step and that Warsaw will push for more": a second "that"
                       # (never "and that was that": "that" there is the subject)
                       r",?\s+and\s+that\s+(?!(?:is|was|were|are|has|had|will|would|could|can|may|might|must|"
                       r"should|did|does|do)\b)(?=[A-Za-z])|"
                       # "…, adding that talks had ended on March 3": a second clause of the same speaker
                       r",\s+(?:adding|saying|noting|stressing|warning|insisting|claiming|arguing|explaining)\s+"
                       r"(?:that\s+)?(?=[A-Za-z])")
_MORE_SAID = re.compile(rf"[\s,]*(?:(?:and|but)\s+(?:also\s+|later\s+)?(?:{_VERBS})|(?:and|but)(?=\s+that\s)|"
                        r"adding|saying|noting|stressing|"
                        r"warning|insisting|claiming|arguing|explaining)\s+(?:that\s+)?(?=[A-Za-z])")
"""What goes on after a direct quote and its attribution with more of the same speaker's words, reported:
'“We are ready,” Berg said, adding that talks would resume on Friday.', 'X said the talks had been “difficult”
and that he would travel to Moscow next week' (the same saying verb, its second "that" clause)."""
_MAIN_SAID = re.compile(rf"[\s,]*(?:{_VERBS})\s+(?:that\s+)?(?=[A-Za-z])")
"""The main saying after a quote in a relative clause of its speaker: 'Anna Berg, who said the measures were
“long overdue,” told reporters the bloc must act faster.'"""
_ADDING_END = re.compile(rf"(?:,\s*|\s+)(?:and\s+(?:also\s+|later\s+)?(?:{_VERBS})|adding|saying|noting|stressing|"
                         r"warning|insisting|claiming|arguing|explaining)(?:\s+that)?\s*[,:]?\s*$")
"""What joins a reported clause to a quote of the same speaker after it: '…, adding that "…' / '…, adding: "…' /
'… and added: "…'."""
_REL_SAID = re.compile(rf"who\s+(?:(?:also|later|then|has|have|had|previously|repeatedly|first)\s+)*(?:{_VERBS})\b")
"""A relative clause that reports a saying: "who said on Monday that …" ("Anna Berg, who said on Monday that the
talks had failed, said on Tuesday …")."""
_REL_CALLED = re.compile(r"who\s+(?:(?:also|later|then|has|have|had|previously|repeatedly|first)\s+)*"
                         r"(?:called|described|termed|dubbed|labell?ed|branded)\b")
"""A relative clause that names something in its speaker's words: 'Anna Berg, who called the meeting “a photo
opportunity”, said on Monday …': a saying of its own, dated in its clause or not at all."""
_WHAT_CALLED = re.compile(rf"\b(?:what|which)\s+(?:(?P<who>(?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'.-]*|{_ORG}|he|she|"
                          r"they)\s+(?:has\s+|have\s+|had\s+)?|(?:was|were)\s+)"
                          r"(?:called|termed|described\s+as)\s*$")
"""Words in quotation marks that someone named calls something: 'in what Macron called “a frank exchange”',
'The deal, which Lavrov called “dead on arrival”, …': Macron's and Lavrov's words, never a name."""
_REL_TIME = re.compile(r"[\s,]*(?:on|in|last|this|earlier|late|early)\s+[A-Za-z0-9 ]{1,25}?(?=\s*,)")
"""The relative clause's own day after its quote, before the main saying goes on: "on Sunday" in "…, who called
the summit “a photo opportunity” on Sunday, said on Monday that …"."""
# "Biden said Putin called it “a mistake”": the quoted words are someone else's
_OTHER_WORDS = re.compile(r"\b(?:called|calls|call|described|describes|termed|terms|dubbed|labelled|labeled|"
                          r"branded|quoted|quoting|citing|asked|wrote|tweeted|posted)\b")
_ONLY_TIME = re.compile(r"(?:on|in|last|this|late|early)?\s*(?:\w+day|\w+ \d{1,2}|night|week|month|year|"
                        r"morning|evening|afternoon|yesterday|today)(?:\s+(?:morning|evening|afternoon|night))?", re.I)
_WHEN_SAID = re.compile(r"(?:(?:on|in|last|this|earlier|late|at|during)\s+(?:the\s+)?[\w’']+(?:\s+\d+)?)?[\s,:]*")
"""The time of a saying between its verb and the words said ("said on Friday: …"), if any."""
_TAIL_SAID = re.compile(rf",\s+(?P<who>(?:the\s+|a\s+|an\s+)?(?:{SPEAKER}|(?:[A-Z][\w’'-]*\s+)?[a-z][\w’'-]*"
                        rf"(?:\s+[a-z][\w’'-]*){{0,3}}))\s+"
                        r"(?P<verb>said|says|told [^,.;]+|announced|reported|added|confirmed|warned|claimed|stated)"
                        r"(?:\s+(?:in\s+an?\s+\w+|(?:late\s+|early\s+)?on\s+\w+|earlier|later|on\s+condition\s+of\s+"
                        r"anonymity|at\s+an?\s+\w+(?:\s+\w+)?))*\.?$")
# "The talks would continue next week, said the minister.": the speaker after the verb
_TAIL_SAID_INV = re.compile(rf",\s+(?P<verb>said|says|added|announced|confirmed|warned|claimed|stated)\s+"
                            rf"(?P<who>(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){{0,3}}?(?:{ROLE_WORDS})|{SPEAKER})"
                            r"(?:\s+(?:(?:late\s+|early\s+)?on\s+\w+|earlier|later))*\.?$")
# "In the spring of 2022, the ministry said, the first drills took place.": the speaker in an aside
_ASIDE_SAID = re.compile(rf",\s+(?P<who>{_ROLE_WHO}|{_ORG}|{SPEAKER}|[Hh]e|[Ss]he|[Tt]hey)\s+"
                         r"(?P<verb>said|says|added|confirmed|stated)"
                         r",\s+(?=[a-z])")
_TIME_TAIL = re.compile(r"\s+(?:on|last|this|in|at)\s+(?:\w+\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                        r"Saturday|Sunday|morning|evening|week|month|year|January|February|March|April|May|June|"
                        r"July|August|September|October|November|December)\b.*$")
_LEAD = re.compile(r"^(?:(?:Last|Next|On|This|Earlier|Later)\s+\w+(?:\s+\w+)?|Meanwhile|However|Separately|"
                   r"Also|When asked[^,]*|Speaking[^,]*|In (?:a|an) [^,]*|On \w+ \d+|Yesterday|Today),\s*")


def _words_start(sentence: str, at: int, end: int) -> int:
    """Where the words said begin after a verb of saying ending at ``at`` (before ``end``): past the time of the
    saying ("said on Wednesday the report …": the report; "said on Monday that …") and "that", when what is left
    is a clause (it has a verb); else ``at`` past white space ("said on Monday." stays as it is)."""
    a = at + len(sentence[at:end]) - len(sentence[at:end].lstrip())
    k = a
    when = re.match(r"(?:(?:on|in|last|this|earlier|late|at|during)\s+(?:the\s+)?[\w’']+(?:\s+\d+)?|"
                    # ("said Saturday it had …", as AP writes the day)
                    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))"
                    r"(?:\s+(?:morning|afternoon|evening|night))?(?=[\s,])", sentence[k:end])
    if when is not None and _ONLY_TIME.fullmatch(when.group(0)):
        k += when.end()
        k += len(sentence[k:end]) - len(sentence[k:end].lstrip(" ,"))
    j = k + len(sentence[k:end]) - len(sentence[k:end].lstrip(" ,"))  # ("said, after a meeting, that …")
    aside = SAYING_ASIDE.match(sentence[j:end])  # "said on Monday, after a meeting, that …": the saying's own
    if aside is not None:  # circumstances, never the words said
        k = j + aside.end()
    that = re.match(r"that\s+", sentence[k:end])
    if that is not None:
        k += that.end()
    return k if k != a and has_verb(sentence[k:end]) and end - k > 3 else a


SAYING_ASIDE = re.compile(r"(?:after|before|during|following|amid|at|in|without|despite|speaking)\s+"
                          r"[^,;:“”\"«»]{1,60},\s+(?=that\s)")
"""An aside between a saying's verb (and its time) and its "that" clause ("said on Monday, after a meeting, that
talks would resume"): where the saying was made, not what was said."""


def _relative_saying(sentence: str, m: re.Match) -> tuple[int, int, str] | None:
    """The reported words of a relative clause of the speaker that reports their saying ("Anna Berg, who said
    on Monday that the talks had failed, said on Tuesday …": "the talks had failed") as ``(start, end,
    attribution words)`` ("who said on Monday"), offsets in ``sentence``; None when the clause (group ``rel``
    of ``m``) reports no saying, or says nothing with a verb."""
    if "rel" not in m.re.groupindex or m.group("rel") is None:
        return None
    ra, rb = m.span("rel")
    said = _REL_SAID.match(sentence, ra, rb)
    if said is None:
        return None
    k = _words_start(sentence, said.end(), rb)
    a, b = _trim(sentence, k, rb)
    if b <= a + 3 or not has_verb(sentence[a:b]) or _ONLY_TIME.fullmatch(sentence[a:b]):
        return None
    words = sentence[ra:k].strip()
    words = re.sub(r"\s+that$", "", words).strip(" ,")
    return a, b, words


def _clauses(sentence: str, a: int, b: int) -> list[tuple[int, int]]:
    """``[a, b)`` of a reported clause cut where the same speaker goes on ("…, adding that …", "…, saying …,
    noting that …", "… and said …"): each clause of its own, never one holding "adding that"; a tail
    without a verb ("…, warning residents to stay indoors") stays with the clause before it."""
    found = list(_AND_SAID.finditer(sentence, a, b))
    cuts = []
    for i, more in enumerate(found):
        upto = found[i + 1].start() if i + 1 < len(found) else b
        if re.search(r"\sand\s", more.group(0)) or has_verb(sentence[more.end():upto]):
            cuts.append(more)
    parts, at = [], a
    for more in cuts:
        parts.append(_trim(sentence, at, more.start()))
        at = more.end()
    parts.append(_trim(sentence, at, b))
    return parts


_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey)\b")


def relative_saying_span(sentence: str, q: FoundQuote) -> tuple[int, int]:
    """``(start, end)`` in ``sentence`` of the relative clause whose saying ``q`` reports ("who said on Monday
    that the talks had failed", of "Anna Berg, who said on Monday that …, said on Tuesday …"): a date in it is
    that saying's, never the main one's; ``(0, 0)`` when ``q`` is no such clause's."""
    words = q.attribution.words
    # ("Anna Berg, who said “…”, told reporters …": never "…, where she met Lavrov, who noted “…”.", the quote
    # the sentence's last saying)
    rel = re.search(r"\bwho\s", words) if q.kind == "direct" else None
    rest = sentence[q.end:]
    goes_on = _MAIN_SAID.match(sentence, q.end + len(rest) - len(rest.lstrip(" ,.;:!?”\"»’'")))
    if rel is not None and goes_on is not None and _REL_SAID.match(words, rel.start()):
        at = sentence.rfind(words, 0, q.start + 1)
        return (at + rel.start(), q.end) if at >= 0 else (0, 0)
    if q.kind == "direct" and _WHAT_CALLED.match(words):
        # ("in what Macron called “a frank exchange”", "The deal, which Lavrov called “…”, was signed on Monday":
        # his calling, never dated by the meeting or the signing; its own date only inside the clause)
        at = sentence.rfind(words, 0, q.start + 1)
        tail = re.match(r"[^,.;:!?]*", sentence[q.end:])
        return (at, q.end + (tail.end() if tail else 0)) if at >= 0 else (0, 0)
    if rel is not None and _REL_CALLED.match(words, rel.start()):
        # ("…, who called the summit “a photo opportunity” on Sunday, said …": to the clause's end, its date too;
        # also after the main saying: "Berg said on Monday …, echoing Hahn, who called it “…”.")
        at = sentence.rfind(words, 0, q.start + 1)
        tail = re.match(r"[^,.;:!?]*", sentence[q.end:])
        return (at + rel.start(), q.end + (tail.end() if tail else 0)) if at >= 0 else (0, 0)
    if q.kind != "reported" or not _REL_SAID.match(words):
        return 0, 0
    at = sentence.rfind(words, 0, q.start + 1)
    return (at, q.end) if at >= 0 else (0, 0)


def unresolved_pronoun(q: FoundQuote) -> str:
    """The "he" / "she" / "they" that attributes ``q`` when it stands for no one person the article names
    nearby (the quote unattributed, or reported speech by an unnamed speaker in the article's word), else
    ``""``: never a speaker's name, never a track."""
    p = q.attribution.person
    m = re.match(r"unnamed \(“(?P<w>[^”]*)”, as the article says\)$", p.name) if p.kind == "unnamed" else None
    if m is not None and _PRONOUN.fullmatch(m.group("w")):
        return m.group("w")
    if not p.name and q.attribution.words:
        found = _PRONOUN.search(q.attribution.words)
        return found.group(0) if found else ""
    return ""


@dataclass
class Attribution:
    """Who a claim is attributed to: ``person``, the verbatim ``words``, and
    the chain of relays beyond the article (``via``: nearest relay first)."""

    person: Person
    words: str
    via: list[Person] = field(default_factory=list)
    interview: bool = False


@dataclass
class FoundQuote:
    """A quote of one sentence: ``text == sentence[start:end]``; ``kind``
    ``"direct"`` or ``"reported"``; ``attribution`` may have an empty person
    (unattributed)."""

    text: str
    start: int
    end: int
    kind: str
    attribution: Attribution
    base: int = 0  #: offset of the sentence in the article (set by the caller)
    unclosed: bool = False
    """Reported speech that is the words after a quotation mark never closed: the speaker's own words as far as
    the article shows, so their dates count from when they were said, as a direct quote's do."""


class PersonMemory:
    """People named so far in the article: resolves "he"/"she" and surnames.

    A pronoun is the one person named with a role earlier in its sentence;
    else the last speaker of this or the previous sentence; else the one
    person named in the previous sentence; else nobody (never a guess
    between two people).  "Previous" never reaches into an earlier paragraph
    (:meth:`new_paragraph`, at a blank line of the article), but for a
    paragraph that names nobody before its "he said": that is the previous
    paragraph's speaker when it had exactly one.
    """

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.last: Person | None = None
        self.here: list[tuple[int, Person]] = []  # people named in this sentence, with offsets
        self.before: list[Person] = []  # ... in the previous sentence
        self.speaker_here: Person | None = None
        self.speaker_before: Person | None = None
        self.quoted_here: Attribution | None = None  # the last direct quote's attribution, this sentence
        self.quoted_before: Attribution | None = None  # ... in the previous sentence
        self.recent: list[str] = []  # names of the people noted, the last noted last
        self.roles_here: list[Person] = []  # people and unnamed officials named with a role, this paragraph
        self.roles_before: list[Person] = []  # ... in the previous paragraph
        self.speakers_here: dict[str, Person] = {}  # people quoted in this paragraph (:meth:`heard`)
        self.speakers_par_before: dict[str, Person] = {}  # ... in the previous paragraph
        self.named_in_paragraph = False  # anyone named in this paragraph before this sentence
        self.runs_on: int | None = None  # the opening mark of a quote this sentence ends with, going on below

    def begin(self, sentence: str) -> None:
        """Start a sentence: note the people it names with a role ("Foreign
        Secretary James Cleverly")."""
        self.named_in_paragraph = self.named_in_paragraph or bool(self.here)
        self.before = [p for _, p in self.here]
        self.speaker_before, self.speaker_here = self.speaker_here, None
        self.quoted_before, self.quoted_here = self.quoted_here, None
        self.here = []
        for m in _RUN.finditer(sentence):
            p = parse_person(m.group(0))
            if p.kind == "person" and p.role and len(p.name.split()) >= 2:
                self.here.append((m.start(), self.note(p)))
        start = dateline_length(sentence)
        start += len(sentence[start:]) - len(sentence[start:].lstrip())
        set_off = _ROLE_SET_OFF.match(sentence, start)
        if set_off is not None:  # "A spokesperson for the Kremlin, Dmitry Peskov, said": his role, his body's track
            role = set_off.group("role")
            role = re.sub(r"^(?:The|An?|Its|Their)\b", lambda w: w.group(0).lower(), role)
            self.here.append((set_off.start("name"),
                              self.note(Person(set_off.group("name"), role, country_of(role), "person"))))
        for m in re.finditer(r"\b[A-Z][\w’'-]+\b", sentence):  # "Hassan welcomed the plan.": a surname seen before
            if any(a <= m.start() < a + len(p.name) + 40 for a, p in self.here):
                continue
            full = self._known(m.group(0))
            if full is not None:
                self.here.append((m.start(), full))

    def pronoun(self, pos: int) -> Person:
        """The person "he"/"she" at offset ``pos`` of the sentence stands for
        (``kind="unknown"`` when it cannot be told)."""
        named = {p.name: p for at, p in self.here if at < pos}
        if len(named) == 1:
            return next(iter(named.values()))
        if not named:
            for sp in (self.speaker_here, self.speaker_before):
                if sp is not None and sp.kind == "person":
                    return sp
            distinct = {p.name: p for p in self.before}
            if len(distinct) == 1:
                return next(iter(distinct.values()))
            if not self.named_in_paragraph and not self.before and len(self.speakers_par_before) == 1:
                # a paragraph opening "He said …" goes on with the one person quoted in the paragraph before it
                return next(iter(self.speakers_par_before.values()))
        return Person("", "", "", "unknown")

    def new_paragraph(self) -> None:
        """The next sentence starts a paragraph: "he"/"she" no longer stands for anyone named before it."""
        self.here = []
        self.speaker_here = None
        self.roles_before, self.roles_here = self.roles_here, []
        self.speakers_par_before, self.speakers_here = self.speakers_here, {}
        self.named_in_paragraph = False

    def heard(self, quotes: list[FoundQuote]) -> None:
        """The quotes of this sentence are found: their named speakers are the paragraph's (for a "he said"
        opening the next paragraph)."""
        for q in quotes:
            p = q.attribution.person
            if p.kind == "person" and p.name:
                self.speakers_here[p.name] = p

    def with_role(self, p: Person) -> None:
        """``p`` is named with a role in this paragraph (for :meth:`role_nearby`)."""
        if p.name and all(q.name != p.name for q in self.roles_here):
            self.roles_here.append(p)

    def role_nearby(self, role: str) -> Person | None:
        """The one person or unnamed official named with ``role`` ("foreign minister") in the
        previous paragraph or this one so far ("“…,” the minister said." after "The foreign minister
        said …"); None when nobody or more than one is: a speaker is never guessed."""
        rx = re.compile(rf"\b{re.escape(role)}\b", re.I)
        fits = {p.name: p for p in self.roles_before + self.roles_here if rx.search(p.role or p.name)}
        return next(iter(fits.values())) if len(fits) == 1 else None

    def note(self, p: Person) -> Person:
        """Remember ``p`` (returns the fuller person when ``p`` is a surname seen before)."""
        if p.kind == "pronoun":
            return self.last or Person("", "", "", "unknown")
        if p.kind == "person" and p.name:
            # (a person named again in full keeps the role and body the article tied them to: one track)
            full = self._known(p.name) or self.people.get(p.name)
            if full is not None:
                p = Person(full.name, p.role or full.role, p.actor or full.actor, "person")
            self.people[p.name] = p
            if p.role:
                self.with_role(p)
            self.last = p
            if p.name in self.recent:
                self.recent.remove(p.name)
            self.recent.append(p.name)
        elif p.kind in ("office", "unnamed") and len(p.name.split()) == 1:
            full = self._known(p.name)
            if full is not None:
                self.last = full
                return full
        return p

    def by_role(self, role: str) -> Person | None:
        """The person last named with ``role`` among their role words ("the minister" after
        "foreign minister Dmytro Kuleba"); None when nobody named so far has it, or more than one person has."""
        fits = [self.people[name] for name in reversed(self.recent)
                if re.search(rf"\b{re.escape(role)}\b", self.people[name].role, re.I)]
        # two people named with that role ("Defence Minister Jan Nowak met Foreign Minister Eva Berg"): "the
        # minister" could be either, and a speaker is never guessed
        return fits[0] if len(fits) == 1 else None

    def _known(self, name: str) -> Person | None:
        """A person named in full earlier whose name ends with, or (one word)
        contains, ``name`` ("Le Drian", "Wang" of "Wang Yi"); None if none or
        if two people would fit."""
        fits = {full.name: full for full in self.people.values()
                if len(full.name) > len(name) and (full.name.endswith(" " + name) or
                                                   (" " not in name and name in full.name.split()))}
        return next(iter(fits.values())) if len(fits) == 1 else None

    def spoke(self, p: Person) -> None:
        """``p`` is the speaker of a quote of this sentence."""
        if p.kind == "person":
            self.speaker_here = p


_ROLE_SET_OFF = re.compile(
    rf"(?P<role>(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[A-Z][\w-]*[’']s)\s+[^,;:“”\"«»()]{{0,60}}?\b(?i:{ROLE_WORDS})\b"
    r"[^,;:“”\"«»()]{0,40}?),\s+(?P<name>[A-Z][\w’'.-]*(?:\s+(?:(?:de|van|von|al|bin|Le|La|da|del)\s+)?"
    r"[A-Z][\w’'.-]*){1,3}),(?=\s)")
"""A role set off by commas before the name it opens a sentence with: "A spokesperson for the Kremlin, Dmitry
Peskov," / "The head of NATO, Jens Stoltenberg," (never a clause: "After meeting the German chancellor, …")."""

_RUN = re.compile(r"(?:[A-Z][\w’'.-]*\s+|(?:[a-z]+[- ])?(?:spokes\w+|minister|secretary|president|chief|adviser|"
                  r"advisor|ambassador|director|official|leader|head|commander|envoy)\s+)+"
                  r"(?:[A-Z][\w’'-]*|von|der|de|van|Le|La|al|bin)(?:\s+(?:[A-Z][\w’'-]*|von|der|de|van|Le|La))*")


_SAYER_WORD = re.compile(rf"\b(?:{ROLE_WORDS}|{_ORG})s?\b", re.I)


def _names_someone(who: str) -> bool:
    """Whether ``who``, the words after a verb of saying at a sentence's end (its time cut off), can name who
    said it: a name (a capital: "said Berg", "said Ukraine's army") or a role or body ("said the minister",
    "said officials"); never a lower-case word that is what was said ("said goodbye", "said yes")."""
    return bool(re.search(r"\b[A-Z]", who) or _SAYER_WORD.search(who))


def _speaker(phrase: str, memory: PersonMemory, pos: int = 0, unnamed_pronoun: bool = False) -> Person:
    """The speaker a phrase names at offset ``pos`` of the sentence (pronouns
    and bare surnames resolved through ``memory``).  A "he"/"she" that stands for
    no one person is ``kind="unknown"``, or with ``unnamed_pronoun`` (reported
    speech: the claim is still someone's, never the article's fact) an unnamed
    speaker in the article's word."""
    phrase = _LEAD.sub("", phrase.strip())
    phrase = re.sub(r"^(?:[A-Z]\w+ly|Meanwhile|However|But|And|Also|Then),?\s+", "", phrase)
    # "…, echoing Peter Hahn, who called it “…”": the one named after the participle (never "echoing Peter Hahn")
    phrase = re.sub(r"^(?:echoing|citing|quoting|joining|like|unlike|following|contradicting|rebuffing)\s+"
                    r"(?=[A-Z])", "", phrase)
    if re.match(r"(?:on|in|at|by|for|to|from|with|during|after|before|last|next|this|that)\b", phrase, re.I):
        return Person("", "", "", "unknown")  # "said on Wednesday …": a time or a place, not a speaker
    if NEGATED_SUBJECT.match(phrase):  # "Nobody expected that …", "No one said …": a speaker who is no one
        return Person("", "", "", "unknown")
    phrase = _TIME_TAIL.sub("", phrase) or phrase  # "the minister on Monday": the minister
    role = _ROLE_ONLY.fullmatch(phrase)
    if role is not None:
        # "said the minister": the person the article last named with that role, else an unnamed
        # official in the article's words; a role is never a name ("minister on Monday")
        # ("the head of the mission" names whom they serve: never resolved to a "head" named elsewhere)
        named = memory.by_role(role.group("role")) if role.group("the") and not role.group("whose") else None
        p = named or Person(f"unnamed official (“{phrase}”, as the article says)", "", country_of(phrase), "unnamed")
        memory.with_role(p)
        memory.spoke(p)
        return p
    p = parse_person(phrase)
    if p.kind == "pronoun":
        p = memory.pronoun(pos)
        if p.kind == "unknown" and unnamed_pronoun:
            p = Person(f"unnamed (“{phrase}”, as the article says)", "", "", "unnamed")
    else:
        p = memory.note(p)
        if p.kind == "office" and len(p.name.split()) == 1 and not p.actor and p.name not in _ORG_WORDS:
            p = memory.note(Person(p.name, "", "", "person"))  # a surname seen for the first time
    memory.spoke(p)
    return p


def _untagged_end(words: str) -> str:
    """An attribution's words without the punctuation and the tags between it and the quote ('Peskov said
    <i>"…"</i>' -> 'Peskov said')."""
    return re.sub(rf"(?:\s*{_TAG})+\s*$", "", words.strip(" ,:")).strip(" ,:")


def _relative_head(scan: str, sentence: str, at: int) -> tuple[str, int] | None:
    """"Peskov, who spoke on Monday, said …": a relative clause (at offset ``at``) naming nobody is no
    speaker; the one it is about, before its comma, is ("The ministry, which opened an inquiry, said").
    Returns ``(words, offset)`` of that one, or None when no comma sets the clause off."""
    head = scan[:at].rstrip()
    if not head.endswith(","):
        return None
    head = head[:-1]
    who_at = max(head.rfind(",") + 1, dateline_length(sentence))
    who_at += len(head[who_at:]) - len(head[who_at:].lstrip())
    who = head[who_at:]
    return (who, who_at) if who.strip() else None


def _with_role(p: Person, role: str | None, memory: PersonMemory) -> Person:
    """``p`` with the role the article sets off by commas after their name ("Anna Berg, the mission head,
    said"), in the article's words; ``p`` itself when it is no person or ``role`` names no role."""
    if p.kind != "person" or not p.name or not role or not re.search(rf"\b(?:{ROLE_WORDS})\b", role, re.I):
        return p
    named = memory.note(Person(p.name, role.strip(), p.actor or country_of(role), "person"))
    named = Person(named.name, role.strip(), named.actor, "person")  # (this attribution's words, not an earlier role)
    memory.spoke(named)
    return named


_RELATIVE = re.compile(r"(?:which|who|whom|whose|where|when|while)\b", re.I)
"""Words that open a relative clause ("which arrived on Monday"): a speaker only when it names one."""

_ASIDE = re.compile(r",\s+(?P<pron>which|who|whose)\s+(?P<body>[^,;:“”\"«»()—–]{1,120}?)(?=,|\.?\s*$)")
"""A relative clause set off by commas: ", which arrived on Monday," (the clause before its closing comma)."""


_INNER_SAID = re.compile(r"\b(?:which|who|whose)(?P<said>,\s+(?:[\w’'-]+\s+){0,4}?(?:said|say|says|added|noted|"
                         r"reported|believe|believed|claimed|confirmed)\s*,)(?=\s+[a-z])")
"""An aside inside a relative clause: "which, officials said, arrived on Monday"."""


def blank_inner_said(sentence: str) -> str:
    """``sentence`` with an aside naming who said it inside a relative clause blanked (same length):
    "…, which, officials said, arrived on Monday, said …" reads "…, which arrived on Monday, said …", so the
    relative clause stays one clause (no speaker, never the saying's date)."""
    return _INNER_SAID.sub(lambda m: m.group(0)[:m.start("said") - m.start()] + " " * len(m.group("said")),
                           sentence)


def aside_at(sentence: str, pos: int) -> tuple[int, int, str] | None:
    """The relative clause set off by commas that holds offset ``pos`` of ``sentence`` and reports no
    saying (", which arrived on Monday,", ", who arrived on Monday,"; never ", who said on Monday,"):
    ``(start, end, pronoun)``, ``start`` the offset of the pronoun, ``end`` that of the clause's end;
    None when ``pos`` lies in no such clause.  Its date is the antecedent's, never the date of the
    sentence's saying, and what it tells is the article's account, never the speaker's words."""
    for m in _ASIDE.finditer(blank_inner_said(sentence)):  # ("which, officials said, arrived": one clause)
        if m.start("pron") <= pos < m.end() and not _VERB.search(m.group("body")) and \
                not re.search(r"\bspo(?:ke|ken|king)\b", m.group("body")):
            return m.start("pron"), m.end(), m.group("pron").lower()
    return None


_ROLE_ONLY = re.compile(rf"(?:(?P<the>[Tt]he)|an?|[Aa]n?)\s+(?:[a-z][\w-]*\s+){{0,3}}?(?P<role>{ROLE_WORDS})"
                        r"(?P<whose>\s+(?:for|of|at)\s+[^,;:]+)?", re.I)
"""A speaker named by role alone: "the minister", "a senior official", "the foreign ministry spokesman",
"a spokesman for the ministry"."""

_ORG_WORDS = {"Police", "Officials", "Organisers", "Organizers", "Diplomats", "Sources", "Analysts", "Witnesses",
              "Residents", "Authorities", "Prosecutors", "Congress", "Parliament", "Government", "Ministry"}


def _trim(sentence: str, a: int, b: int) -> tuple[int, int]:
    """Shrink ``[a, b)`` past white space and the punctuation that closes a
    sentence or a quotation inside the marks ("good sign," -> "good sign")."""
    while a < b and sentence[a] in " \t\u00a0\u202f":  # (French puts a thin space inside « … »)
        a += 1
    while b > a and sentence[b - 1] in " \t\u00a0\u202f,.;:":
        b -= 1
    return a, b


_DOCUMENT = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her|this|that|new|latest)\s+)*"
    r"(?:(?P<owner>(?:[\w.&-]+\s+){0,3}?[\w.&-]+)['’]s?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?P<doc>plans?|reports?|schedules?|statements?|documents?|timetables?|agreements?|proposals?|drafts?|"
    r"memos?|memorandum|filings?|figures|data|estimates?|stud(?:y|ies)|surveys?|analys[ie]s|assessments?|"
    r"audits?|orders?|decrees?|road\s*maps?|programmes?|programs?|budgets?|contracts?|minutes|transcripts?|"
    r"records?|resolutions?|papers?|letters?|texts?|guidelines|terms|deal|agenda|itinerary|forecasts?|"
    r"projections?|findings)"
    r"(?:\s+(?:released|issued|published|seen|obtained|drawn\s+up|prepared|drafted|filed|sent)\b(?:\s+\w+)??)?"
    r"(?:\s+(?:by|of|from)\s+(?P<by>.+))?$", re.I)
"""What "according to" names when it names a document ("the plan", "the ministry's plan", "a report by
Amnesty International", "a 2021 audit report"): never a speaker nor a track; its owner, when the words name
one, is."""


_PEOPLE_WORDS = re.compile(r"\b(?:sources?|officials?|diplomats?|people|persons?|aides?|analysts|insiders|"
                           r"familiar|close\s+to|briefed)\b", re.I)


def _according(sentence: str, memory: PersonMemory, remember: bool = True) -> tuple[Attribution, re.Match] | None:
    """The attribution of "according to X" in ``sentence`` and its match, else None.  A document ("according
    to the plan") is no one: its owner when named ("according to the ministry's plan": the ministry), else
    None (the claim is the article's, attributed to no one)."""
    m = _ACCORDING.search(sentence)
    if not m:
        return None
    who = m.group("who").strip()
    name = _TIME_TAIL.sub("", who)
    via: list[Person] = []
    person = parse_person(name)
    doc = _DOCUMENT.match(name) if person.kind not in ("office", "outlet") and not _PEOPLE_WORDS.search(name) \
        else None  # ("senior US sources familiar with … assessments": the sources, people)
    if doc is not None:
        owner = doc.group("by") or doc.group("owner")
        if not owner or not parse_person(owner).name or _DOCUMENT.match(owner):
            return None  # "according to the plan": a document, no one's word
        person = parse_person(owner)
    if remember:
        person = memory.note(person)
    cite = _CITING.match(sentence, m.end())
    words = sentence[m.start():m.end()]
    if cite:
        relay = person
        person = memory.note(parse_person(_TIME_TAIL.sub("", cite.group("who").strip())))
        via = [relay]
        words = sentence[m.start():cite.end()]
    return Attribution(person, words, via, "interview" in sentence), m


def _saying_before_echo(sentence: str, scan: str, head: int, other: Person,
                        memory: PersonMemory) -> list[FoundQuote]:
    """The reported saying of another speaker that ends where a relative clause's speaker is named at ``head``
    ("Anna Berg said on Monday that the summit was a failure, echoing Peter Hahn, who called it “…”": Berg's
    "the summit was a failure", reported), else ``[]``: the quote of the relative clause is the other's."""
    last = None
    for last in _REPORTED.finditer(scan[:head]):  # noqa: B007 - the last "X said …" before the clause
        pass
    if last is None:
        return []
    who = _speaker(last.group("who"), memory, last.start())
    if not who.name or who.kind == "unknown" or who.name == other.name:
        return []
    a = _words_start(sentence, last.end("verb"), head)
    b = head
    while b > a and sentence[b - 1] in " ,;":
        b -= 1
    if not re.match(r"(?:echoing|citing|quoting|joining|like|unlike|following|contradicting|rebuffing)\s",
                    sentence[head:]) or sentence[b:head].strip() != ",":
        return []  # (only a clause set off from the one the relative clause's speaker is set against)
    a, b = _trim(sentence, a, b)
    if b <= a + 3 or not has_verb(sentence[a:b]):
        return []
    words = sentence[last.start():last.end("verb")].strip()
    return [FoundQuote(sentence[a:b], a, b, "reported", Attribution(who, words))]


def find_quotes(sentence: str, memory: PersonMemory) -> list[FoundQuote]:
    """Direct and reported quotes of one sentence with their attribution.

    ``memory`` carries the people named in earlier sentences and is updated.
    Returns quotes in text order; offsets are relative to ``sentence``.
    """
    out = _find_quotes(sentence, memory)
    memory.heard(out)
    return out


def _find_quotes(sentence: str, memory: PersonMemory) -> list[FoundQuote]:
    out: list[FoundQuote] = []
    # the attribution is looked for with a date that opens the sentence blanked out ("On Monday Peskov said"
    # names Peskov, never "Monday Peskov"); the words quoted are cut from the sentence itself (same offsets)
    scan = blank_inner_said(marks_out_of_tags(blank_date_lead(sentence, dateline_length(sentence))))
    memory.begin(scan)
    according = _according(sentence, memory)
    # people named in the sentence before any quote, for "he said"
    direct: list[tuple[int, int, int, int]] = []  # inner a, b; outer a, b
    for m in _QUOTE.finditer(marks_out_of_tags(sentence)):  # (never the quotation marks of a tag's attribute)
        inner = next(m.span(g) for g in ("a", "b", "c", "d", "e") if m.group(g) is not None)
        if _NAMING.search(sentence[:m.start()]) and not _WHAT_CALLED.search(scan[:m.start()]):
            continue
        a, b = _trim(sentence, *inner)
        if b > a:
            direct.append((a, b, m.start(), m.end()))
    if memory.runs_on is not None and all(ob <= memory.runs_on for *_, ob in direct):
        # 'Kuleba said on Monday. "But we will listen.' with the next paragraph going on '"If they …': the words
        # are a quote of several paragraphs as news writes it (no closing mark before the break), as written
        a, b = _trim(sentence, memory.runs_on + 1, len(sentence))
        if b > a:
            direct.append((a, b, memory.runs_on, len(sentence)))
    previous: Attribution | None = None
    lead: dict[int, list[tuple[int, int, str]]] = {}  # quote number -> its speaker's reported clauses before it
    for k, (a, b, oa, ob) in enumerate(direct):
        attr: Attribution | None = None
        main_after = False
        pronoun_words = ""
        after = sentence[ob:]
        calling = _WHAT_CALLED.search(scan[:oa])  # "in what Macron called “…”": Macron's words
        ma = _AFTER.match(after) if calling is None else None
        said_end = ob  # where the quote and its attribution after it end
        if ma:
            who = ma.group("who1") or ma.group("who2")
            words_end = ob + ma.end()
            tail = re.match(r"[^,.;“\"]*", sentence[words_end:])
            said_end = words_end + (tail.end() if tail else 0)
            words = sentence[ob:words_end + (tail.end() if tail else 0)].strip(" ,")
            if who is None:  # "the minister said": only the one named nearby, else unattributed
                near = memory.role_nearby(ma.group("role3"))
                if near is not None:
                    memory.spoke(near)
                person = near or Person("", kind="unknown")
            else:
                person = _speaker(who, memory, ob)
                appos = _APPOSITIVE.match(after, ma.end("who1")) if ma.group("who1") else None
                person = _with_role(person, appos.group("role") if appos else ma.group("appos2"), memory)
            attr = Attribution(person, words, [], "interview" in words)
            if attr.person.kind == "unknown":
                if _PRONOUN.fullmatch((who or "").strip()):
                    pronoun_words = words  # '“…,” he said' with no one "he" can be: kept as the article says it
                attr = None
        if calling is not None:  # ("in what was called “…”": no one named, the quote unattributed, never dropped)
            attr = Attribution(_speaker(calling.group("who"), memory, calling.start("who")) if calling.group("who")
                               else Person("", kind="unknown"), sentence[calling.start():calling.end()].strip())
        if attr is None:
            before = scan[:oa]
            mb = _BEFORE.search(before)
            mn = _NAMED_BEFORE.search(before)
            mw = None
            for mw in _WHO.finditer(before):  # noqa: B007 - the last "X, who said" before the quote
                pass
            if mw is not None and re.search(rf",\s+(?:(?:also|later|then)\s+)?(?:{_VERBS})\b[^,;“”\"«»]*$",
                                            before[mw.end():]):
                mw = None  # "Anna Berg, who said on Monday that …, said: “…”": the quote is the main saying's
            named = _speaker(mn.group("who"), memory, mn.start()) if mn is not None and (
                mw is None or mw.start() < mn.start()) else None
            if mn is not None and named is not None and named.kind == "person":
                attr = Attribution(_with_role(named, mn.group("role"), memory),
                                   _untagged_end(sentence[mn.start():mn.end()]), [], "interview" in mn.group(0))
            elif mw is not None:
                who, who_at = mw.group("who"), mw.start()
                if has_verb(who):  # "Johnson met Biden, who called …": Biden, the name before "who", never the clause
                    last_name = re.search(r"(?<![\w’'-])[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|de|van|von|al|bin|"
                                          r"Le|La|da|del))*$", who)
                    if last_name is not None:
                        who, who_at = last_name.group(0), who_at + last_name.start()
                name = re.search(r"(?<![\w’'-])(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+$", scan[:who_at])
                if name is not None and _ROLE_ONLY.fullmatch(_TIME_TAIL.sub("", who.strip())):
                    # "Anna Lindqvist, the Swedish minister for Europe, who said …": she, in that role
                    named = _speaker(name.group(0).strip(" ,"), memory, name.start())
                    if named.kind == "person":
                        attr = Attribution(_with_role(named, who, memory), sentence[name.start():mw.end()].strip())
                attr = attr or Attribution(_speaker(who, memory, who_at), sentence[mw.start():mw.end()].strip())
                main_after = True  # ("X, who said “…”, told reporters …": the main saying goes on after the quote)
                if k == 0:
                    out.extend(_saying_before_echo(sentence, scan, mw.start(), attr.person, memory))
            elif mb is not None and not _VERB.fullmatch(mb.group("who").strip()):
                who, who_at = mb.group("who"), mb.start()
                if _RELATIVE.match(who.strip()) and not re.search(r"\s[A-Z]", _TIME_TAIL.sub("", who.strip())):
                    who, who_at = _relative_head(scan, sentence, who_at) or (who, who_at)  # "Peskov, who spoke …"
                attr = Attribution(_speaker(who, memory, who_at),
                                   _untagged_end(sentence[who_at:mb.end()]), [], "interview" in mb.group(0))
        if attr is None:
            last = None
            for last in _REPORTED.finditer(scan[:oa + 1]):  # noqa: B007 - the last "X said …" before the quote (mark)
                pass
            between = sentence[last.end("verb"):oa] if last is not None else ""
            adding = _ADDING_END.search(between)  # 'X said … that the mission had left, adding: "…"'
            own = between[:adding.start()] if adding is not None else between
            if last is not None and not _VERB.search(own) and not _OTHER_WORDS.search(own):
                who = _speaker(last.group("who"), memory, last.start())
                if who.name and who.kind != "unknown":
                    attr = Attribution(who, sentence[last.start():last.end("verb")].strip(), [], False)
                    rel = _relative_saying(sentence, last)  # "Anna Berg, who said on Monday that …, said: “…”"
                    if rel is not None and (k == 0 or rel[0] >= direct[k - 1][3]):
                        lead.setdefault(k, []).append(rel)
                    ca = _words_start(sentence, last.end("verb"), oa - len(between) + len(own))
                    ca, cb = _trim(sentence, ca, oa - len(between) + len(own))
                    if adding is not None and cb > ca + 3 and has_verb(sentence[ca:cb]) and \
                            (k == 0 or ca >= direct[k - 1][3]):
                        # its own claim: never titled with the quote added after it
                        lead.setdefault(k, []).append((ca, cb, attr.words))
        if attr is None and previous is not None and k > 0:
            gap = sentence[direct[k - 1][3]:oa]
            if len(gap) < 60:  # the second half of a quote split around "he said"
                attr = previous
        if attr is None and according is not None:
            attr = according[0]
        if (attr is None and k == 0 and len(direct) == 1 and memory.quoted_before is not None
                and not sentence[:oa].strip() and not sentence[ob:].strip(" .")):
            attr = memory.quoted_before  # "“…,” Biden said. “Every inch.”": the same speaker goes on
        if attr is not None and attr.person.kind == "unknown":
            if _PRONOUN.search(attr.words) and not pronoun_words:
                pronoun_words = attr.words  # ('He said: "…"')
            attr = None
        if attr is not None and according is not None and attr.person.name and according[0].person.name and \
                attr.person.name == according[0].person.name and according[0].words not in attr.words:
            attr = Attribution(attr.person, according[0].words + ", … " + attr.words, attr.via,
                               attr.interview or according[0].interview)
        attr = attr or Attribution(Person("", kind="unknown"), pronoun_words)
        previous = attr
        if attr.person.name:
            memory.quoted_here = attr
        for ca, cb, said_words in lead.get(k, []) if attr.person.name else []:
            out.append(FoundQuote(sentence[ca:cb], ca, cb, "reported", Attribution(attr.person, said_words)))
        out.append(FoundQuote(unescape(sentence[a:b]), a, b, "direct", attr))
        goes_from = said_end
        if main_after:  # ("…, who called the summit “a photo opportunity” on Sunday, said on Monday that …")
            when = _REL_TIME.match(sentence, goes_from)
            goes_from = when.end() if when is not None else goes_from
        more = (_MAIN_SAID if main_after else _MORE_SAID).match(sentence, goes_from) \
            if attr.person.name and k == len(direct) - 1 else None
        if more is not None:  # '“We are ready,” Berg said, adding that talks would resume on Friday.': her words,
            # reported (never a quotation), each clause a claim of its own; the quote stays as she said it
            for pa, pb in _clauses(sentence, _words_start(sentence, more.end(), len(sentence)), len(sentence)):
                if pb > pa + 3 and has_verb(sentence[pa:pb]):
                    out.append(FoundQuote(sentence[pa:pb], pa, pb, "reported", Attribution(attr.person, attr.words)))
    if direct:
        return out
    # reported speech: "X said (that) ..." (no quotation marks in the clause)
    # (a name with its role set off by commas first: it starts before the role alone would)
    for m in sorted([*_NAMED_REPORTED.finditer(scan), *_REPORTED.finditer(scan)], key=lambda x: x.start()):
        who, who_at = m.group("who"), m.start()
        relative_org = re.match(rf"(?:which|that|whom)\s+(?={_ORG}$)", who)
        if relative_org is not None:  # "The decision, which diplomats said was reached …": the diplomats said it
            who, who_at = who[relative_org.end():], who_at + relative_org.end()  # (never a speaker "The decision")
        elif _RELATIVE.match(who.strip()) and not re.search(r"\s[A-Z]", _TIME_TAIL.sub("", who.strip())):
            head = _relative_head(scan, sentence, m.start())
            if head is None:
                continue
            who, who_at = head
        if len(who.split()) > 10 or re.match(r"(?:[Tt]he|[Aa]n?|It|This|That)\b", who.strip()) and \
                parse_person(_LEAD.sub("", who)).kind not in ("office", "unnamed", "outlet"):
            continue
        person = _speaker(who, memory, who_at, unnamed_pronoun=True)
        if m.re is _NAMED_REPORTED:
            if person.kind != "person":
                continue
            person = _with_role(person, m.group("role"), memory)
        if not person.name or person.kind == "unknown":
            continue
        a, b = _trim(sentence, m.end(), len(sentence))
        when = _WHEN_SAID.match(sentence, a)  # 'Macron said on Friday "it is over.': his words, whatever their verb
        k = when.end() if when is not None else a
        opened = sentence[k:k + 1] in DOUBLE_OPENERS and k in quote_spans(sentence)[1]
        if opened:
            a = k + 1  # 'Lavrov said "we will …' with the quote never closed: his words reported, not quoted
        lead_at = dateline_length(sentence)
        comma = sentence.rfind(",", lead_at, who_at)
        set_off = re.match(r"(?:\s+(?:on|in|last|this|earlier|late)\s+(?:the\s+)?[\w’']+)?,\s+(?:after|as|while|when|"
                           r"before|because|amid|following|since)\b", sentence[m.end("verb"):])
        if not opened and set_off is not None and comma > lead_at and not sentence[comma + 1:who_at].strip() and \
                has_verb(sentence[lead_at:comma]):
            # "Envoys will meet on Thursday, the ministry said on Monday, after talks collapsed last week": the
            # ministry's words are the clause before it; what comes after is the article's
            a, b = _trim(sentence, lead_at, comma)
            out.append(FoundQuote(sentence[a:b], a, b, "reported",
                                  Attribution(person, sentence[who_at:m.end("verb")].strip(), [], False)))
            return out
        if not opened and (_ONLY_TIME.fullmatch(sentence[a:b]) or not has_verb(sentence[a:b])):
            continue  # "…, the governor said on Thursday." / "… in a statement": the claim is before the verb
        if not opened:  # "Berg said on Wednesday the report …": the saying's time, never the words said
            a = _words_start(sentence, a, b)
        acc = re.search(r",\s*according to\b", sentence[a:b]) or _TAIL_SAID.search(sentence[a:b] + ".")
        if acc:
            b = a + acc.start()
        if relative_org is not None and "," in sentence[a:b]:
            b = sentence.index(",", a, b)  # (the relative clause ends at its comma: what follows is the article's)
        via: list[Person] = []
        if m.group("cite"):
            relay = person
            person = memory.note(parse_person(m.group("cite").strip(", ")[len("citing "):]))
            via = [relay]
        # the attribution as written: its clause, from the last comma before the speaker to the verb
        start = max(sentence.rfind(",", 0, who_at) + 1, dateline_length(sentence))
        words = sentence[start:m.end()].strip(" ,")
        # "… claimed the ships had been stopped last week, and said the convoy will sail on 20 June" (or
        # "…, adding that …"): two claims of one speaker, each its own reported clause (never one holding "and said")
        # ("…, saying that …, noting that …": as many claims as clauses)
        rel = _relative_saying(sentence, m)  # "Anna Berg, who said on Monday that …, said on Tuesday …"
        if rel is not None:
            out.append(FoundQuote(sentence[rel[0]:rel[1]], rel[0], rel[1], "reported",
                                  Attribution(person, rel[2], via, "interview" in sentence)))
        for pa, pb in _clauses(sentence, a, b):
            if pb > pa + 3:
                out.append(FoundQuote(sentence[pa:pb], pa, pb, "reported",
                                      Attribution(person, words, via, "interview" in sentence), unclosed=opened))
        return out
    # "…, said the minister." / "…, the ministry said, …" / "…, Nowak added.": the speaker after the claim
    for pattern in (_TAIL_SAID_INV, _ASIDE_SAID, _TAIL_SAID):
        said = pattern.search(scan) if according is None else None
        if said is None or _markers(_TIME_TAIL.sub("", said.group("who"))):
            continue  # (", said the inspectors left on Tuesday.": a clause with its verb, not who said it)
        if pattern is _TAIL_SAID_INV and not _names_someone(_TIME_TAIL.sub("", said.group("who"))):
            continue  # ("Kharkiv, a city of a million, said goodbye on Monday.": what was said, not who said it)
        person = _speaker(said.group("who"), memory, said.start("who"), unnamed_pronoun=True)
        if pattern is _ASIDE_SAID:  # the claim after the aside
            (a, b), words = _trim(sentence, said.end(), len(sentence)), sentence[said.start():said.end()].strip(" ,")
        else:  # the claim before the attribution
            (a, b) = _trim(sentence, dateline_length(sentence), said.start())
            words = sentence[said.start():].strip(" ,.")
        opened = a in quote_spans(sentence)[1]  # '"We will never give up, Peskov said …' never closed
        if opened:
            a += 1  # (reported speech shows no quotation mark: it is no quotation)
        if person.name and person.kind != "unknown" and b > a + 3:
            lead_at = dateline_length(sentence)
            pa, pb = _trim(sentence, lead_at, said.start())
            if pattern is _ASIDE_SAID and pb > pa + 3 and has_verb(sentence[pa:pb]) and \
                    not quote_spans(sentence[pa:pb])[1]:  # "No one was killed, he said, but three …": both his
                out.append(FoundQuote(sentence[pa:pb], pa, pb, "reported", Attribution(person, words, [], False)))
            out.append(FoundQuote(sentence[a:b], a, b, "reported", Attribution(person, words, [], False),
                                  unclosed=opened))
            return out
    if according is not None:
        attr, m = according
        opening = dateline_length(sentence)  # ("KYIV (Reuters) - According to officials, …": theirs, as without it)
        if m.start() - opening <= 12 or sentence[opening:m.start()].strip() in ("Meanwhile,", "However,", "But"):
            a, b = _trim(sentence, m.end() + 1, len(sentence))
            if attr.via:
                a, b = _trim(sentence, m.end() + len(attr.words) - (m.end() - m.start()) + 1, len(sentence))
        elif sentence[m.start() + len(attr.words):].strip() in (".", ""):
            a, b = _trim(sentence, dateline_length(sentence), sentence.rfind(",", 0, m.start()))
        else:
            return out  # "…, according to X, …": no one clause is theirs
        if b > a + 3 and not attr.person.kind == "unknown":
            out.append(FoundQuote(sentence[a:b], a, b, "reported", attr))
    return out
