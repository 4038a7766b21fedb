"""A deterministic synthetic corpus in the styles of the real reports (/work/shared/corpus, seeds/reports).

Four styles, in rotation by report index:

- ``md``     PDF-conversion Markdown: journal banner, authors, prose with ``[link](#)`` verbs, a
             ``# CHRONOLOGY OF X-Y RELATIONS`` section of ``**Sept. 1, 2023:** … [meets](#) …`` entries;
- ``web``    web text (.txt): one paragraph per line, entries ``Sept. 1, 2023: …``;
- ``html``   an ``<article>`` with ``<ul class="chronology"><li><strong>date</strong> …</li>``;
- ``digest`` an alliance digest (.txt): headline bullets, then bullet paragraphs whose sentences are
             dated "on September 14" (year from the issue line) or "Two days later".

People, titles, places and countries come from seeds/*.csv (people in office during the report's
period, Japanese names family-first or given-first), so extraction does real work. Every report
also carries metrics sentences (percentages, money, counts).

The generator knows how many dated acts it wrote (``Report.n_entries``); each one is one event
when the report is extracted on its own.

    generate(n, seed, out_dir) -> list[Report]     # writes out_dir/<name>, returns what it wrote
    python -m bench.generate --n 100 --out build/bench-corpus
"""

from __future__ import annotations

import argparse
import csv
import html
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent / "seeds"
STYLES = ("md", "web", "html", "digest")
EXT = {"md": ".md", "web": ".txt", "html": ".html", "digest": ".txt"}

MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTH_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
THIRDS = ((1, 4), (5, 8), (9, 12))
PAIRS = (("USA", "JPN"), ("JPN", "KOR"), ("JPN", "CHN"), ("USA", "KOR"), ("USA", "CHN"), ("CHN", "KOR"),
         ("USA", "IND"), ("JPN", "AUS"), ("USA", "PHL"), ("USA", "AUS"), ("JPN", "IND"), ("KOR", "AUS"))
SHORT = {"USA": "US", "JPN": "Japan", "KOR": "South Korea", "CHN": "China", "IND": "India", "AUS": "Australia",
         "PHL": "the Philippines", "PRK": "North Korea", "RUS": "Russia", "GBR": "the UK"}
HEAD = {"USA": "US", "JPN": "JAPAN", "KOR": "KOREA", "CHN": "CHINA", "IND": "INDIA", "AUS": "AUSTRALIA",
        "PHL": "PHILIPPINES"}
ADJ = {"USA": "US", "JPN": "Japanese", "KOR": "South Korean", "CHN": "Chinese", "IND": "Indian",
       "AUS": "Australian", "PHL": "Philippine", "PRK": "North Korean", "RUS": "Russian", "GBR": "British"}
THIRD_PARTIES = ("PRK", "RUS", "GBR", "AUS", "IND", "PHL")
TOPICS = ("economic security", "critical minerals", "supply chain resilience", "maritime security",
          "cyber defense", "space cooperation", "energy security", "semiconductor export controls",
          "North Korea's missile program", "cross-strait tensions", "clean energy investment",
          "humanitarian assistance in Ukraine", "extended deterrence", "quantum research", "food security",
          "disaster relief coordination", "the free and open Indo-Pacific", "fisheries enforcement")
# Waters near places that have a country: seas such as "the Sea of Japan" have none in places.csv, and
# extraction then writes location_country '' (validation holds the batch back; reported separately).
SEAS = ("waters off Okinawa", "waters near Busan", "waters around Guam", "waters off Kyushu", "waters near Jeju")
MEDIA = ("Kyodo News", "Jiji Press", "NHK", "Gallup Korea", "Asahi Shimbun", "Yomiuri Shimbun", "Pew Research Center")
DIALOGUES = ("strategic dialogue", "security consultations", "economic dialogue", "vice-ministerial talks",
             "director-general consultations", "2+2 dialogue")
EXERCISES = ("naval exercise", "air defense drill", "missile defense exercise", "anti-submarine exercise",
             "search and rescue drill")
PROVOCATIONS = ("ballistic missile launch", "cruise missile test", "satellite launch", "artillery fire near the border")
FILLER = (
    "Officials on both sides described the exchange as candid and constructive.",
    "The agenda reflected how far the relationship has moved beyond its traditional security core.",
    "Analysts noted that the tone of the statements was markedly warmer than a year earlier.",
    "Domestic politics, however, continued to constrain what either government could promise.",
    "Much of the work took place below the level of leaders, in working groups and expert panels.",
    "Business groups welcomed the initiatives but asked for clearer rules on investment screening.",
    "The opposition criticized the government for moving too fast without consulting the legislature.",
    "Diplomats stressed that the new channels were meant to outlast any single administration.",
    "Regional partners watched the developments closely, and several asked to join future sessions.",
    "Skeptics argued that the announcements were long on vision and short on implementation.",
)


