"""How well ``timeline-viewer ingest`` reads articles: prints tables, asserts nothing.

1. The bundled article (``tests/data/articles/allied-resolve-2022.txt``)
   against the bundled, hand-reasoned timeline
   (``resources/allied-resolve-2022.timeline.json``): each hand-made event is
   looked for among the drafts of its sentence (the sentence that holds its
   date phrase, else its first quote); quotes are matched by text.
2. The short test articles ``tests/data/articles/ingest/*.txt|md|html``, each with
   ``NAME.expected.json`` (publication, dates by phrase, quotes with speaker,
   kind and relays); ``"edtf": null`` means the phrase must be listed as
   unresolved, not guessed.
3. Speed: ingest of a ~2,000-word article (the test articles repeated).

Date classes compare the possible intervals (``EventDate.earliest/latest``)
and qualifiers: *equal*; *less precise* (the draft's interval holds the
expected one, or it adds a ``?``); *more precise* (inside it, or drops a
``?`` the text calls for: claims more than the text says); *wrong*
(neither).  Run: ``.venv/bin/python benchmarks/bench_ingest.py``.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
import time
from datetime import date

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from viewer.ingest import ingest_file, ingest_text  # noqa: E402
from viewer.io.native import read_native  # noqa: E402
from viewer.model.dates import EventDate  # noqa: E402

ARTICLE = ROOT / "tests" / "data" / "articles" / "allied-resolve-2022.txt"
BUNDLED = ROOT / "resources" / "allied-resolve-2022.timeline.json"
TESTS = ROOT / "tests" / "data" / "articles" / "ingest"


def date_class(got: EventDate | None, want: EventDate | None) -> str:
    """``equal``, ``less precise``, ``more precise``, ``wrong`` or ``missing``."""
    if want is None:
        return "equal" if got is None else "less precise"
    if got is None:
        return "missing"
    if got.edtf == want.edtf:
        return "equal"
    gl, gh, wl, wh = got.earliest, got.latest, want.earliest, want.latest
    if (gl, gh) == (wl, wh) and got.relation == want.relation:
        if got.uncertain == want.uncertain and got.approximate == want.approximate:
            return "equal"
        return "less precise" if (got.uncertain or got.approximate) else "more precise"
    if gl <= wl and gh >= wh:
        return "less precise"
    if gl >= wl and gh <= wh:
        return "more precise"
    return "wrong"


_ORDER = ["equal", "less precise", "missing", "more precise", "wrong"]


def worst(*classes: str) -> str:
    return max(classes, key=_ORDER.index)


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'").replace("“", '"').replace("”", '"')).strip(" .,").lower()


def _names_agree(got: str, want: str) -> bool:
    g, w = _norm(got), _norm(want)
    return bool(g) and (g == w or g in w or w in g)


def _chain(tl, source_id: str) -> list[str]:
    return [s.outlet for s in tl.source_chain(source_id)]


def table(title: str, rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _ in rows)
    print(f"\n{title}\n" + "-" * len(title))
    for k, v in rows:
        print(f"  {k:<{width}}  {v}")


def bundled() -> dict:
    result = ingest_file(ARTICLE)
    tl, text = result.timeline, result.text
    want = read_native(BUNDLED)
    sent_of = [s for s in result.sentences]

    def sentence_at(pos: int) -> int:
        return next((s.index for s in sent_of if s.start <= pos < s.end), -1)

    drafts = list(tl.events)
    used: set[str] = set()
    found = missed = planned_right = 0
    classes: dict[str, int] = dict.fromkeys(_ORDER, 0)
    lines = []
    for ev in want.events:
        key = ev.start.phrase or (ev.quotes[0].text if ev.quotes else ev.summary[:40])
        pos = text.find(key)
        if pos < 0 and ev.quotes:
            pos = text.find(ev.quotes[0].text)
        idx = sentence_at(pos) if pos >= 0 else -1
        cands = [d for d in drafts if d.id not in used and d.draft and idx >= 0
                 and d.draft.offsets[0] <= sent_of[idx].start < d.draft.offsets[1]]

        def score(d, ev=ev):
            c = worst(date_class(d.start, ev.start), date_class(d.end, ev.end) if ev.end else "equal")
            overlap = bool(d.start.phrase) and (d.start.phrase in (ev.start.phrase or "") or
                                                (ev.start.phrase or "\0") in d.start.phrase)
            return (_ORDER.index(c), not overlap)

        if not cands:
            missed += 1
            lines.append((ev.id, "MISSED"))
            continue
        best = min(cands, key=score)
        used.add(best.id)
        found += 1
        c = worst(date_class(best.start, ev.start), date_class(best.end, ev.end) if ev.end else "equal")
        classes[c] += 1
        planned_right += best.planned == ev.planned
        got = best.start.edtf + (f"/{best.end.edtf}" if best.end else "")
        exp = ev.start.edtf + (f"/{ev.end.edtf}" if ev.end else "")
        plans = "" if best.planned == ev.planned else f"  planned: draft {best.planned}, hand {ev.planned}"
        lines.append((ev.id, f"{c:<13} draft {got:<28} hand {exp}{plans}"))
    extra = len(drafts) - len(used)
    q = quote_rows(tl, text, [(qq, want) for e in want.events for qq in e.quotes])
    print("\nBundled article, event by event\n" + "-" * 31)
    for k, v in lines:
        print(f"  {k:<32} {v}")
    return {"events expected": len(want.events), "found": found, "missed": missed, "extra drafts": extra,
            **classes, "planned right": f"{planned_right}/{found} ({sum(e.planned for e in want.events)} planned "
                                        f"by hand, {sum(d.planned for d in drafts)} drafts planned)",
            **q, "publication": f"{result.publication.edtf} ({result.publication.how})",
            "ms": result.seconds * 1000}


def quote_rows(tl, text: str, expected: list) -> dict:
    """Quote figures: every draft quote verbatim at its offsets; each expected
    quote matched by text, its speaker, kind and relay chain compared."""
    got = [q for e in tl.events for q in e.quotes]
    verbatim = sum(1 for q in got if q.offsets and text[q.offsets[0]:q.offsets[1]] == q.text)
    matched = speakers = wrong_speaker = unattributed = kinds = chains = 0
    for want, want_tl in expected:
        if isinstance(want, dict):
            w_text, w_speaker, w_kind, w_via = want["text"], want["speaker"], want["kind"], want.get("via", [])
        else:
            w_text, w_speaker, w_kind = want.text, want.speaker, want.kind.value
            w_via = _chain(want_tl, want.source)[1:-1] if want.source else []
        hit = next((q for q in got if _norm(q.text) == _norm(w_text)), None)
        if hit is None:
            continue
        matched += 1
        if not hit.speaker:
            unattributed += 1
        elif _names_agree(hit.speaker, w_speaker):
            speakers += 1
        else:
            wrong_speaker += 1
        kinds += hit.kind.value == w_kind
        g_via = _chain(tl, hit.source)[1:-1] if hit.source else []
        chains += len(g_via) == len(w_via) and all(_names_agree(a, b) for a, b in zip(g_via, w_via, strict=True))
    return {"quotes expected": len(expected), "quotes found": matched, "draft quotes": len(got),
            "verbatim at offsets": f"{verbatim}/{len(got)}", "speakers right": speakers,
            "misattributed": wrong_speaker, "unattributed": unattributed, "kind right": kinds,
            "attribution chains right": chains}


def _articles() -> list[pathlib.Path]:
    """The test articles: .txt, .md and .html, each with NAME.expected.json."""
    return sorted(p for p in TESTS.iterdir() if p.suffix in (".txt", ".md", ".html"))


def small_articles() -> tuple[dict, list]:
    totals: dict = {}
    per = []
    for path in _articles():
        exp = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        given = exp.get("args", {}).get("published")
        result = ingest_file(path, published=date.fromisoformat(given) if given else None)
        tl, text = result.timeline, result.text
        pub_ok = (result.publication.day.isoformat() if result.publication.day else None) == exp["publication"]
        used: set[str] = set()
        row = {"events expected": 0, "found": 0, "missed": 0, **dict.fromkeys(_ORDER, 0)}
        for d in exp["dates"]:
            row["events expected"] += 1
            if d["edtf"] is None:
                listed = any(d["phrase"] in u.phrase or u.phrase in d["phrase"] and u.phrase for u in result.unresolved)
                placed = [e for e in tl.events if d["phrase"] in (e.start.phrase or "")]
                ok = listed and not any(e.start.is_exact for e in placed)
                row["found" if ok else "missed"] += 1
                row["equal" if ok else "wrong"] += 1
                continue
            cands = [e for e in tl.events if e.id not in used and (
                d["phrase"].lower() in (e.start.phrase or "").lower() or
                (e.start.phrase and e.start.phrase.lower() in d["phrase"].lower()))]
            if not cands:
                row["missed"] += 1
                per.append((path.name, d["phrase"], "MISSED"))
                continue
            want_s = EventDate(d["edtf"])
            want_e = EventDate(d["end"]) if d.get("end") else None
            best = min(cands, key=lambda e: _ORDER.index(worst(date_class(e.start, want_s),
                                                               date_class(e.end, want_e) if want_e else "equal")))
            used.add(best.id)
            row["found"] += 1
            c = worst(date_class(best.start, want_s), date_class(best.end, want_e) if want_e else "equal")
            row[c] += 1
            if c != "equal":
                per.append((path.name, d["phrase"], f"{c}: draft {best.start.edtf}"
                            f"{'/' + best.end.edtf if best.end else ''}, expected {d['edtf']}"
                            f"{'/' + d['end'] if d.get('end') else ''}"))
        row["extra drafts"] = len(tl.events) - len(used)
        q = quote_rows(tl, text, [(w, None) for w in exp["quotes"]])
        for w in exp["quotes"]:
            hit = next((x for e in tl.events for x in e.quotes if _norm(x.text) == _norm(w["text"])), None)
            if hit is None:
                per.append((path.name, "quote " + w["text"][:40], "NOT FOUND"))
            elif not _names_agree(hit.speaker, w["speaker"]) or hit.kind.value != w["kind"]:
                per.append((path.name, "quote " + w["text"][:40], f"speaker {hit.speaker!r} ({hit.kind.value})"))
        row.update({k: v for k, v in q.items() if k != "verbatim at offsets"})
        v_ok, v_all = map(int, q["verbatim at offsets"].split("/"))
        row["verbatim"] = (v_ok, v_all)
        row["publication right"] = int(pub_ok)
        for k, v in row.items():
            if isinstance(v, tuple):
                a, b = totals.get(k, (0, 0))
                totals[k] = (a + v[0], b + v[1])
            else:
                totals[k] = totals.get(k, 0) + v
        if not pub_ok:
            per.append((path.name, "publication", f"{result.publication.edtf or None} vs {exp['publication']}"))
    totals["articles"] = len(_articles())
    totals["verbatim at offsets"] = "{}/{}".format(*totals.pop("verbatim"))
    return totals, per


def speed() -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8").split("\n", 1)[1] for p in sorted(TESTS.glob("*.txt"))]
    body = "LONDON, Feb. 10, 2022 (Reuters) - " + "\n".join(texts + [ARTICLE.read_text(encoding="utf-8")])
    while len(body.split()) < 2000:
        body += "\n" + "\n".join(texts)
    # the first ingest in a fresh process also compiles pysbd's rules and the EDTF grammar
    code = ("import sys, time; from viewer.ingest import ingest_text; body = sys.stdin.read(); "
            "t = time.perf_counter(); ingest_text(body); print(time.perf_counter() - t)")
    cold = float(subprocess.run([sys.executable, "-c", code], input=body, capture_output=True, text=True,
                                cwd=ROOT, check=True).stdout)
    rows = []
    for _ in range(3):
        t = time.perf_counter()
        r = ingest_text(body)
        rows.append(time.perf_counter() - t)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return [("words", str(len(body.split()))), ("sentences", str(len(r.sentences))),
            ("draft events", str(len(r.timeline.events))),
            ("first ingest in a fresh process (s)", f"{cold:.2f}"),
            ("ingest, best of 3 after it (s)", f"{min(rows):.2f}"), ("goal", "< 2 s"),
            ("load average (1 min)", f"{load:.1f}")]


def main() -> None:
    b = bundled()
    table("Bundled article vs the hand-reasoned timeline",
          [(k, f"{v:.0f}" if isinstance(v, float) else str(v)) for k, v in b.items()])
    totals, per = small_articles()
    table(f"{totals['articles']} short test articles (tests/data/articles/ingest)",
          [(k, str(v)) for k, v in totals.items()])
    if per:
        print("\n  not equal / not found:")
        for name, what, how in per:
            print(f"    {name}: {what!r}: {how}")
    table("Speed", speed())


if __name__ == "__main__":
    main()
