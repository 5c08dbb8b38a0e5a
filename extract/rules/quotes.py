"""Quotations: the words between quotation marks, with their speaker and attribution cue.

How it decides, in order:
1. Marks are paired within a paragraph: curly “…”, guillemets «…», „…“, single
   ‘…’, straight "…" and straight '…' (single marks only at word edges, since
   they double as apostrophes).  A quotation left open at the end of a paragraph
   continues only when the next paragraph opens with a mark (the news
   convention); otherwise it is *unbalanced*: no span is invented and a warning
   says where.
2. Names and scare quotes are not quotations: fewer than three words without
   sentence punctuation ("grenades", "Dirty! Greedy!" is kept), or Title Case
   words without punctuation ("A Window for Freedom").
3. The attribution passes (``PASSES``, an ordered table: the first that decides
   wins, its id opens the quotation's rule id): the cue (``reporting_verbs.yaml``)
   right after the closing mark (`,” she said`), a dash and a name, the cue right
   before the opening mark (`Ruiz said: “`), then anywhere in the sentence; its
   subject or object is the speaker phrase.
4. The speaker phrase is read by ``PHRASE_RULES`` (another ordered table): a
   person's or organization's name inside it; a pronoun or a singular descriptor
   ("the young woman") to the last person who spoke or opened a sentence; "the
   NGO", "the ministry" to the last organization so named; a group ("women",
   "police officers") kept as a label.
5. The later passes: a quotation with no cue continues the previous quotation's
   speaker in the same paragraph, or the subject of its sentence when it follows
   a colon, or the person who opens the sentence before it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from . import lexicon, matching
from .names import ORG_INTRODUCERS, REPORTING_AFTER, Entity, Mention, given_name_gender
from .results import Quotation
from .text import ABBREVIATIONS, Article, alternation, ends_with_abbreviation, once

OPENERS = {
    "“": '”"',
    "«": "»",
    "„": "“”",
    "‹": "›",
    '"': '"”',
    "‘": "’",
    "'": "'",
}  # straight and curly mix in one quotation
SINGLE = ("‘", "’", "'")  # single marks double as apostrophes: opened and closed only at word edges
MARKS = re.compile(r"[“”«»„‹›\"‘’'](?!(?<=’)[^\W_]|(?<=[^\W_]')[^\W_])(?:(?<=‘)‘|(?<=’)’)?")
"""Every quotation mark, ‘‘ and ’’ as one (two single marks for a double one), but an apostrophe inside a word
("Venezuela’s", "don't"): a ’ before a letter or digit, a ' between two, which neither open nor close anything
(a ’ closes only before a non-letter, a ' opens only after a space or an opening bracket).  One character class
first, so that the expression scans the text for it in C (an alternation first is tried at every position)."""
WORD = re.compile(r"[\w’'\-]+")


def lowered(words: list[str]) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)


def entry_words(entries: list[lexicon.Entry], entry_id: str) -> frozenset[str]:
    return frozenset(w for e in entries if e.id == entry_id for w in e.words)


@dataclass(frozen=True)
class Vocabulary:
    """The word lists the quotation rules read, from the typed lexicons, lower case (``reporting_verbs.yaml``
    says what each is for; the others come from ``roles``, ``organizations`` and ``names``)."""

    title_small_words: frozenset[str]
    title_nouns: frozenset[str]
    title_verbs: frozenset[str]
    title_verbs_after_a_work: frozenset[str]
    modified_nouns: frozenset[str]
    link_lines: tuple[str, ...]
    noun_markers: frozenset[str]
    speech_nouns: frozenset[str]
    subject_clause_openers: frozenset[str]
    subject_clause_joins: tuple[str, ...]  # in the file's order: each later join found wins
    aside_openers: frozenset[str]
    opening_participles: frozenset[str]
    organization_anaphor_articles: frozenset[str]
    clause_conjunctions: frozenset[str]
    label_determiners: frozenset[str]
    person_nouns: frozenset[str]
    not_speaker_names: frozenset[str]
    civil_anaphors: frozenset[str]
    company_anaphors: frozenset[str]
    publication_verbs: frozenset[str]
    titles: frozenset[str]  # roles.yaml: titles and roles ("minister", "dr.")
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    group_words: frozenset[str]  # every word of roles.yaml's groups ("police officers": "police", "officers")
    organization_cues: frozenset[str]  # organizations.yaml: words of organizations' names ("ministry")
    civil_words: frozenset[str]  # ... of NGO-like ones (org-civil)
    business_words: frozenset[str]  # ... of companies (org-business)
    not_names: frozenset[str]  # names.yaml
    demonyms: frozenset[str]
    stop_phrase: re.Pattern  # where a speaker's description stops: punctuation or a phrase stop (lower case only)
    definite_opening: re.Pattern  # "the spokeswoman": refers back
    descriptor_opening: re.Pattern  # "a young woman": an unnamed person, described
    descriptor_article: re.Pattern  # "A spokesman for X": a description a later pronoun may point to
    descriptor_articles: frozenset[str]
    labels_alone: frozenset[str]
    lower_case_not_cues: frozenset[str]
    civil_introducers: tuple[str, ...]
    descriptor_links: frozenset[str]
    statement_pronouns: frozenset[str]
    statement_conjunctions: frozenset[str]
    looking_back_markers: frozenset[str]
    subject_cuts: tuple[str, ...]
    speech_source: re.Pattern  # "testimonies from residents": the source of what was said follows
    organization_anaphor_opening: re.Pattern  # "the ministry said": an organization named before


@cache
def vocab() -> Vocabulary:
    rv, roles, orgs, names = lexicon.reporting_verbs(), lexicon.roles(), lexicon.organizations(), lexicon.names()
    return Vocabulary(
        title_small_words=lowered(rv.title_small_words),
        title_nouns=lowered(rv.title_nouns),
        title_verbs=lowered(rv.title_verbs),
        title_verbs_after_a_work=lowered(rv.title_verbs_after_a_work),
        modified_nouns=lowered(rv.modified_nouns),
        link_lines=tuple(rv.link_lines),
        noun_markers=lowered(rv.noun_markers),
        speech_nouns=lowered(rv.speech_nouns),
        subject_clause_openers=lowered(rv.subject_clause_openers),
        subject_clause_joins=tuple(rv.subject_clause_joins),
        aside_openers=lowered(rv.aside_openers),
        opening_participles=lowered(rv.opening_participles),
        organization_anaphor_articles=lowered(rv.organization_anaphor_articles),
        clause_conjunctions=lowered(rv.clause_conjunctions),
        label_determiners=lowered(rv.label_determiners),
        person_nouns=lowered(rv.person_nouns),
        not_speaker_names=lowered(rv.not_speaker_names),
        civil_anaphors=lowered(rv.civil_anaphors),
        company_anaphors=lowered(rv.company_anaphors),
        publication_verbs=lowered(rv.publication_verbs),
        titles=lowered([w for e in roles.titles for w in e.words]),
        person_pronouns=frozenset(roles.pronouns["person"]),
        group_pronouns=frozenset(roles.pronouns["group"]),
        group_words=frozenset(w for e in roles.groups for phrase in e.words for w in phrase.lower().split()),
        organization_cues=lowered([w for e in orgs.cues for w in e.words]),
        civil_words=entry_words(orgs.cues, "org-civil"),
        business_words=entry_words(orgs.cues, "org-business"),
        not_names=lowered(names.not_names),
        demonyms=lowered(names.demonyms),
        stop_phrase=re.compile(rf"[,;:.!?()\[\]“”\"«»—–]|\b(?:{alternation(rv.phrase_stops)})\b"),  # "WHO" is no "who"
        definite_opening=opening(rv.definite_determiners),
        descriptor_opening=opening(rv.descriptor_determiners),
        descriptor_article=opening(rv.descriptor_articles, r"\s"),
        descriptor_articles=lowered(rv.descriptor_articles),
        labels_alone=lowered(rv.labels_alone),
        lower_case_not_cues=frozenset(rv.lower_case_not_cues),
        civil_introducers=tuple(rv.civil_introducers),
        descriptor_links=lowered(rv.descriptor_links),
        statement_pronouns=lowered(rv.statement_pronouns),
        statement_conjunctions=lowered(rv.statement_conjunctions),
        looking_back_markers=lowered(rv.looking_back_markers),
        subject_cuts=tuple(f" {w} " for w in rv.subject_cuts),
        speech_source=re.compile(rf"\b(?:{alternation(rv.speech_sources)})\s+"),
        organization_anaphor_opening=opening(rv.organization_anaphor_articles),
    )


def opening(words, space: str = r"\b") -> re.Pattern:
    """A phrase opening with one of ``words`` (any case), then ``space``."""
    return re.compile(rf"\s*(?:{alternation(words)}){space}", re.I)


# 1. pairing -----------------------------------------------------------------


def is_opening_straight(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,") and not after.isspace()


def is_single_opener(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def is_single_closer(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not after.isalnum() and not before.isspace()


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_curly_closer(text: str, pos: int) -> bool:
    """Whether an opening-shaped “ closes a quotation instead (`“It's over,“ she said`): it follows a
    word or punctuation and stands before a space or the end."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:")


def closes(opener: str, mark: str, text: str, pos: int) -> bool:
    if mark == "’’":
        return opener in ("“", '"')  # two single closing marks for one double one
    if mark == "“" and opener == "“":
        return is_curly_closer(text, pos)
    return mark in OPENERS[opener] and (mark not in SINGLE or is_single_closer(text, pos))


