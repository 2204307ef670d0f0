"""What the articles of `pressroom seed` say: a pump and valve maker's news, in two languages.

Each article is put together from the short phrases of ``data/seed-phrases.toml``, chosen by
a ``random.Random`` seeded with the article's number: the same number always gives the same
article, and neighbouring numbers differ. Every phrase is a (Chinese, English) pair filled in
with the same values, so the English article says what the Chinese one says.

The Chinese title of article N contains N (a model number, a course or bulletin number), so
no two seeded articles share a title.
"""

import functools
import random
import string
from dataclasses import dataclass

from pressroom.demo.data import (
    DATA_DIR,
    DemoDataError,
    Invalid,
    check_file,
    list_of,
    optional,
    table,
    text,
)

ZH, EN = 0, 1
PHRASES_FILE = DATA_DIR / "seed-phrases.toml"


def _tuple_of(*checkers):
    """A list of exactly these values, e.g. a (Chinese, English) pair."""

    def check(value):
        if not isinstance(value, list) or len(value) != len(checkers):
            raise Invalid(f"must be a list of {len(checkers)}, not {value!r:.40}")
        checked = []
        for number, (checker, item) in enumerate(zip(checkers, value, strict=True), start=1):
            try:
                checked.append(checker(item))
            except Invalid as exc:
                raise exc.inside(f"[{number}]") from None
        return tuple(checked)

    return check


def _topics(value):
    if not isinstance(value, dict) or not value:
        raise Invalid("must be a table of topics, e.g. [topics.launch]")
    checked = {}
    for name, topic in value.items():
        try:
            checked[name] = TOPIC(topic)
        except Invalid as exc:
            raise exc.inside(name) from None
    return checked


PAIR = _tuple_of(text, text)
PAIRS = list_of(PAIR, at_least=1)
TOPIC = table({"title": PAIR, "summary": PAIR, "lead": PAIR, "headings": PAIRS, "sentences": PAIRS})
PHRASES = {
    "series": list_of(text, at_least=1),
    "products": PAIRS,
    "cities": PAIRS,
    "industries": PAIRS,
    "fairs": list_of(_tuple_of(PAIR, PAIR), at_least=1),  # (fair, its city)
    "certificates": PAIRS,
    "skills": PAIRS,
    "visits": list_of(_tuple_of(PAIR, PAIR), at_least=1),  # (place, what was done there)
    "quarters": PAIRS,
    "when": PAIRS,
    "authors": PAIRS,
    "sources": list_of(_tuple_of(text, text, optional(text, "")), at_least=1),
    "general": PAIRS,
    "topics": _topics,
}


@functools.cache
def phrases() -> dict:
    """The checked phrase lists; raises DemoDataError naming a wrong key or placeholder."""
    (checked,) = check_file(PHRASES_FILE, PHRASES)
    names = set(_values(random.Random(0), 1, checked)[ZH])
    for key, pair in _templates(checked):
        used = []
        for number, template in enumerate(pair, start=1):
            try:
                used.append(_placeholders(template, names))
            except Invalid as exc:
                raise DemoDataError(PHRASES_FILE, f"{key}[{number}]", exc.problem) from None
        if used[ZH] != used[EN]:
            raise DemoDataError(
                PHRASES_FILE,
                key,
                f"the Chinese has {_listed(used[ZH])} and the English {_listed(used[EN])}: "
                "both must say the same",
            )
    return checked


def _placeholders(template: str, names: set) -> set:
    try:
        used = {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}
    except ValueError:
        raise Invalid(f"has a {{ or }} without its pair: {template!r:.60}") from None
    if used - names:
        raise Invalid(
            f"{{{min(used - names)}}} is not a value an article has ({', '.join(sorted(names))})"
        )
    return used


def _listed(names: set) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "no {values}"


def _templates(checked):
    """Every phrase with {placeholders}, with its key."""
    for number, sentence in enumerate(checked["general"], start=1):
        yield f"general[{number}]", sentence
    for name, topic in checked["topics"].items():
        for part in ("title", "summary", "lead"):
            yield f"topics.{name}.{part}", topic[part]
        for number, sentence in enumerate(topic["sentences"], start=1):
            yield f"topics.{name}.sentences[{number}]", sentence


@dataclass(frozen=True)
class ArticleText:
    """One language version of a seeded article: the fields an editor would fill in."""

    title: str
    summary: str
    author: str
    source_name: str
    source_url: str
    body: list  # StreamField blocks: {"type": ..., "value": ...}


SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    suffix = "th" if number % 100 in (11, 12, 13) else SUFFIXES.get(number % 10, "th")
    return f"{number}{suffix}"