@dataclass(frozen=True)
class Person:
    person_id: str
    canonical: str
    family: str
    given: str
    country: str
    roles: tuple[tuple[str, date | None, date | None], ...]


@dataclass(frozen=True)
class Report:
    name: str
    style: str
    n_entries: int  # dated acts written: one event each when the report is extracted alone
    n_bytes: int


@dataclass(frozen=True)
class Seeds:
    people: dict[str, tuple[Person, ...]]  # country -> people
    places: dict[str, tuple[str, ...]]     # country -> city/capital names


def _day(s: str) -> date | None:
    return date.fromisoformat(s) if s else None


@lru_cache(maxsize=4)
def load_seeds(seed_dir: Path = SEED_DIR) -> Seeds:
    roles: dict[str, list] = {}
    with open(seed_dir / "person_roles.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            roles.setdefault(r["person_id"], []).append((r["role"], _day(r["start_date"]), _day(r["end_date"])))
    people: dict[str, list[Person]] = {}
    with open(seed_dir / "people.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["country"] in SHORT and r["family_name"] and r["given_name"]:
                people.setdefault(r["country"], []).append(Person(
                    r["person_id"], r["canonical_name"], r["family_name"], r["given_name"], r["country"],
                    tuple(roles.get(r["person_id"], ()))))
    places: dict[str, list[str]] = {}
    with open(seed_dir / "places.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["kind"] in ("city", "capital") and r["country"] in SHORT and "," not in r["name"]:
                places.setdefault(r["country"], []).append(r["name"])
    return Seeds({c: tuple(v) for c, v in people.items()}, {c: tuple(v) for c, v in places.items()})


# ----------------------------------------------------------------------------- one report

class Writer:
    """Builds one report: picks people in office, renders names, dates and verbs in its style."""

    def __init__(self, rng: random.Random, seeds: Seeds, style: str, index: int) -> None:
        self.rng, self.seeds, self.style, self.index = rng, seeds, style, index
        self.pair = rng.choice(PAIRS)
        self.year = rng.randint(2016, 2024)
        self.third = rng.choice(THIRDS)
        self.start = date(self.year, self.third[0], 1)
        end_month = self.third[1]
        self.end = date(self.year, end_month, 28) + timedelta(days=3)
        self.end = self.end.replace(day=1) - timedelta(days=1)
        self.cast: dict[str, list[tuple[Person, str | None]]] = {c: self._cast(c) for c in (*self.pair, *THIRD_PARTIES)}
        self.introduced: set[str] = set()
        self.order: dict[str, bool] = {}  # person_id -> family-first when written in full

    def _cast(self, country: str) -> list[tuple[Person, str | None]]:
        """People of `country` with a role during the period (title = role); others without a title."""
        with_role, without = [], []
        for p in self.seeds.people.get(country, ()):
            titles = [r for r, s, e in p.roles if (s is None or s <= self.end) and (e is None or e >= self.start)]
            (with_role if titles else without).append((p, titles[0] if titles else None))
        self.rng.shuffle(with_role)
        self.rng.shuffle(without)
        return (with_role[:12] + without[:max(0, 8 - len(with_role))]) or without[:4]

    # names, places, verbs ------------------------------------------------------------------

    def person(self, country: str | None = None) -> tuple[str, str]:
        """(text, country) of one person: full name with title the first time, then family name."""
        country = country or self.rng.choice(self.pair)
        cast = self.cast.get(country) or self.cast[self.pair[0]]
        p, title = self.rng.choice(cast)
        if p.person_id in self.introduced and self.rng.random() < 0.7:
            return (f"{title} {p.family}" if title and self.rng.random() < 0.4 else p.family), p.country
        self.introduced.add(p.person_id)
        if p.country == "JPN":
            family_first = self.order.setdefault(p.person_id, self.rng.random() < 0.7)
            name = f"{p.family} {p.given}" if family_first else f"{p.given} {p.family}"
        else:
            name = p.canonical
        if title:
            adj = ADJ[p.country] + " " if self.rng.random() < 0.4 else ""
            return f"{adj}{title} {name}", p.country
        return name, p.country

    def place(self, country: str | None = None) -> str:
        country = country or self.rng.choice(self.pair)
        return self.rng.choice(self.seeds.places.get(country) or self.seeds.places["USA"])

    def verb(self, v: str) -> str:
        if self.style == "md":
            return f"[{v}](#)"
        if self.style == "html":
            return f'<a href="#">{v}</a>'
        return v

    def pct(self) -> str:
        return f"{self.rng.randint(12, 78)}.{self.rng.randint(0, 9)}%" if self.rng.random() < 0.5 \
            else f"{self.rng.randint(12, 78)}%"

    def money(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            return f"${self.rng.randint(1, 40)}.{self.rng.randint(1, 9)} billion"
        if r < 0.7:
            return f"{self.rng.randint(2, 900)} billion yen"
        return f"${self.rng.randint(20, 900)} million"

    def country_name(self, c: str) -> str:
        name = SHORT[c]
        return name[0].upper() + name[1:]

    # chronology entries ---------------------------------------------------------------------

    def entry(self) -> str:
        """One chronology entry: a single act (one event), sometimes with an undated second sentence."""
        a, ca = self.person(self.pair[0] if self.rng.random() < 0.5 else self.pair[1])
        b, _cb = self.person(self.pair[1] if ca == self.pair[0] else self.pair[0])
        c1, c2 = (self.country_name(c) for c in self.pair)
        third = self.rng.choice(THIRD_PARTIES)
        topic, city, v = self.rng.choice(TOPICS), self.place(), self.verb
        k = self.rng.randrange(12)
        if k == 0:
            s = f"{a} {v('meets')} with {b} in {city}."
        elif k == 1:
            s = f"{a} and {b} {v('speak')} by telephone to discuss {topic}."
        elif k == 2:
            s = f"{a} {v('visits')} {self.place(self.pair[1] if ca == self.pair[0] else self.pair[0])}."
        elif k == 3:
            s = f"{a} {v('delivers')} a speech on {topic} in {city}."
        elif k == 4:
            s = f"{c1} and {c2} {v('hold')} a joint {self.rng.choice(EXERCISES)} in {self.rng.choice(SEAS)}."
        elif k == 5:
            s = f"{a} and {b} {v('sign')} a memorandum of cooperation on {topic} in {city}."
        elif k == 6:
            s = (f"{a} {v('releases')} a statement condemning {ADJ[third] if third != 'USA' else 'the'} "
                 f"{self.rng.choice(PROVOCATIONS)}.")
        elif k == 7:
            s = f"{c1} {v('announces')} {self.money()} in assistance for {topic}."
        elif k == 8:
            s = f"{a} {v('hosts')} {b} for talks on {topic} in {city}."
        elif k == 9:
            n = self.rng.randint(2, 19)
            first = HEAD[self.pair[0]].title() if self.pair[0] != "USA" else "US"
            s = (f"The {n}{'th' if 4 <= n <= 20 else {2: 'nd', 3: 'rd'}[n]} round of the {first}-"
                 f"{HEAD[self.pair[1]].title()} {self.rng.choice(DIALOGUES)} {v('is held')} in {city}.")
        elif k == 10:
            s = (f"A {self.rng.choice(MEDIA)} poll {v('finds')} approval of the {ADJ[self.pair[0]]} government "
                 f"at {self.pct()}, down {self.rng.randint(2, 9)} points from the previous month.")
        else:
            s = f"{a} {v('meets')} {b} in {city}. The two discuss {topic} and {self.rng.choice(TOPICS)}."
        return s

    def date_head(self, day: date, span: int) -> str:
        m = MONTH_ABBR[day.month - 1]
        if span:
            return f"{m} {day.day}-{day.day + span}, {day.year}"
        return f"{m} {day.day}, {day.year}"

    def days(self, n: int) -> list[tuple[date, int]]:
        total = (self.end - self.start).days
        out = []
        for d in sorted(self.rng.randrange(total - 3) for _ in range(n)):
            day = self.start + timedelta(days=d)
            span = self.rng.choice((1, 2)) if self.rng.random() < 0.1 and day.day <= 25 else 0
            out.append((day, span))
        return out

    # prose -------------------------------------------------------------------------------------

    def prose_sentence(self) -> str:
        a, _ = self.person()
        c1, c2 = (self.country_name(c) for c in self.pair)
        month = MONTH_FULL[self.rng.randint(*self.third) - 1]
        k = self.rng.randrange(9)
        if k == 0:
            return (f"In a {self.rng.choice(MEDIA)} poll published in {month}, support for the government stood "
                    f"at {self.pct()}, while {self.pct()} of respondents disapproved.")
        if k == 1:
            return f"{c1} pledged {self.money()} for {self.rng.choice(TOPICS)}, the largest such commitment in years."
        if k == 2:
            return (f"{a} argued that cooperation on {self.rng.choice(TOPICS)} would matter more than any single "
                    f"summit, and that {c2} should be a full partner.")
        if k == 3:
            return (f"Some {self.rng.randint(2, 30) * 1000:,} troops took part in exercises, and trade between "
                    f"{c1} and {c2} grew by {self.pct()} over the year.")
        if k == 4:
            return f"Talks in {self.place()} focused on {self.rng.choice(TOPICS)} and {self.rng.choice(TOPICS)}."
        if k == 5:
            return (f"A survey found that {self.pct()} of respondents in {c2} viewed {c1} favorably, "
                    f"up {self.rng.randint(2, 12)} points from last year.")
        return self.rng.choice(FILLER)

    def paragraph(self) -> str:
        return " ".join(self.prose_sentence() for _ in range(self.rng.randint(5, 9)))

    # the four styles -------------------------------------------------------------------------

    def relation(self) -> str:
        return f"{HEAD[self.pair[0]]}-{HEAD[self.pair[1]]} RELATIONS"

    def period_heading(self) -> str:
        return f"{MONTH_FULL[self.third[0] - 1].upper()}–{MONTH_FULL[self.third[1] - 1].upper()} {self.year}"

    def title(self) -> str:
        return self.rng.choice(("STEADY AS SHE GOES", "NEW MOMENTUM", "OLD QUARRELS, NEW PARTNERS",
                                "AN ELECTION SEASON", "BUILDING BRIDGES", "TESTING TIMES", "AS GOOD AS IT GETS?"))

    def authors(self) -> list[str]:
        return [self.rng.choice(("JANE MORTON", "KENJI ARAI", "MINJI PARK", "DANIEL HOWARD", "LI WEN", "SARAH COLE"))
                + ", " + self.rng.choice(("PACIFIC FORUM", "SEOUL POLICY INSTITUTE", "CENTER FOR ALLIANCE STUDIES"))
                for _ in range(self.rng.randint(1, 2))]

    def chronology(self) -> list[tuple[str, str]]:
        entries, seen = [], set()
        for day, span in self.days(self.rng.randint(40, 80)):
            text = self.entry()
            while (day, text) in seen:
                text = self.entry()
            seen.add((day, text))
            entries.append((self.date_head(day, span), text))
        return entries

    def render(self) -> tuple[str, int]:
        return getattr(self, f"render_{self.style}")()

    def render_md(self) -> tuple[str, int]:
        out = ["", "", "PACIFIC FORUM", "", "# COMPARATIVE", "", "CONNECTIONS", "",
               "A TRIANNUAL E-JOURNAL OF BILATERAL  ", "RELATIONS IN THE INDO-PACIFIC", "", self.relation(), "",
               f"## {self.title()}", ""]
        for a in self.authors():
            out += [a, ""]
        for i in range(self.rng.randint(16, 24)):
            if i and i % 4 == 0:
                out += [f"## {self.rng.choice(('Alliance Management', 'Deterrence', 'Economic Ties', 'Outlook'))}", ""]
            out += [self.paragraph(), ""]
            if i == 5:
                out += [f"{self.rng.randint(10, 200)}", "", "Figure 1 Leaders meet. Photo: Cabinet Public Affairs", ""]
        out += [f"# CHRONOLOGY OF {self.relation()}", "", f"## {self.period_heading()}", ""]
        entries = self.chronology()
        out += [line for head, text in entries for line in (f"**{head}:** {text}", "")]
        return "\n".join(out), len(entries)

    def render_web(self) -> tuple[str, int]:
        out = ["Articles", f"{self.relation().title()}: {self.title().title()}"]
        out += [self.paragraph() for _ in range(self.rng.randint(16, 24))]
        out += [f"Chronology of {self.relation().title()}", self.period_heading().title()]
        entries = self.chronology()
        out += [f"{head}: {text}" for head, text in entries]
        return "\n".join(out), len(entries)

    def render_html(self) -> tuple[str, int]:
        title = f"{self.relation().title()}: {self.title().title()}"
        e = html.escape
        out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
               f"<title>{e(title)} | Comparative Connections</title>",
               f'<meta property="og:title" content="{e(title)}">',
               '<meta property="og:site_name" content="Comparative Connections">',
               "<style>body { font-family: serif; }</style>", "</head>", "<body>",
               '<nav><ul><li><a href="/issues">Issues</a></li><li><a href="/about">About</a></li></ul></nav>',
               '<main>', '<article id="article-body">', f"  <h1>{e(title)}</h1>"]
        out += [f"  <p>{e(self.paragraph())}</p>" for _ in range(self.rng.randint(14, 20))]
        out += [f"  <h2>CHRONOLOGY OF {self.relation()}</h2>", f"  <h3>{self.period_heading()}</h3>",
                '  <ul class="chronology">']
        entries = self.chronology()
        for head, text in entries:
            body = text.replace('<a href="#">', "\x00").replace("</a>", "\x01")
            body = e(body).replace("\x00", '<a href="#">').replace("\x01", "</a>")
            out.append(f"    <li><strong>{head}:</strong> {body}</li>")
        out += ["  </ul>", "</article>", "</main>",
                "<footer><p>&copy; Pacific Forum. All rights reserved.</p></footer>", "</body>", "</html>"]
        return "\n".join(out), len(entries)

    def render_digest(self) -> tuple[str, int]:
        """Bullet paragraphs; each holds dated sentences ("on September 14") and sometimes a
        "Two days later" sentence, plus undated sentences. Dates stay inside the issue's period."""
        c1, c2 = (SHORT[c] for c in self.pair)
        issue = f"{MONTH_FULL[self.third[0] - 1]} {self.year}"
        out = [f"{c1}-{c2} Alliance Digest Vol {self.rng.randint(1, 4)}.{self.rng.randint(1, 30)}", "",
               "Download this publication (PDF)", "",
               f"This issue covers developments in {c1}-{c2} relations from {issue}.", "",
               "Image Source: dvids"]
        heads = [f"  • {self.country_name(self.pair[0])} and {c2} discuss {self.rng.choice(TOPICS)}"
                 for _ in range(self.rng.randint(4, 6))]
        out += [*heads, "", ""]
        n = 0
        for day, _span in self.days(self.rng.randint(24, 40)):
            sentences, day_text = [], f"{MONTH_FULL[day.month - 1]} {day.day}"
            a, _ = self.person()
            b, _ = self.person()
            k = self.rng.randrange(4)
            if k == 0:
                sentences.append(f"{a} met {b} in {self.place()} on {day_text} to discuss {self.rng.choice(TOPICS)}.")
            elif k == 1:
                sentences.append(f"{a} and {b} spoke by telephone on {day_text} about {self.rng.choice(TOPICS)}.")
            elif k == 2:
                sentences.append(f"{a} visited {self.place()} on {day_text} and held talks on "
                                 f"{self.rng.choice(TOPICS)}.")
            else:  # a poll's publication is no act (the labelling conventions), but it dates "Two days later"
                sentences.append(f"In a {self.rng.choice(MEDIA)} poll published on {day_text}, support for the "
                                 f"government stood at {self.pct()}.")
                n -= 1
            n += 1
            if self.rng.random() < 0.3 and day.day < 25:
                c, _ = self.person()
                sentences.append(f"Two days later {c} released a statement welcoming the outcome.")
                n += 1
            sentences += [self.rng.choice(FILLER) for _ in range(self.rng.randint(1, 3))]
            out.append("  • " + " ".join(sentences))
        out += ["", f"“{c1}-{c2} Alliance Digest” is a bi-weekly summary of bilateral developments.", "",
                "2024 Alliance Studies Program | Privacy Policy | Sitemap"]
        return "\n".join(out) + "\n", n


# ----------------------------------------------------------------------------- the corpus

def reports(n: int, seed: int = 0, seed_dir: Path = SEED_DIR) -> Iterator[tuple[str, str, int]]:
    """(file name, text, entries written) of N reports, deterministically from `seed`."""
    seeds = load_seeds(seed_dir)
    for i in range(n):
        style = STYLES[i % len(STYLES)]
        rng = random.Random(f"{seed}:{i}")
        text, n_entries = Writer(rng, seeds, style, i).render()
        yield f"{i:06d}-{style}{EXT[style]}", text, n_entries


def generate(n: int, seed: int = 0, out_dir: str | Path = "build/bench-corpus") -> list[Report]:
    """Write N reports into `out_dir` (created) and return what was written (streamed: one report
    in memory at a time)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text, n_entries in reports(n, seed):
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        written.append(Report(name, name.split("-", 1)[1].split(".")[0], n_entries, len(data)))
    return written


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=100)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", default="build/bench-corpus")
    args = p.parse_args(argv)
    written = generate(args.n, args.seed, args.out)
    total = sum(r.n_bytes for r in written)
    print(f"{len(written)} reports, {total / 1e6:.1f} MB ({total / max(1, len(written)) / 1e3:.1f} KB each), "
          f"{sum(r.n_entries for r in written)} entries -> {args.out}")


if __name__ == "__main__":
    main()