def pair_marks(article: Article) -> list[Quotation]:
    """Quotation spans (inside the marks); unbalanced marks become warnings, not spans."""
    text = article.text
    found: list[Quotation] = []
    pending_continuation = False
    for p_start, p_end in article.paragraph_spans:
        opened: tuple[str, int, int] | None = None  # (mark, position, length)
        continued_here = pending_continuation
        pending_continuation = False
        for match in MARKS.finditer(text, p_start, p_end):
            mark, pos = match.group(), match.start()
            if opened is None:
                if mark in ("‘", "'") and not is_single_opener(text, pos):
                    continue
                if mark in ("’", "’’"):
                    continue  # an apostrophe
                if mark == '"' and not is_opening_straight(text, pos):
                    warn(article, "unbalanced-quotation-mark", pos, "a closing mark with no opening mark")
                    continue
                if mark in ("”", "»", "›"):
                    warn(article, "unbalanced-quotation-mark", pos, "a closing mark with no opening mark")
                    continue
                opened = ("“", pos, 2) if mark == "‘‘" else (mark, pos, 1)
                continue
            opener, open_pos, open_len = opened
            if closes(opener, mark, text, pos):
                start, end = trimmed(text, open_pos + open_len, pos)
                if end > start:
                    found.append(
                        Quotation(
                            start,
                            end,
                            open_pos,
                            pos + len(mark) - 1,
                            continued=continued_here and not (found and found[-1].start >= p_start),
                        )
                    )
                opened = None
                continued_here = False
            elif mark in SINGLE:
                continue  # a single mark inside a quotation: a nested quotation or an apostrophe
            elif mark in OPENERS and (mark != opener or mark in "“«„‹"):  # single marks were handled above
                warn(article, "unbalanced-quotation-mark", open_pos, "an opening mark is never closed in its paragraph")
                opened = (mark, pos, 1)
        if opened is not None:
            opener, open_pos, open_len = opened
            nxt = next_paragraph_start(text, p_end)
            if nxt is not None and text[nxt] == opener and opener not in SINGLE:
                start, end = trimmed(text, open_pos + open_len, p_end)
                if end > start:
                    found.append(Quotation(start, end, open_pos, p_end, continues=True, continued=continued_here))
                pending_continuation = True
            elif opener not in SINGLE:  # an unclosed single mark is taken for an apostrophe ("'90s")
                warn(article, "unbalanced-quotation-mark", open_pos, "an opening mark is never closed in its paragraph")
    return found


SPACES = re.compile(r"\s*")


def next_paragraph_start(text: str, p_end: int) -> int | None:
    match = SPACES.match(text, p_end)
    pos = match.end()
    return pos if pos < len(text) else None


def warn(article: Article, kind: str, pos: int, note: str) -> None:
    article.warnings.append({"type": kind, "char": pos, "note": note})


# 2. names and scare quotes ---------------------------------------------------


def is_quotation(text: str, words: list[str] | None = None) -> bool:
    """Whether the words inside marks are speech: three words or more, or fewer with sentence punctuation
    (``words``: ``WORD.findall(text)``, when the caller has them)."""
    words = WORD.findall(text) if words is None else words
    if len(words) >= 3:
        return True
    if len(words) == 1:
        return "!" in text or "?" in text  # "Thieves!" is shouted; "responsibility." is a word held at arm's length
    return any(c in text for c in ".!?")


def is_title_case(text: str, words: list[str] | None = None) -> bool:
    """Words in Title Case with no sentence punctuation but a final comma or period, inside marks
    ("Meet the Press.", "Crippled America: How to Win,"): a title or a name, not speech.  ALL-CAPS
    words and a "!" or "?" are speech ("WE WANT JUSTICE", "Lock Her Up!")."""
    body = text.rstrip(" ,.")
    if TITLE_BREAKERS.search(body) or not LOWER_LETTER.search(body):
        return False
    words = WORD.findall(body) if words is None else words  # the same words: WORD holds none of " ,."
    if len(words) < 2:
        return False
    small = vocab().title_small_words
    # every content word (not a small word, not a number) capitalized, and one at least: read word by word, so
    # that speech ("We want ...") stops at its first lower-case content word
    has_content = False
    for w in words:
        if w[0].isupper():
            has_content = has_content or w.lower() not in small
        elif not w[0].isdigit() and w.lower() not in small:
            return False
    return has_content


TITLE_BREAKERS = re.compile(r"[.!?…;]")
LOWER_LETTER = re.compile(r"[a-z]")


def names_a_work(text: str, quote: Quotation) -> bool:
    """Whether the marks hold a title or a label by what stands right around them: a work named just
    before ("the book “…”", "a film titled “…”", "a play called “…”"), or a noun the quoted words modify
    just after ("“…” signs")."""
    last, prior = last_two_words(text, quote.open_mark)
    if last:
        if last in vocab().title_nouns or last in vocab().title_verbs:
            return True
        if last in vocab().title_verbs_after_a_work and (prior in vocab().title_nouns or last in vocab().labels_alone):
            return True
    after = WORD_AFTER_MARK.match(text, quote.close_mark + 1, quote.close_mark + 30)
    return bool(after) and quote.text[-1:] not in ",.!?:;" and after.group(1).lower() in vocab().modified_nouns


WORD_AFTER_MARK = re.compile(r"[ \u00a0]+([\w\-]+)")


LAST_TWO_WORDS_REVERSED = re.compile(r"[ \u00a0]*,?[ \u00a0]*([\w\-]+)(?:[ \u00a0]+([\w\-]+))?")


def last_two_words(text: str, end: int, reach: int = 60) -> tuple[str, str]:
    """The last two words (letters, digits, "_" and "-") before ``end``, lower case, in the same clause:
    spaces and one comma may follow the last; "" where there is none.  Matched on the reversed window
    from its start (a regular expression anchored at the end would try every start in the window)."""
    match = LAST_TWO_WORDS_REVERSED.match(text[max(0, end - reach) : end][::-1])
    if match is None:
        return "", ""
    return match.group(1)[::-1].lower(), (match.group(2) or "")[::-1].lower()


@cache
def link_line_pattern() -> re.Pattern:
    words = alternation(vocab().link_lines)
    return re.compile(rf"\s*(?:{words})\s*[:|]", re.I)


def is_page_furniture(article: Article, quote: Quotation, words: list[str] | None = None) -> bool:
    """A link line ("READ MORE: “…”") or a sub-heading: a paragraph that is one short quotation with
    no sentence punctuation, standing alone between paragraphs."""
    text = article.text
    p_start, p_end = article.paragraph_bounds(quote.open_mark)
    if link_line_pattern().match(text, p_start):
        return True
    alone = not text[p_start : quote.open_mark].strip() and not text[quote.close_mark + 1 : p_end].strip()
    if not alone or quote.text[-1:] in ".!?,;:…":
        return False
    return len(WORD.findall(quote.text) if words is None else words) <= 12


@cache
def pronoun_words() -> frozenset[str]:
    return vocab().person_pronouns | vocab().group_pronouns


def kind_of(quote: Quotation, text: str) -> str:
    first = next((c for c in quote.text if c.isalpha()), "")
    before = text[max(0, quote.open_mark - 2) : quote.open_mark].strip()
    if quote.continued or (
        first.isupper() and (not before or before[-1] in ":,.—–-" or before[-1:].isalpha() is False)
    ):
        return "direct"
    return "direct" if first.isupper() and quote.text[-1:] in (".", "!", "?", ",") else "partial"


# 3. cues -------------------------------------------------------------------


@cache
def cue_words() -> dict[str, str]:
    """verb (lower case) -> its cue id."""
    return {str(w).lower(): e.id for e in lexicon.reporting_verbs().verbs for w in e.words}


@cache
def cue_phrases() -> list[tuple[re.Pattern, str, str]]:
    table = []
    for entry in lexicon.reporting_verbs().phrases:
        for phrase in entry.words:
            flags = 0 if any(c.isupper() for c in phrase) else re.I
            table.append((re.compile(rf"\b{re.escape(phrase)}\b", flags), entry.id, phrase))
    for entry in lexicon.reporting_verbs().verbs:
        for phrase in entry.words:
            if " " in phrase:
                table.append((re.compile(rf"\b{re.escape(phrase)}\b", re.I), entry.id, phrase))
    return table


@dataclass
class Cue:
    start: int
    end: int
    text: str
    cue_id: str


@cache
def cue_phrase_table() -> dict[str, list[str]]:
    """Every cue word and phrase by cue id (matched with the other tables, see ``matching``)."""
    phrases: dict[str, list[str]] = {}
    for word, cue_id in cue_words().items():
        phrases.setdefault(cue_id, []).append(word)
    for _, cue_id, phrase in cue_phrases():
        phrases.setdefault(cue_id, []).append(phrase)
    return {cue_id: sorted(set(words)) for cue_id, words in phrases.items()}


def find_cues(article: Article) -> list[Cue]:
    """Every cue of the article, in order (``Context.cues`` keeps them for the article's quotations)."""
    found, last_end = [], -1
    for cue_id, start, end in sorted(matching.matches(article, "cues"), key=lambda m: (m[1], -m[2])):
        if start < last_end:
            continue  # the longer phrase that starts here won ("according to" over "to")
        start_char, end_char = article.char_bounds(start, end)
        cue_text = article.text[start_char:end_char]
        if cue_text in vocab().lower_case_not_cues:
            continue  # "on X" is the network, "on x" a preposition and a letter
        if start and end - start == 1 and previous_word(article, start) in vocab().noun_markers:
            continue  # "the state of Aragua", "a report", "his claim": a noun, not a verb of speech
        found.append(Cue(start_char, end_char, cue_text, cue_id))
        last_end = end
    return found


def previous_word(article: Article, token: int) -> str:
    return article.token_text(token - 1).lower()


# 3b. names beside cues -------------------------------------------------------

NAME_WORD = r"[A-Z][\w’'\-]*\w"
NAME_RUN = rf"{NAME_WORD}(?:[ \u00a0]{NAME_WORD}){{0,2}}"
NAME_ADVERBS = tuple(lexicon.reporting_verbs().name_adverbs)  # lexicons/reporting_verbs.yaml
NAME_BEFORE_CUE = re.compile(
    rf"([A-Z](?<![\w’'\-.][A-Z])[\w’'\-]*\w(?:[ \u00a0]{NAME_WORD}){{0,2}})[ \u00a0]+(?:(?:{'|'.join(NAME_ADVERBS)})[ \u00a0]+)?$"
)
"""``NAME_RUN`` ending at a cue, with no word character, mark or dot against its first capital.  The capital comes
first and the look at the character before it second: the search then skips to the capitals of its window in C (a
pattern opening with the look behind is tried at each of its 60 characters)."""
NAME_AFTER_CUE = re.compile(rf"[ \u00a0]+({NAME_RUN})(?=[ \u00a0]*(?:[.,;:!?“\"(]|$))")


@cache
def speaker_name_stop_words() -> frozenset[str]:
    """Capitalized words that are no speaker's name beside a cue: stop words, titles, pronouns, groups,
    demonyms, organization nouns, verbs of speech."""
    return frozenset(
        vocab().not_names
        | vocab().demonyms
        | vocab().titles
        | vocab().group_words
        | vocab().organization_cues
        | pronoun_words()
        | vocab().label_determiners
        | set(cue_words())
        | vocab().not_speaker_names
    )