def _values(rng: random.Random, number: int, phrases: dict) -> dict:
    """Everything an article of ``number`` may mention: a (Chinese, English) pair each."""
    visit, activity = rng.choice(phrases["visits"])
    fair, fair_city = rng.choice(phrases["fairs"])
    count = rng.randint(2, 9)
    picked = {
        "product": rng.choice(phrases["products"]),
        "city": rng.choice(phrases["cities"]),
        "industry": rng.choice(phrases["industries"]),
        "fair": fair,
        "fair_city": fair_city,
        "certificate": rng.choice(phrases["certificates"]),
        "skill": rng.choice(phrases["skills"]),
        "place": visit,
        "activity": activity,
        "quarter": rng.choice(phrases["quarters"]),
        "when": rng.choice(phrases["when"]),
        "count": (str(count), _ordinal(count)),
    }
    numbers = {
        "n": number,
        "code": rng.choice(phrases["series"]),
        "pct": rng.randint(3, 12),
        "guests": rng.randrange(30, 160, 10),
        "months": rng.randint(8, 30),
        "db": rng.randint(2, 6),
        "saving": rng.randrange(4000, 30000, 500),
        "hours": rng.choice((500, 1000, 2000, 3000)),
        "visitors": rng.randrange(80, 600, 10),
        "days": rng.randint(2, 5),
        "exhibits": rng.randint(6, 20),
        "deals": rng.randint(3, 15),
        "weeks": rng.randint(4, 16),
        "tests": rng.randint(12, 40),
        "docs": rng.randint(5, 30),
        "trainees": rng.randint(20, 120),
        "workshops": rng.randint(3, 9),
        "score": rng.randint(82, 95),
        "courses": rng.randint(12, 60),
        "attendances": rng.randrange(300, 2500, 10),
        "volunteers": rng.randint(12, 60),
        "value": rng.randrange(5000, 80000, 1000),
        "members": rng.randint(60, 240),
        "growth": rng.randint(3, 25),
        "orders": rng.randint(120, 900),
        "export": rng.randint(8, 40),
        "passed": f"{rng.randint(970, 998) / 10:.1f}",
        "better": f"{rng.randint(1, 9) / 10:.1f}",
        "provinces": rng.randint(20, 31),
        "countries": rng.randint(15, 60),
        "engineers": rng.randint(40, 180),
        "rd": rng.randint(3, 6),
    }
    zh = {**numbers, **{name: pair[ZH] for name, pair in picked.items()}}
    en = {**numbers, **{name: pair[EN] for name, pair in picked.items()}}
    return {ZH: zh, EN: en}


def _paragraph(sentences: list, language: int, values: dict) -> dict:
    joiner = "" if language == ZH else " "
    text = joiner.join(sentence[language] for sentence in sentences).format(**values)
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _body(rng: random.Random, topic: dict, general: list) -> list[tuple[str, list]]:
    """The body's plan, the same for both languages: ("heading", pair) and ("paragraph", pairs).

    3 to 6 blocks: a lead paragraph, then paragraphs of two or three sentences, and in most
    articles a heading or two, each before one of those paragraphs.
    """
    size = rng.randint(3, 6)
    headings = {3: int(rng.random() < 0.4), 4: 1, 5: rng.randint(1, 2), 6: 2}[size]
    paragraphs = size - headings
    # Taken from the end: the topic's own sentences first, the general ones to close.
    sentences = rng.sample(general, len(general))
    sentences += rng.sample(topic["sentences"], len(topic["sentences"]))
    lead = [topic["lead"], sentences.pop()] if rng.random() < 0.5 else [topic["lead"]]
    plan = [("paragraph", lead)]
    titles = rng.sample(topic["headings"], headings)
    before = set(rng.sample(range(1, paragraphs), headings))
    for i in range(1, paragraphs):
        if i in before:
            plan.append(("heading", titles.pop()))
        plan.append(("paragraph", [sentences.pop() for _ in range(rng.randint(2, 3))]))
    return plan


def seed_texts(number: int) -> tuple[ArticleText, ArticleText]:
    """Article ``number``'s Chinese and English versions, always the same for a number."""
    lists = phrases()
    rng = random.Random(number)
    topic = lists["topics"][rng.choice(list(lists["topics"]))]
    values = _values(rng, number, lists)
    author = rng.choice(lists["authors"])
    source = rng.choice(lists["sources"]) if rng.random() < 0.2 else ("", "", "")
    source_url = source[2].format(n=number)
    plan = _body(rng, topic, lists["general"])
    texts = []
    for language in (ZH, EN):
        given = values[language]
        title = topic["title"][language].format(**given)
        body = [
            {"type": "heading", "value": part[language]}
            if kind == "heading"
            else _paragraph(part, language, given)
            for kind, part in plan
        ]
        texts.append(
            ArticleText(
                title=title[0].upper() + title[1:],
                summary=topic["summary"][language].format(**given),
                author=author[language],
                source_name=source[language],
                source_url=source_url,
                body=body,
            )
        )
    return texts[0], texts[1]