LOWER_CASE_WORD = re.compile(r"[a-z][a-z’'\-]*")
LOWER_CASE_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz’'-")


def writes_in_lower_case(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` (lower case) as a whole word somewhere: a common word, whatever its
    capital elsewhere ("Officials said" in an article that says "officials").  A word of lower-case letters,
    apostrophes and hyphens ("he's" of "He's" is one: a capitalized word with an apostrophe or a hyphen must be
    found too, else "He's" becomes a speaker's name), not inside a longer word: no letter, digit, "_",
    apostrophe or hyphen before it, no lower-case letter, apostrophe or hyphen after it.  Looked up word by
    word with ``str.find``: a set of every lower-case word of the article cost more than all its lookups."""
    if not LOWER_CASE_WORD.fullmatch(word):
        return False
    length, at = len(word), text.find(word)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + length : at + length + 1]
        if not (before.isalnum() or before in "_’'-") and after not in LOWER_CASE_WORD_CHARS:
            return True
        at = text.find(word, at + 1)
    return False


def capital_before(text: str, pos: int) -> bool:
    """Whether a capitalized word, or an adverb that may follow a name ("Hale also said"), ends right
    before ``pos``: a cheap test before the name pattern is tried there."""
    head = text[max(0, pos - 40) : pos].replace("\u00a0", " ").rstrip(" ")
    word = head[max(head.rfind(" "), head.rfind("\n")) + 1 :].lstrip("“\"‘'([—–-")
    return bool(word) and (word[0].isupper() or word in NAME_ADVERBS)


def names_beside_cues(ctx: Context) -> list[tuple[int, int, str, str]]:
    """Capitalized names right before a cue (`” Hale said.`, `Hale also said`) or right after one and
    closing the clause (`said Hale.`, `Said Hale: “`, `according to Hale,`), outside quotation marks,
    that no entity mention covers: the names stage leaves a lone surname without a type, but the cue is
    evidence that it names a speaker.  Not a name: a stop word, a title, a pronoun, a group, or a word
    the article also writes in lower case ("Officials said", "Critics say").  Each with its cue's words."""
    text = ctx.article.text
    stop = speaker_name_stop_words()
    found: dict[int, tuple[int, int, str, str]] = {}
    for cue in ctx.free_cues:
        hits = [NAME_AFTER_CUE.match(text, cue.end)]
        if cue.cue_id not in ("cue-according-to", "cue-in-a-statement", "cue-on-social") and capital_before(
            text, cue.start
        ):
            line_start = text.rfind("\n", 0, cue.start) + 1
            hits.append(NAME_BEFORE_CUE.search(text, max(line_start, cue.start - 60), cue.start))
        for hit in hits:
            if hit is None:
                continue
            start, end = hit.span(1)
            words = hit.group(1).split()
            if ctx.overlaps_mention(start, end) or any(w.lower() in stop for w in words):
                continue
            if not writes_in_lower_case(text, words[0].lower()):
                found[start] = (start, end, hit.group(1), cue.text.lower())
    return sorted(found.values())


def other_mentions(text: str, name: str) -> list[tuple[int, int]]:
    r"""(start, end) of every mention of ``name`` in ``text`` as whole words: no word character, mark or hyphen
    against it (what ``(?<![\w’'\-])NAME(?![\w\-])`` finds, from left to right, none overlapping).  Found with
    ``str.find`` and a look at the two characters beside each: a name's expression was compiled for each new
    name, about a millisecond, in every article with a speaker named beside a cue."""
    spans, at, size, length = [], text.find(name), len(name), len(text)
    while at != -1:
        end = at + size
        before, after = text[at - 1] if at else " ", text[end] if end < length else " "
        if not (before.isalnum() or before in "_’'-") and not (after.isalnum() or after in "_-"):
            spans.append((at, end))
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)
    return spans


def add_speaker_names(ctx: Context) -> None:
    """Entities for the names beside cues, for speakers only (the names stage publishes persons): a
    surname of a person already named joins that person ("Hale" of "Dana Hale"); the others become a
    person each, with every other mention of the same words in the article; but a name found only
    beside a verb of publication ("Politico reported") is a publication, an organization."""
    text = ctx.article.text
    names = names_beside_cues(ctx)
    if not names:
        return
    by_last: dict[str, Entity] = {}
    for entity in ctx.entities:
        if entity.kind == "person":
            for name in [entity.name, *entity.aliases]:
                by_last.setdefault(name.split()[-1], entity) if name.split() else None
    published_only = {name for *_, name, _ in names} - {
        name for *_, name, cue in names if cue not in vocab().publication_verbs
    }
    added: dict[str, Entity] = {}
    for _, _, name, _ in names:
        if name in added:
            continue
        known = by_last.get(name)
        organization = (name.isupper() and len(name) > 1) or name in published_only
        entity = Entity(
            known.kind if known else ("organization" if organization else "person"),
            known.name if known else name,
            role=known.role if known else None,
            known_id=known.known_id if known else None,
        )
        for start, end in other_mentions(text, name):
            if not ctx.overlaps_mention(start, end):
                entity.mentions.append(Mention(start, end, name, "speaker-name-beside-cue"))
        if entity.mentions:
            added[name] = entity
    ctx.add_entities(list(added.values()))


# 4. speakers ---------------------------------------------------------------


def backwards(items: list, end: int) -> Iterator:
    """``items[:end]`` from the last to the first, without copying them (``reversed(items[:end])`` copied the
    list's head for every lookup: every quotation looks back through the article's mentions and subjects)."""
    return itertools.islice(reversed(items), len(items) - end, None)


PRONOUN_REACH = 1000  # characters back that "she" or "he" may point to a person merely named


@dataclass
class Context:
    article: Article
    entities: list[Entity]
    quotes: list[Quotation]
    subjects: list[tuple[int, Entity]] = field(default_factory=list)  # persons who spoke or opened a sentence
    groups: list[tuple[int, str]] = field(default_factory=list)
    used_cues: set[int] = field(default_factory=set)  # cues that attributed the quotation just before them
    genders: dict[str, str] = field(default_factory=dict)  # person name -> "female" | "male", when the text tells
    descriptors: list[tuple[int, str, str | None]] = field(
        default_factory=list
    )  # unnamed speakers: (cue, label, gender)

    def __post_init__(self) -> None:
        # sorted indexes, so that every lookup is a bisection: an article may hold thousands of quotations
        self.entities = list(self.entities)
        self.index_mentions()
        self.open_marks = sorted(q.open_mark for q in self.quotes)
        self.spans_by_open = sorted(self.quotes, key=lambda q: q.open_mark)
        self.close_marks = sorted(q.close_mark for q in self.quotes)

    def index_mentions(self) -> None:
        self.mention_index = sorted(
            ((m.start, m.end, e) for e in self.entities for m in e.mentions), key=lambda x: (x[0], x[1])
        )
        self.mention_starts = [x[0] for x in self.mention_index]
        self.mention_ends = [x[1] for x in self.mention_index]

    def add_entities(self, entities: list[Entity]) -> None:
        if entities:
            self.entities.extend(entities)
            self.index_mentions()

    def overlaps_mention(self, start: int, end: int) -> bool:
        """Whether text[start:end] overlaps an entity mention."""
        i = bisect.bisect_left(self.mention_starts, end)
        return any(self.mention_ends[j] > start for j in range(max(0, i - 4), i))

    def entity_mentions(self, start: int, end: int, kind: str | None = None) -> list[tuple[int, Entity]]:
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        return [(s, e) for s, m_end, e in self.mention_index[lo:hi] if m_end <= end and (not kind or e.kind == kind)]

    def add_subject(self, at: int, entity: Entity) -> None:
        bisect.insort(self.subjects, (at, entity), key=lambda s: s[0])

    def last_subject_before(self, pos: int, gender: str | None = None) -> Entity | None:
        """The last person before ``pos`` who spoke or opened a sentence; with a ``gender`` (from "he",
        "she", "the spokeswoman"), the last one not known to be of the other gender."""
        i = bisect.bisect_left(self.subjects, pos, key=lambda s: s[0])
        if not i:
            return None
        if gender:
            for _, entity in backwards(self.subjects, i):
                if self.genders.get(entity.name) in (None, gender):
                    return entity  # the nearest one who may be "she": a man named since is passed over
            j = bisect.bisect_left(self.mention_starts, pos)
            for start, _, entity in backwards(self.mention_index, j):
                if start < pos - PRONOUN_REACH:
                    break  # a pronoun points to someone named recently, not pages before
                if entity.kind == "person" and self.genders.get(entity.name) == gender:
                    return entity  # no subject fits: the nearest person named who is known to
        return self.subjects[i - 1][1]  # the text's own clues may be wrong (a translated "his"): the nearest then

    def subject_position(self, entity: Entity, pos: int) -> int:
        """Where ``entity`` last spoke or opened a sentence before ``pos`` (-1 if never)."""
        i = bisect.bisect_left(self.subjects, pos, key=lambda s: s[0])
        return next((at for at, e in backwards(self.subjects, i) if e is entity), -1)

    def last_descriptor_before(self, pos: int, gender: str | None) -> tuple[int, str, str | None] | None:
        """The last unnamed speaker ("a spokesman for the organisers said") before ``pos`` who may be ``gender``."""
        i = bisect.bisect_left(self.descriptors, pos, key=lambda d: d[0])
        return next((d for d in backwards(self.descriptors, i) if d[2] in (None, gender) or gender is None), None)

    @once
    def openings(self) -> frozenset[int]:
        """Where every sentence and every paragraph starts (a name there opens its sentence), read once."""
        return frozenset(self.article.sentence_starts) | frozenset(self.article.paragraph_starts)

    @once
    def cues(self) -> list[Cue]:
        """Every cue of the article, found once."""
        return find_cues(self.article)

    @once
    def free_cues(self) -> list[Cue]:
        """The article's cues that stand outside every quotation's marks and every name ("the Lakeside
        Post reported": "Post" is no verb of speech there), found once."""
        return [c for c in self.outside_quotes(self.cues) if not self.overlaps_mention(c.start, c.end)]

    @once
    def free_cue_starts(self) -> list[int]:
        return [c.start for c in self.free_cues]

    def cues_outside(self, start: int, end: int) -> list[Cue]:
        """The cues in text[start:end] outside quotation marks, in order."""
        lo = bisect.bisect_left(self.free_cue_starts, start)
        hi = bisect.bisect_left(self.free_cue_starts, end)
        return [c for c in self.free_cues[lo:hi] if c.end <= end]

    def outside_quotes(self, cues: list[Cue]) -> list[Cue]:
        """The cues that stand outside every quotation's marks."""
        spans = self.spans_by_open
        kept = []
        open_marks = self.open_marks  # the spans' opening marks, in the same order
        for cue in cues:
            i = bisect.bisect_right(open_marks, cue.start)
            if not (i and spans[i - 1].open_mark <= cue.start < spans[i - 1].close_mark):
                kept.append(cue)
        return kept

    def next_open_after(self, pos: int, limit: int) -> int:
        i = bisect.bisect_right(self.open_marks, pos)
        return self.open_marks[i] if i < len(self.open_marks) and self.open_marks[i] < limit else limit

    def last_close_before(self, pos: int, floor: int) -> int:
        i = bisect.bisect_left(self.close_marks, pos)
        return self.close_marks[i - 1] if i and self.close_marks[i - 1] >= floor else floor - 1

    def last_organization_named(self, noun: str, pos: int) -> Entity | None:
        """The organization last mentioned before ``pos`` whose name holds ``noun`` ("the observatory");
        for "the NGO" or "the organization", the last NGO-like one."""
        generic = noun in vocab().civil_anaphors
        company = noun in vocab().company_anaphors
        i = bisect.bisect_left(self.mention_starts, pos)
        for start, _, entity in backwards(self.mention_index, i):
            if entity.kind != "organization":
                continue
            if any(noun in n.lower() for n in [entity.name, *entity.aliases]):
                return entity
            if self.article.text[max(0, start - 40) : start].lower().rstrip().endswith(noun):
                return entity  # "the company said" after "streaming company Nordtone"
            if generic and is_civil(entity, self.article.text):
                return entity
            if company and is_company(entity):
                return entity  # "the company said" after "Nordvale Mining Ltd"
        return None


def is_company(entity: Entity) -> bool:
    """A company: a business cue in its name ("Ltd", "Corp", "Holdings")."""
    return any(w.lower() in vocab().business_words for n in [entity.name, *entity.aliases] for w in n.split())


def is_civil(entity: Entity, text: str) -> bool:
    """An NGO-like organization: a civil-society cue in its name, or introduced as "the NGO …"."""
    words = {w.lower() for n in [entity.name, *entity.aliases] for w in n.split()}
    if words & vocab().civil_words:
        return True
    return any(
        text[max(0, m.start - 6) : m.start].lower().strip(' “"').endswith(vocab().civil_introducers)
        for m in entity.mentions
    )


def clean_label(words: list[str]) -> list[str]:
    while words and words[0].lower() in vocab().label_determiners:
        words = words[1:]
    return words


PRONOUN_ASIDE = re.compile(r"[,—–]\s*([A-Za-z]+)\s*$")


def names_a_person(word: str) -> bool:
    """Whether a lower-case word names one person: "commander", "spokesman", "mother"."""
    return word in vocab().person_nouns or word in vocab().titles


@dataclass(frozen=True)
class Speaker:
    """Who said a quotation: a name or a label, its type (person, organization, group), and the id of the
    phrase rule that read it (None when an attribution pass decided it whole)."""

    name: str
    kind: str
    rule: str | None = None
    known_id: str | None = None

    @classmethod
    def of(cls, entity: Entity, rule: str | None = None, kind: str | None = None) -> Speaker:
        return cls(entity.name, kind or entity.kind, rule, entity.known_id)


NOBODY = Speaker("", "", "nobody")
"""A phrase rule's decision that the phrase names no speaker: the table stops there (no later rule guesses)."""


@dataclass
class Phrase:
    """A speaker phrase, the words a cue points to (text[start:end], leading punctuation skipped), read once
    for the rules of ``PHRASE_RULES``.  ``words`` are the head's words (up to the first stop word or mark)
    without determiners; ``said`` the same words, or the pronoun of an aside ("The plan, he said, …")."""

    ctx: Context
    start: int
    end: int
    quote_pos: int
    persons: list[tuple[int, Entity]]
    organizations: list[tuple[int, Entity]]  # named in the head, not in an aside
    phrase: str
    head: str
    words: list[str]

    @classmethod
    def read(cls, ctx: Context, start: int, end: int, quote_pos: int) -> Phrase:
        text = ctx.article.text
        persons = ctx.entity_mentions(start, end, "person")
        organizations = ctx.entity_mentions(start, end, "organization")
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        phrase = text[start:end]
        stop = vocab().stop_phrase.search(phrase)
        head = phrase[: stop.start()] if stop and stop.start() > 0 else phrase
        organizations = [o for o in organizations if o[0] < start + len(head)]
        return cls(ctx, start, end, quote_pos, persons, organizations, phrase, head, clean_label(WORD.findall(head)))

    @once
    def lowered(self) -> list[str]:
        return [w.lower() for w in self.words]

    @once
    def said(self) -> list[str]:
        aside = PRONOUN_ASIDE.search(self.phrase)
        if aside and aside.group(1).lower() in pronoun_words():
            return [aside.group(1)]  # "The government, he said, was …": "he" speaks
        return self.words

    @once
    def said_lowered(self) -> list[str]:
        return [w.lower() for w in self.said]

    @property
    def first(self) -> str:
        return self.said_lowered[0]

    @once
    def gender(self) -> str | None:
        return gender_of_words(self.said_lowered)

    @once
    def refers_back(self) -> bool:
        """A personal pronoun, or "the" and a noun of one person ("the spokeswoman", "the 33-year-old forward")."""
        lowered = self.said_lowered
        return self.first in vocab().person_pronouns or bool(
            vocab().definite_opening.match(self.head)
            and (
                len(lowered) <= 3
                and lowered[-1] in vocab().person_nouns
                or any(w.endswith("-year-old") for w in lowered[:2])
            )
        )

    @once
    def antecedent(self) -> Entity | None:
        """The person a pronoun or "the official" points back to: the last one who spoke or opened a sentence."""
        return self.ctx.last_subject_before(self.quote_pos, self.gender)

    @once
    def org_nouns(self) -> list[int]:
        """Where an organization noun stands in the first three words of a "the …" phrase ("the ministry")."""
        if not vocab().organization_anaphor_opening.match(self.head):
            return []
        cues = vocab().organization_cues
        return [i for i, w in enumerate(self.said_lowered[:3]) if w in cues or w in ORG_INTRODUCERS]


Decision = Speaker | None
"""What a phrase rule decides: a speaker, ``NOBODY`` (no speaker, stop), or None (not mine: the next rule)."""


def rule_name(p: Phrase) -> Decision:
    """A person named in the phrase's head is the speaker, unless a possessor ("Ruiz’s aide"); with none
    there, one named right after the head's comma ("said Ruiz’s campaign manager, Tomas Brandvik, who met
    Ana Ruiz"), else the first person of the phrase when no possessor stands in the head (the head is cut
    at words like "in": "in an interview with Ana Ruiz")."""
    text, head_end = p.ctx.article.text, p.start + len(p.head)
    in_head = [(s, e) for s, e in p.persons if s < head_end]
    speakers = [e for s, e in in_head if not POSSESSIVE.match(text, mention_end(e, s))]
    if speakers:
        return Speaker.of(speakers[0], "speaker-name", "person")
    after = APPOSITION.match(text, head_end)
    if after:
        named = [e for s, e in p.persons if s == after.end()]
        if named:
            return Speaker.of(named[0], "speaker-name", "person")
    if p.persons and not in_head:
        return Speaker.of(p.persons[0][1], "speaker-name", "person")  # "in an interview with Ana Ruiz"
    return None


APPOSITION = re.compile(r"[ \u00a0]*,[ \u00a0]*")


def mention_end(entity: Entity, start: int) -> int:
    return next(m.end for m in entity.mentions if m.start == start)


def rule_speech_source(p: Phrase) -> Decision:
    """ "testimonies from residents", "reports by witnesses": the source of what was said speaks."""
    if not (p.lowered and p.lowered[0] in vocab().speech_nouns):
        return None  # the cheap test first: the source expression is tried at every word of the phrase
    source = vocab().speech_source.search(p.phrase)
    if source:
        return resolve_phrase(p.ctx, p.start + source.end(), p.end, p.quote_pos) or NOBODY
    return None


def rule_organization(p: Phrase) -> Decision:
    """An organization named in the head, unless a group of it or one of its people speaks ("An RSF commander")."""
    if p.organizations and not (p.lowered and p.lowered[-1] in vocab().group_words):
        if not any(names_a_person(w) for w in p.lowered[:4]):
            return Speaker.of(p.organizations[0][1], "speaker-organization", "organization")
    return None


def rule_no_words(p: Phrase) -> Decision:
    """No word left to read: nobody."""
    return NOBODY if not p.lowered else None


def rule_pronoun_descriptor(p: Phrase) -> Decision:
    """ "A spokesman for the organisers said …" then `“…,” he said`: the unnamed speaker, when no person
    spoke or opened a sentence since."""
    if not (p.refers_back and p.first in vocab().person_pronouns):
        return None
    unnamed = p.ctx.last_descriptor_before(p.quote_pos, p.gender)
    entity = p.antecedent
    if unnamed and (entity is None or unnamed[0] > p.ctx.subject_position(entity, p.quote_pos)):
        return Speaker(unnamed[1], "person", "speaker-pronoun-descriptor")
    return None


def rule_pronoun(p: Phrase) -> Decision:
    """A pronoun or "the official": the person it points back to."""
    if p.refers_back and p.antecedent:
        return Speaker.of(p.antecedent, "speaker-pronoun", "person")
    return None


def rule_pronoun_unresolved(p: Phrase) -> Decision:
    """A personal pronoun that points to nobody known: nobody ("the official" falls through to a label)."""
    return NOBODY if p.first in vocab().person_pronouns else None


def rule_group_pronoun(p: Phrase) -> Decision:
    """ "they said": the last group that spoke, else nobody."""
    if p.first not in vocab().group_pronouns:
        return None
    groups = p.ctx.groups
    return Speaker(groups[-1][1], "group", "speaker-pronoun-group") if groups else NOBODY


def rule_organization_anaphor(p: Phrase) -> Decision:
    """ "the ministry said": the last organization so named (or, for "the NGO", the last NGO-like one)."""
    if p.org_nouns and p.org_nouns[0] == 0:
        entity = p.ctx.last_organization_named(p.said_lowered[0], p.quote_pos) or organization_that_spoke(p)
        if entity:
            return Speaker.of(entity, "speaker-organization-anaphor", "organization")
    return None


def organization_that_spoke(p: Phrase) -> Entity | None:
    """No organization's name holds the noun ("the office said"): the organization that opens the subject
    of the last cue before, in the same paragraph ("The Harbour Safety Board said in a statement …")."""
    ctx = p.ctx
    p_start = ctx.article.paragraph_bounds(p.quote_pos)[0]
    cues = [c for c in ctx.cues_outside(p_start, min(p.start, p.quote_pos)) if c.end <= p.quote_pos]
    if not cues:
        return None
    cue = cues[-1]
    start, end = subject_span(ctx.article.text, max(ctx.article.sentence_bounds(cue.start)[0], p_start), cue)
    first = ctx.entity_mentions(start, end)[:1]
    for m_start, entity in first:
        if entity.kind == "organization" and only_an_article(ctx.article.text[start:m_start]):
            return entity
    return None


def only_an_article(prefix: str) -> bool:
    """Nothing, or only a definite article, before the organization's name."""
    words = prefix.split()
    return not words or len(words) == 1 and words[0].lower() in vocab().organization_anaphor_articles


def rule_organization_label(p: Phrase) -> Decision:
    """ "the state prosecutor's office said" with no such organization named: the label itself."""
    if not p.org_nouns:
        return None
    last, lowered = p.org_nouns[0], p.said_lowered
    while last + 1 < len(lowered) and lowered[last + 1] in vocab().organization_cues:
        last += 1  # "the state prosecutor's office"
    return Speaker(" ".join(p.said[: last + 1]), "organization", "speaker-organization-label")


def rule_group(p: Phrase) -> Decision:
    """ "police officers said", "residents say": a group, kept as a label (a later "they" may point to it)."""
    lowered = p.said_lowered
    if any(w in vocab().group_words for w in lowered) or (lowered[-1].endswith("s") and len(lowered) <= 4):
        return Speaker(" ".join(p.said[:6]), "group", "speaker-group")
    return None


def rule_descriptor(p: Phrase) -> Decision:
    """ "a young woman said", "the RSF commander reached by phone said": an unnamed person, as described."""
    words = p.said
    if len(words) <= 6 and vocab().descriptor_opening.match(p.phrase):
        noun = next((i for i, w in enumerate(words[:4]) if names_a_person(w.lower())), None)
        if noun is not None and noun + 1 < len(words) and words[noun + 1].lower() not in vocab().descriptor_links:
            words = words[: noun + 1]  # "RSF commander reached by phone" is the RSF commander
        return Speaker(" ".join(words), "person", "speaker-descriptor")
    return None


PHRASE_RULES: list[tuple[str, object]] = [
    ("speaker-name", rule_name),
    ("speech-source", rule_speech_source),
    ("speaker-organization", rule_organization),
    ("no-words", rule_no_words),
    ("speaker-pronoun-descriptor", rule_pronoun_descriptor),
    ("speaker-pronoun", rule_pronoun),
    ("pronoun-unresolved", rule_pronoun_unresolved),
    ("group-pronoun", rule_group_pronoun),
    ("speaker-organization-anaphor", rule_organization_anaphor),
    ("speaker-organization-label", rule_organization_label),
    ("speaker-group", rule_group),
    ("speaker-descriptor", rule_descriptor),
]
"""The speaker-phrase rules in order, from a name to a description: the first that decides wins; the id
of the rule that returns a speaker is in the quotation's ``rule_id`` (``cue-after/speaker-pronoun``)."""


def resolve_phrase(ctx: Context, start: int, end: int, quote_pos: int) -> Speaker | None:
    """The speaker the phrase text[start:end] names or points to, or None."""
    phrase = Phrase.read(ctx, start, end, quote_pos)
    for _, decide in PHRASE_RULES:
        decision = decide(phrase)
        if decision is not None:
            return None if decision is NOBODY else decision
    return None


def subject_span(text: str, clause_start: int, cue: Cue) -> tuple[int, int]:
    """The words before a cue back to the clause start: the sentence, cut after "that", a line break,
    a join to an earlier clause (", and", "; ") or an opening subordinate clause ("When …, Ruiz said")."""
    segment, words = text[clause_start : cue.start], vocab()
    cut, cut_length = segment.rfind("\n"), 1
    for word in words.subject_cuts:  # " that "
        at = segment.rfind(word)
        if at > cut:
            cut, cut_length = at, len(word)
    start = cut + cut_length if cut >= 0 else 0
    for join in words.subject_clause_joins:
        at = segment.rfind(join, start)
        if at >= 0 and segment[at + len(join) :].strip():
            start = at + len(join)
    rest = segment[start:].lstrip(" “\"'(")
    space = rest.find(" ")
    if (rest if space < 0 else rest[:space]).lower() in words.subject_clause_openers:  # its first word
        comma = segment.find(",", start)
        if comma >= 0 and segment[comma + 1 :].strip():
            start = comma + 1
    return clause_start + start, cue.start


def object_span(text: str, cue: Cue, limit: int) -> tuple[int, int]:
    """The words after a cue ("said Ana Ruiz, a spokesperson"), up to the end of the phrase."""
    end = min(limit, cue.end + 160)
    return cue.end, end


@dataclass
class Frame:
    """Where a quotation stands: its sentence and paragraph bounds, and the quotation before it."""

    quote: Quotation
    previous: Quotation | None
    s_start: int
    s_end: int
    p_start: int
    p_end: int


def frame_of(ctx: Context, quote: Quotation, previous: Quotation | None) -> Frame:
    s_start, s_end = ctx.article.sentence_bounds(quote.open_mark)
    p_start, p_end = ctx.article.paragraph_bounds(quote.open_mark)
    s_start = max(min(s_start, quote.open_mark), p_start)
    s_end = min(max(s_end, quote.close_mark + 1), p_end)
    return Frame(quote, previous, s_start, s_end, p_start, p_end)


def pass_cue_after(ctx: Context, f: Frame, near: int = 5) -> Attribution | None:
    """`“…,” said Ana Ruiz` / `“…,” Ruiz said`: a cue within five words after the closing mark, or later
    when an aside in commas stands between ("the official, who …, said")."""
    text, quote = ctx.article.text, f.quote
    next_open = ctx.next_open_after(quote.close_mark, f.p_end)
    after_end = min(next_open, sentence_end_after(text, quote.close_mark + 1, f.p_end))
    after = ctx.cues_outside(quote.close_mark + 1, after_end)
    if not after:
        return None
    cue = after[0]
    between = text[quote.close_mark + 1 : cue.start]
    new_sentence = (
        quote.text[-1:] in (".", "!", "?") and bool(LETTER_FIRST.match(between)) and between.lstrip()[:1].isupper()
    )
    if new_sentence and looks_forward(ctx, cue, f.p_end):
        return None  # `“….” His lawyer added, “…”`: the cue is the next quotation's
    aside = between.count(",") >= 2 and len(WORD.findall(between.lstrip(" ,").split(",")[0])) <= near
    if len(WORD.findall(between)) > near and not aside:
        return None
    words_before = WORD.findall(between)
    if words_before and cue.cue_id != "cue-according-to":  # "…,” according to Ruiz: the speaker follows the cue
        first_clause = between.lstrip(" ,").split(",")[0]
        offset = quote.close_mark + 1 + between.index(first_clause)
        span = (offset, offset + len(first_clause)) if len(words_before) > 5 else (quote.close_mark + 1, cue.start)
    else:
        span = object_span(text, cue, after_end)
    return speaker_by_cue(ctx, quote, span, cue)


LETTER_FIRST = re.compile(r"\s*[^\W\d_]")


def looks_forward(ctx: Context, cue: Cue, limit: int) -> bool:
    """Whether a cue opening a new sentence after a finished quotation says something of its own
    rather than attributing that quotation: it runs on into another quotation (`He added, “…”`,
    `He warned that it would “…”`), unless on a clause of circumstance (`Ruiz asked as she left,
    saying “…”`), or it has content of its own (`Ruiz said he would resign.`, `Ruiz said that …`).
    `Ruiz said on Friday.` and `Ruiz told reporters outside.` look back."""
    text = ctx.article.text
    end = sentence_end_after(text, cue.end, limit)
    next_open = ctx.next_open_after(cue.end, limit)
    openers = vocab().subject_clause_openers
    if next_open < end:
        lead = WORD.findall(text[cue.end : next_open].lower())[:4]
        return not any(w in openers for w in lead)
    tail = WORD.findall(text[cue.end : end].lower())
    if not tail:
        return False
    if (
        any(w in vocab().statement_conjunctions for w in tail[:4])
        or tail[0] in pronoun_words()
        or tail[0] in vocab().statement_pronouns
    ):
        return True  # "said that …", "said he would …": a statement of its own
    determiner = tail[0] in vocab().noun_markers and tail[0] not in vocab().looking_back_markers  # "said of Acme"
    return determiner and cue.cue_id not in ("cue-tell", "cue-ask")  # "said the plan …"; "told the court" looks back


def pass_dash_attribution(ctx: Context, f: Frame) -> Attribution | None:
    """`“…” — Ana Ruiz` (on the same line or the next): a dash and a name right after the closing mark,
    and nothing more than a comma, a bracket or the end of the paragraph after the name."""
    text, quote = ctx.article.text, f.quote
    dash = DASH_AFTER.match(text, quote.close_mark + 1)
    if not dash:
        return None
    named = [
        (s, e)
        for s, e in ctx.entity_mentions(dash.end(), dash.end() + 120)
        if e.kind in ("person", "organization") and (s == dash.end() or titles_only_between(text, dash.end(), s))
    ][:1]
    if named:
        start, entity = named[0]
        end = next(m.end for m in entity.mentions if m.start == start)
    else:
        found = named_again(ctx, dash.end())
        if found is None:
            return dash_line_name(ctx, dash)
        entity, end = found
    if not NAME_CLOSES.match(text, end):
        return None  # "” — Ruiz then left": a sentence goes on
    return Attribution(Speaker.of(entity))


DASH_LINE_WORD = re.compile(r"[^\s,]+[ \u00a0]+")


def named_again(ctx: Context, start: int) -> tuple[Entity, int] | None:
    """A person or organization named earlier whose name stands at ``start`` again, after titles at most,
    where the names stage marked no mention there ("— The Honourable Ana Ruiz" after "the Honourable Ana
    Ruiz" above): the entity, and where its name ends there."""
    text = ctx.article.text
    positions = [start]
    for _ in range(3):
        word = DASH_LINE_WORD.match(text, positions[-1])
        if word is None:
            break
        positions.append(word.end())
    named = [e for e in ctx.entities if e.kind in ("person", "organization")]
    for at in positions:
        if at > start and not titles_only_between(text, start, at):
            continue
        for entity in named:
            if text.startswith(entity.name, at):
                return entity, at + len(entity.name)
    return None


DASH_LINE_NAME = re.compile(rf"((?:[A-Z][\w.]*[ \u00a0]+){{0,3}}?)({NAME_RUN})(?=[ \t\u00a0]*(?:,|\n|$))")


def dash_line_name(ctx: Context, dash: re.Match) -> Attribution | None:
    """A dash that opens the line under a quotation, then a capitalized name no entity covers, after titles
    at most, and a comma or the line's end (`“…”` ¶ `— Ana Ruiz, country director`, `-President Ruiz,
    speaking …`): the web page's caption names the speaker, though the names stage missed the name. A
    lone word is a name only after a title ("— Reuters" is no person)."""
    text = ctx.article.text
    if "\n" not in dash.group():
        return None  # a dash on the quotation's own line may open an aside
    found = DASH_LINE_NAME.match(text, dash.end())
    if found is None or ctx.overlaps_mention(dash.end(), found.end()):
        return None
    titles, words = found.group(1), found.group(2).split()
    while len(words) > 1 and only_titles(words[0]):
        titles += words.pop(0) + " "  # "-President Ruiz": the run began with its title
    if titles and not only_titles(titles):
        return None
    name = " ".join(words)
    if (len(words) < 2 and not titles) or any(w.lower() in speaker_name_stop_words() or w.isupper() for w in words):
        return None
    return Attribution(Speaker(name, "person"))


def titles_only_between(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only titles, with an article before them ("— Commissioner Ana Ruiz",
    "— The Commissioner Ana Ruiz"): a dash line names its speaker with the title first."""
    prefix = text[start:end]
    if "\n" in prefix or "," in prefix:
        return False
    words = prefix.split()
    if words[:1] == ["The"]:
        words = words[1:]
        if not words:
            return True  # "— The Honourable Ana Ruiz": the names stage kept the honorific in the name
    return only_titles(" ".join(words))


DASH_AFTER = re.compile(r"[ \t\u00a0]*(?:\n[ \t\u00a0]*){0,2}[—–-]{1,2}[ \t\u00a0]*")
NAME_CLOSES = re.compile(r"[ \t\u00a0]*(?:[,.(;]|\n|$)")


def pass_cue_before(ctx: Context, f: Frame, near: int | None = None) -> Attribution | None:
    """`Ruiz said: “…”` / `according to Ruiz, “…”`: a cue before the opening mark, back to the previous
    closing mark or the sentence start."""
    text, quote = ctx.article.text, f.quote
    before_start = ctx.last_close_before(quote.open_mark, f.s_start) + 1
    before = ctx.cues_outside(before_start, quote.open_mark)
    if not before:
        return None
    cue = before[-1]
    lead = text[cue.end : quote.open_mark]
    if near is not None and (len(WORD.findall(lead)) > near or CLAUSE_END.search(lead)):
        return None  # the cue is not in the quotation's own clause
    if cue.cue_id == "cue-according-to":
        return speaker_by_cue(ctx, quote, (cue.end, quote.open_mark), cue)
    return speaker_by_cue(ctx, quote, subject_span(text, before_start, cue), cue)


CLAUSE_END = re.compile(r"[.;:!?]")


def pass_cue_in_sentence(ctx: Context, f: Frame) -> Attribution | None:
    """A cue anywhere in the quotation's sentence, outside quotation marks, not used by the quotation before."""
    text, quote = ctx.article.text, f.quote
    sentence = [c for c in ctx.cues_outside(f.s_start, f.s_end) if c.start not in ctx.used_cues]
    for cue in sentence:
        span = subject_span(text, ctx.last_close_before(cue.start, f.s_start) + 1, cue)  # no words inside marks
        object_side = cue.cue_id == "cue-according-to" or (
            cue.cue_id == "cue-in-a-statement" and not text[span[0] : span[1]].strip()
        )
        if object_side and cue.end <= quote.open_mark:
            span = (cue.end, quote.open_mark)
        found = speaker_by_cue(ctx, quote, span, cue) if span[0] < span[1] else None
        if found:
            return found
    return None


def pass_sentence_subject(ctx: Context, f: Frame) -> Attribution | None:
    """No cue: after a colon (`Ruiz was blunt: “…”`), or for a partial quotation, the sentence's first named subject."""
    text, quote = ctx.article.text, f.quote
    if not (text[: quote.open_mark].rstrip().endswith(":") or quote.kind == "partial"):
        return None
    subject = ctx.entity_mentions(f.s_start, quote.open_mark)
    return Attribution(Speaker.of(subject[0][1])) if subject else None


def pass_previous_quote(ctx: Context, f: Frame) -> Attribution | None:
    """No cue: the previous quotation's speaker goes on in the same paragraph, or across paragraphs when
    the previous quotation runs on into this one."""
    previous = f.previous
    if previous is None or not previous.speaker:
        return None
    if not (previous.continues or ctx.article.paragraph_bounds(previous.open_mark)[0] == f.p_start):
        return None
    return Attribution(speaker_of(previous))


def sentence_before(ctx: Context, f: Frame) -> int | None:
    """Where the sentence before the quotation starts, when the quotation opens its sentence with no cue
    right after a sentence of the same paragraph that holds no quotation of its own, and nobody else is
    named after the quotation; None otherwise."""
    text, quote = ctx.article.text, f.quote
    if text[f.s_start : quote.open_mark].strip() or f.s_start <= f.p_start:
        return None
    b_start, _ = ctx.article.sentence_bounds(f.s_start - 1)
    b_start = max(b_start, f.p_start)
    if ctx.last_close_before(f.s_start, b_start) >= b_start:
        return None  # the sentence before holds a quotation: its speaker is the previous quotation's
    rest_end = ctx.next_open_after(quote.close_mark, f.p_end)
    if ctx.entity_mentions(quote.close_mark, rest_end, "person") or CAPITAL_AFTER_DASH.match(
        text, quote.close_mark + 1
    ):
        return None  # someone else is named after the quotation: do not guess between them
    return b_start


def pass_sentence_before(ctx: Context, f: Frame) -> Attribution | None:
    """A quotation that opens its sentence, with no cue, right after a sentence of the same paragraph
    that opens with a named person and holds no quotation of its own (`Ruiz praised the plan. “…”`): the
    news convention introduces the speaker first."""
    b_start = sentence_before(ctx, f)
    if b_start is None:
        return None
    first = ctx.entity_mentions(b_start, f.s_start)[:1]
    for start, entity in first:
        if entity.kind == "person" and (start == b_start or opens_sentence(ctx, start, ctx.openings, entity.role)):
            return Attribution(Speaker.of(entity))
    return None


def pass_sentence_before_name(ctx: Context, f: Frame) -> Attribution | None:
    """The same, when the sentence before opens with a capitalized name no entity covers, followed by a
    lower-case verb (`Hale seemed surprised. “…”`)."""
    b_start = sentence_before(ctx, f)
    if b_start is None:
        return None
    text = ctx.article.text
    opening = SENTENCE_OPENING_NAME.match(text, b_start)
    if opening is None or ctx.overlaps_mention(*opening.span(1)):
        return None
    words = opening.group(1).split()
    if any(w.lower() in speaker_name_stop_words() for w in words) or writes_in_lower_case(text, words[0].lower()):
        return None
    return Attribution(Speaker(opening.group(1), "person"))


def pass_sentence_before_pronoun(ctx: Context, f: Frame) -> Attribution | None:
    """The same, when the sentence before has "he" or "she" for its subject, first or after an opening
    phrase and its comma (`Asked about the fine, she smiled. “…”`): the person that pronoun points back
    to, unless an unnamed speaker ("a dockworker said") was introduced since (then nobody is named)."""
    b_start = sentence_before(ctx, f)
    if b_start is None:
        return None
    found = SENTENCE_OPENING_PRONOUN.match(ctx.article.text, b_start, f.s_start)
    if found is None:
        return None
    opening = found.group(1)
    if opening and (len(opening.split()) > 8 or ctx.entity_mentions(b_start, found.start(2))):
        return None  # a long opening phrase, or one that names someone: its own subject is not sure
    pronoun = found.group(2).lower()
    if pronoun not in vocab().person_pronouns:
        return None
    at = found.start(2)
    gender = gender_of_words([pronoun])
    entity = ctx.last_subject_before(at, gender)
    if entity is None or ctx.genders.get(entity.name) not in (None, gender):
        return None  # no cue to lean on: a "she" for a man named last is no guess to make
    unnamed = ctx.last_descriptor_before(at, gender)
    if unnamed and unnamed[0] > ctx.subject_position(entity, at):
        return None  # "he" is the unnamed speaker introduced since
    return Attribution(Speaker.of(entity, "speaker-pronoun", "person"))


SENTENCE_OPENING_PRONOUN = re.compile(
    r"\s*((?:[^\s,.;:!?“”\"]+[ \u00a0]+){0,9}?[^\s,.;:!?“”\"]+,[ \u00a0]+)?([A-Za-z]+)[ \u00a0]+[a-z]"
)

CAPITAL_AFTER_DASH = re.compile(r"[ \u00a0]*[—–-]+[ \u00a0]*[A-Z]")
SENTENCE_OPENING_NAME = re.compile(rf"[ \u00a0]*({NAME_RUN})[ \u00a0]+(?:also[ \u00a0]+)?[a-z]+(?:ed|s)\b")


def pass_lead_in_colon(ctx: Context, f: Frame) -> Attribution | None:
    """A quotation opening its paragraph after a lead-in that ends with a colon in the paragraph before
    (`Ruiz told the crowd:` ¶ `“…”`): that sentence's cue, else the name that opens it."""
    text, quote = ctx.article.text, f.quote
    before = text[f.p_start - 200 if f.p_start > 200 else 0 : quote.open_mark].rstrip()
    if quote.open_mark != f.p_start or not before.endswith(":") or f.p_start == 0:
        return None
    colon = len(before) - 1 + (f.p_start - 200 if f.p_start > 200 else 0)
    l_start = max(ctx.article.sentence_bounds(colon)[0], ctx.article.paragraph_bounds(colon)[0])
    l_start = ctx.last_close_before(colon, l_start) + 1
    cues = ctx.cues_outside(l_start, colon)
    if cues:
        cue = cues[-1]
        span = (cue.end, colon) if cue.cue_id == "cue-according-to" else subject_span(text, l_start, cue)
        return speaker_by_cue(ctx, quote, span, cue)
    for start, entity in ctx.entity_mentions(l_start, colon)[:1]:
        if entity.kind in ("person", "organization") and opens_sentence(ctx, start, ctx.openings, entity.role):
            return Attribution(Speaker.of(entity, "speaker-subject"))
    return None


WORDS_AFTER_REPORTED_SPEECH = 8  # a paragraph in marks shorter than this, after reported speech, is a crosshead


def pass_paragraph_after_quote(ctx: Context, f: Frame) -> Attribution | None:
    """A paragraph that is one more quotation, with no cue of its own, right after a paragraph whose last
    quotation had a speaker and no one else named after it: the same speaker goes on (news convention).
    The quotation before may be a partial one (`Ruiz said the group had complained “many times”.` ¶
    `“…”`) when this quotation is the whole paragraph: a paragraph of reported speech, then its words."""
    text, quote, previous = ctx.article.text, f.quote, f.previous
    if previous is None or not previous.speaker or quote.open_mark != f.p_start:
        return None
    if previous.kind != "direct" and (
        previous.kind != "partial"
        or text[quote.close_mark + 1 : f.p_end].strip()
        or len(quote.text.split()) < WORDS_AFTER_REPORTED_SPEECH
    ):
        return None  # a short line in marks after reported speech is a crosshead ('A fight to the end.')
    prev_p = ctx.article.paragraph_bounds(previous.open_mark)
    if prev_p[0] == f.p_start or text[prev_p[1] : f.p_start].strip():
        return None  # not the paragraph just before
    if any(
        e.name != previous.speaker and e.kind == "person"
        for _, e in ctx.entity_mentions(previous.close_mark, quote.open_mark)
    ):
        return None  # someone else is named after the previous quotation (an organization told is no speaker)
    if ctx.cues_outside(f.p_start, f.p_end):
        return None  # this paragraph has a cue of its own that named nobody: do not guess
    return Attribution(speaker_of(previous))


def speaker_of(quote: Quotation) -> Speaker:
    """The speaker a quotation was given, to carry on to the next one."""
    return Speaker(quote.speaker or "", quote.speaker_type or "", None, quote.known_id)


@dataclass(frozen=True)
class Attribution:
    """An attribution pass's decision: the speaker, and the cue that attributes the quotation (None when
    the speaker is carried on from another quotation or read without a cue)."""

    speaker: Speaker
    cue: Cue | None = None


@dataclass(frozen=True)
class Pass:
    """One attribution pass: its id (the first part of the speaker's rule id), what it decides, and
    whether the cue it used is spent (a cue after a quotation attributes that one, not the next)."""

    id: str
    decide: Callable[[Context, Frame], Attribution | None]
    spends_cue: bool = False


# The attribution passes, from the most certain to the least; each leaves what it cannot decide to the
# next, and its id opens the rule id of the speaker it sets (the quote's provenance).
PASSES: list[Pass] = [
    Pass("cue-after", pass_cue_after, spends_cue=True),
    Pass("dash-attribution", pass_dash_attribution),
    Pass("cue-before", pass_cue_before),
    Pass("cue-in-sentence", pass_cue_in_sentence),
    Pass("speaker-sentence-subject", pass_sentence_subject),
    Pass("speaker-previous-quote", pass_previous_quote),
    Pass("lead-in-colon", pass_lead_in_colon),
    Pass("speaker-sentence-before", pass_sentence_before),
    Pass("speaker-sentence-before-name", pass_sentence_before_name),
    Pass("speaker-sentence-before-pronoun", pass_sentence_before_pronoun),
    Pass("speaker-paragraph-after-quote", pass_paragraph_after_quote),
]


# A one- or two-word quotation ("called the plan “unrealistic”", `“Never,” she said`) is speech only
# when a cue right beside it or in its own clause attributes it.
SHORT_PASSES: list[Pass] = [
    Pass("cue-after", lambda ctx, f: pass_cue_after(ctx, f, near=3), spends_cue=True),
    Pass("cue-before", lambda ctx, f: pass_cue_before(ctx, f, near=6)),
]


def attribute(ctx: Context, quote: Quotation, previous: Quotation | None, passes: list[Pass] = PASSES) -> str | None:
    """Give ``quote`` the speaker of the first pass that decides one; the id of that pass, or None."""
    f = frame_of(ctx, quote, previous)
    for step in passes:
        found = step.decide(ctx, f)
        if found is None:
            continue
        speaker = found.speaker
        quote.speaker, quote.speaker_type, quote.known_id = speaker.name, speaker.kind, speaker.known_id
        quote.speaker_rule = f"{step.id}/{speaker.rule}" if speaker.rule else step.id
        if found.cue is not None:
            quote.cue, quote.cue_id = found.cue.text, found.cue.cue_id
            if step.spends_cue:
                ctx.used_cues.add(found.cue.start)
        if speaker.rule == "speaker-group":
            ctx.groups.append((quote.open_mark, speaker.name))  # a later "they said" may point to it
        return step.id
    return None


def sentence_end_after(text: str, start: int, limit: int) -> int:
    for match in SENTENCE_STOP.finditer(text, start, limit):
        if match.group() == "." and ends_with_abbreviation(text, match.start()):
            continue  # "said Dr. Amina Yusuf"
        return match.end()
    return limit


SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)")


def subject_person(ctx: Context, start: int, end: int, participle: bool = False) -> Entity | None:
    """The person who is the subject of a cue, in the words before it: in the last comma part that is not
    an aside (", a spokeswoman for …,", ", who …,"), the last person named there who is not a possessor
    ("Acme spokesman Pedro Salas", "Ruiz’s lawyer, Pedro Salas,", "Asked by Salas about it, Ruiz"); when
    more words stand between that person and the cue, or the cue is a participle after a comma ("…,
    saying"), the person opening the clause."""
    text = ctx.article.text
    bounds, at = [], start
    for match in PART_BREAK.finditer(text[start:end]):
        bounds.append((at, start + match.start()))
        at = start + match.end()
    bounds.append((at, end))
    asides = vocab().aside_openers
    for part_start, part_end in reversed(bounds):
        words = WORD.findall(text[part_start:part_end])
        if not words or words[0].lower() in asides:
            continue
        persons = [
            (s, m_end, e)
            for s, e in ctx.entity_mentions(part_start, part_end, "person")
            for m_end in [next(m.end for m in e.mentions if m.start == s)]
            if not POSSESSIVE.match(text, m_end)
        ]
        if not persons:
            if ctx.entity_mentions(part_start, part_end, "person"):
                continue  # "…, Okafors’ campaign manager, said": a possessor names whose role it is, not the speaker
            return None
        last_end, last = persons[-1][1:]
        between = [w.lower() for w in WORD.findall(text[last_end:end])]
        if len(between) <= 2 and not set(between) & vocab().clause_conjunctions and not participle:
            return last  # "Acme spokesman Pedro Salas said", "Pedro Salas also said"
        first_start, _, first = persons[0]
        if len(WORD.findall(text[part_start:first_start])) <= 3:
            return first  # the clause's subject: "Ruiz praised Salas, saying", "Ruiz met Salas and said"
        return None
    return None


PART_BREAK = re.compile(r"[,—–()]")
OBJECT_STOP = re.compile(r"[,;:()—–.!?\n“”\"]")
OBJECT_STOP_NO_DOT = re.compile(r"[,;:()—–!?\n“”\"]")
POSSESSIVE = re.compile(r"['’](?:s\b|(?![\w’']))")  # "Ruiz’s", "Okafors’"


def object_person(ctx: Context, start: int, end: int) -> Entity | None:
    """The person named after a cue (`said Acme spokesman Pedro Salas, who …`): in the words up to the
    first comma or bracket, the last person named who is not a possessor ("said Ruiz’s aide Pedro Salas")."""
    text = ctx.article.text
    stop = OBJECT_STOP.search(text, start, end)
    head_end = stop.start() if stop else end
    if stop and text[stop.start()] == "." and ends_with_abbreviation(text, stop.start()):
        head_end = end  # "said Sen. Ana Ruiz": look on, up to the end of the span
        stop = OBJECT_STOP_NO_DOT.search(text, start, end)
        head_end = stop.start() if stop else end
    persons = [
        (s, e)
        for s, e in ctx.entity_mentions(start, head_end, "person")
        if not POSSESSIVE.match(text, next(m.end for m in e.mentions if m.start == s))
    ]
    return persons[-1][1] if persons else None


def speaker_by_cue(ctx: Context, quote: Quotation, span: tuple[int, int], cue: Cue) -> Attribution | None:
    """The speaker a cue's phrase names: the person who is its subject (before it) or object (after it),
    else whatever the phrase rules read in it."""
    participle = cue.text.lower().endswith("ing") and ctx.article.text[span[0] : cue.start].rstrip().endswith(",")
    subject = (
        subject_person(ctx, *span, participle=participle)
        if span[1] <= cue.start
        else (object_person(ctx, *span) if span[0] >= cue.end else None)
    )
    if subject is not None:
        rule = "speaker-subject-name" if span[1] <= cue.start else "speaker-object-name"
        return Attribution(Speaker.of(subject, rule, "person"), cue)
    speaker = resolve_phrase(ctx, span[0], span[1], quote.open_mark)
    return Attribution(speaker, cue) if speaker is not None else None


def only_connectives(prefix: str) -> bool:
    """Whether the words before a name are sentence connectives ("Then", "But later"): it still opens the sentence."""
    words = [w.strip(",“\"'").lower() for w in prefix.split()]
    return 0 < len(words) <= 2 and all(w in vocab().not_names for w in words)


def only_titles(prefix: str) -> bool:
    """Whether the words before a name in its sentence are all titles ("Dr.", "Health Minister"): it still opens it."""
    words = [w.strip("“‘\"'(").lower() for w in prefix.split()]
    titles = vocab().titles
    return (
        bool(words)
        and len(words) <= 4
        and all(w in titles or w.rstrip(".") in titles or w.rstrip(".") in ABBREVIATIONS for w in words)
    )


@cache
def gender_words() -> dict[str, str]:
    """word -> "female" | "male": pronouns and gendered nouns and honorifics (``roles.yaml``)."""
    table = lexicon.roles().gender
    return {w: gender for gender, entry in table.items() for w in entry.pronouns + entry.words}


@cache
def gender_pronouns() -> frozenset[str]:
    return frozenset(w for entry in lexicon.roles().gender.values() for w in entry.pronouns)


def gender_of_words(words: list[str]) -> str | None:
    """The gender the words tell ("she", "the spokeswoman"), if any."""
    return next((gender_words()[w] for w in words if w in gender_words()), None)


@cache
def gender_pronoun_pattern() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(sorted(gender_pronouns(), key=len, reverse=True))})\b", re.I)


def name_gender(name: str) -> str | None:
    """ "female" or "male" when the first word of a person's name is a given name of one gender."""
    first = name.split()[0] if name.split() else ""
    gender = given_name_gender(first) if len(first) > 1 and not first.endswith(".") else None
    return gender if gender in ("female", "male") else None


def infer_genders(ctx: Context) -> None:
    """A person's gender, when the article tells it: a title or gendered noun in their role, just
    before a mention or in apposition ("Mrs.", "spokeswoman"), else a given name of one gender
    ("Ana", "Pedro"), else the first "he/his" or "she/her"
    after a mention in its sentence, before another person is named ("Pedro Salas spoke about his
    plans").  The next sentence is not read: its "she said" is what is being resolved."""
    text, article = ctx.article.text, ctx.article
    persons = sorted((m.start, m.end, e) for e in ctx.entities if e.kind == "person" for m in e.mentions)
    starts = [p[0] for p in persons]
    votes: dict[str, str] = {}
    seen: dict[str, int] = {}
    for start, end, entity in persons:
        seen[entity.name] = seen.get(entity.name, 0) + 1
        if entity.name in votes or seen[entity.name] > 3:
            continue  # told already, or not in the first three mentions: the article will not tell
        before = text[max(article.sentence_bounds(start)[0], start - 30) : start].lower().split()[-2:]
        role = (entity.role or "").lower().split()
        apposition = (
            text[end : end + 80].split(",")[1].lower().split()
            if text[end : end + 1] == "," and text.count(",", end, end + 80) >= 2
            else []
        )
        if apposition[:1] and apposition[0] not in vocab().descriptor_articles and apposition[0] not in vocab().titles:
            apposition = []  # ", whose husband, …": a relative clause tells someone else's gender
        told = gender_of_words(role + [w.strip("“\"'(,") for w in before] + apposition)
        if told is None:
            told = name_gender(entity.name)  # "Ana" is a woman's given name, "Pedro" a man's (gender-guesser's list)
        if told is None:
            i = bisect.bisect_right(starts, start)
            next_person = starts[i] if i < len(starts) else len(text)
            limit = min(next_person, article.sentence_bounds(end)[1])
            for match in gender_pronoun_pattern().finditer(text, end, max(end, limit)):
                if not REPORTING_AFTER.match(text, match.end()):
                    told = gender_words()[match.group().lower()]  # "she said" is what is being resolved, not evidence
                    break
        if told:
            votes[entity.name] = told
    ctx.genders = votes


def opens_sentence(ctx: Context, start: int, starts: frozenset[int], role: str | None = None) -> bool:
    """Whether a name at ``start`` is its sentence's subject: first, or after titles ("Dr.", its own
    role: "Interior Minister", or its organization and role: "Harbour League spokeswoman"), connectives
    ("Then") or an introductory phrase and its comma ("Back in Kabul, Mariam …"; a phrase opened by a
    participle, "Asked whether …,", may run longer)."""
    sentence_start = ctx.article.sentence_bounds(start)[0]
    if start - sentence_start <= 3 or start in starts:
        return True
    prefix = ctx.article.text[sentence_start:start]
    return (
        only_titles(prefix)
        or bool(role)
        and (prefix.strip().lower() == role.lower() or organization_and_role(ctx, sentence_start, prefix, role))
        or only_connectives(prefix)
        or prefix.rstrip().endswith(",")
        and len(prefix.split()) <= (OPENING_PARTICIPLE_WORDS if is_participle_opening(prefix) else 8)
        and not ctx.entity_mentions(sentence_start, start, "person")
    )


OPENING_PARTICIPLE_WORDS = 14  # "Asked whether the refuges would last as the ocean warms," runs past eight words


def is_participle_opening(prefix: str) -> bool:
    """Whether an opening phrase starts with a participle of asking ("Asked whether …", "Pressed on …"):
    the person after its comma is the one asked, the sentence's subject."""
    first = WORD.match(prefix.lstrip())
    return bool(first) and first.group(0).lower() in vocab().opening_participles


def organization_and_role(ctx: Context, sentence_start: int, prefix: str, role: str) -> bool:
    """Whether ``prefix`` is an organization's name and then the person's role ("Harbour League
    spokeswoman Ines Vidigal"): only the organization's mentions stand before the role."""
    head = prefix.rstrip()
    if not head.lower().endswith(role.lower()):
        return False
    head = head[: len(head) - len(role)]
    if not head.strip():
        return False
    text, end = ctx.article.text, sentence_start + len(head)
    at = SPACES.match(text, sentence_start).end()
    for m_start, entity in ctx.entity_mentions(sentence_start, end, "organization"):
        if m_start != at:
            return False  # other words stand between
        at = SPACES.match(text, mention_end(entity, m_start)).end()
    return at == end


def record_descriptors(ctx: Context) -> None:
    """Unnamed speakers a pronoun may point to: "A spokesman for the organisers said …" (no name in it)."""
    text = ctx.article.text
    for cue in ctx.free_cues:
        start, end = subject_span(text, ctx.article.sentence_bounds(cue.start)[0], cue)
        phrase = text[start:end]
        if (
            not vocab().descriptor_article.match(phrase)
            or ctx.entity_mentions(start, end, "person")
            or ctx.entity_mentions(start, end, "organization")
            and "," not in phrase
        ):
            continue
        stop = vocab().stop_phrase.search(phrase.lstrip())
        head = phrase.lstrip()[: stop.start()] if stop and stop.start() > 0 else phrase
        words = clean_label(WORD.findall(head))
        if 0 < len(words) <= 6 and (
            any(w.lower() in vocab().person_nouns for w in words[:3]) or RELATIVE_WHO.match(phrase.lstrip())
        ):
            ctx.descriptors.append((cue.start, " ".join(words), gender_of_words([w.lower() for w in words])))


RELATIVE_WHO = re.compile(r"[A-Za-z]+[ \u00a0]+[a-z][\w’'\-]*[ \u00a0]*,?[ \u00a0]+who\b")
"""An article, a lower-case noun and "who" ("A dockworker who asked not to be named said"): a person,
though the noun is no word of ``person_nouns``."""


def record_subjects(ctx: Context) -> None:
    """Persons a pronoun may point to: those next to a cue, and those opening a sentence."""
    infer_genders(ctx)
    record_descriptors(ctx)
    cue_positions = [c.start for c in ctx.cues]
    starts = ctx.openings
    for entity in ctx.entities:
        if entity.kind != "person":
            continue
        for m in entity.mentions:
            i = bisect.bisect_left(cue_positions, m.start - 60)
            if any(abs(p - m.start) <= 60 for p in cue_positions[i : i + 4]) or opens_sentence(
                ctx, m.start, starts, entity.role
            ):
                ctx.subjects.append((m.start, entity))
    ctx.subjects.sort(key=lambda s: s[0])  # once, after collecting


def extract_quotes(article: Article, entities: list[Entity]) -> list[Quotation]:
    """Every quotation of the article with its speaker (None when unknown)."""
    text = article.text
    spans = pair_marks(article)
    quotes = []
    short: set[int] = set()  # one- or two-word spans: quotations only when a cue in their clause attributes them
    for quote in spans:
        quote.text = text[quote.start : quote.end]
        if quote.continued or quote.continues:
            quote.kind = kind_of(quote, text)
            quotes.append(quote)
            continue
        words = WORD.findall(quote.text)  # read once for the tests below
        if is_title_case(quote.text, words) or names_a_work(text, quote) or is_page_furniture(article, quote, words):
            continue  # a title, a name or a label in quotation marks, a link line or a sub-heading
        if is_quotation(quote.text, words):
            quote.kind = kind_of(quote, text)
            quotes.append(quote)
        elif len(words) <= 2:
            quote.kind = kind_of(quote, text)
            short.add(quote.open_mark)
            quotes.append(quote)
    ctx = Context(article, entities, spans)
    add_speaker_names(ctx)
    record_subjects(ctx)
    by_name = {e.name: e for e in entities}
    previous = None
    kept = []
    for quote in quotes:
        attribute(ctx, quote, previous, SHORT_PASSES if quote.open_mark in short else PASSES)
        if quote.open_mark in short and quote.speaker is None:
            continue  # a scare quote or a name in quotation marks, not speech
        kept.append(quote)
        if quote.speaker_type == "person" and quote.speaker:
            entity = by_name.get(quote.speaker)
            if entity:
                ctx.add_subject(quote.open_mark, entity)
        previous = quote
    share_speaker_in_chains(kept)
    return kept


def share_speaker_in_chains(quotes: list[Quotation]) -> None:
    """A quotation running over paragraphs has one speaker, wherever its cue stands."""
    chains, current = [], []
    for quote in quotes:
        if current and current[-1].continues and quote.continued:
            current.append(quote)
        else:
            current = [quote]
            chains.append(current)
    for chain in chains:
        known = next((q for q in chain if q.speaker), None)
        for quote in chain:
            if known and not quote.speaker:
                quote.speaker, quote.speaker_type, quote.known_id = known.speaker, known.speaker_type, known.known_id
                quote.speaker_rule = "speaker-same-quotation"
