"""Writes resources/allied-resolve-2022.timeline.json from the facts below.

Kept as a script so the dataset's reasoning is reviewable in one place; the
JSON file it writes is the bundled data (run: python tools/build_allied_resolve.py).
Events the article tells in the future tense ("will meet", "will see", "will
finish") carry "status": "planned", whatever their date.
Every quote and attribution is copied verbatim from
../shared/articles/allied-resolve-2022.txt (curly quotes and apostrophes kept).
"""

import json
import pathlib

PUB = (
    "The article prints no date. It says the drills 'began in Belarus on Thursday and will finish on "
    "February 20' after 'ten days of joint military training'; the exercise name gives the year 2022. "
    "The Thursday that opens ten days ending on Sunday 20 February 2022 is Thursday 10 February 2022. "
    "The article speaks of that Thursday both in the past ('launched') and in the future ('will meet "
    "on Thursday'), so it was written on that day: publication taken as Thu 10 Feb 2022."
)
THURSDAY = "'Thursday' = Thu 10 Feb 2022, the day the drills began (see the reference date's basis)."
LAST_THURSDAY = (
    "If the article was written on Thu 10 Feb 2022 (see the reference date), 'last Thursday' written on a "
    "Thursday is the Thursday of the week before: Thu 3 Feb 2022. Uncertain because the publication date "
    "itself is inferred."
)
PUB_NOTE = (" The publication day is itself inferred (see the reference date), so this bound is only as sure as"
            " that day.")
BEFORE_PUB = ("No date given; reported in the present perfect in an article of Thu 10 Feb 2022, so on or before that day."
              + PUB_NOTE)


ANNOUNCED_END = "Ongoing as of the source: the article (Thu 10 Feb 2022, see the reference date) reports the drills begun that day and says they 'will finish on February 20' (day and month stated, year from the exercise name; the 'ten days' count from 10 to 20 February). That end is announced, not reported: the band is known only through 10 February, and its announced end is the planned event 'Drills due to finish' (Sun 20 Feb 2022), with the same words; drawn hatched from 11 to 20 February, planned end, announced (announced end: event id drills-end)."
"""The band's end as ingest writes an announced end (viewer/model/planned_end.py reads its event id)."""


def d(edtf, phrase, basis, **extra):
    return {"edtf": edtf, "phrase": phrase, "basis": basis, **extra}


timeline = {
    "format": "timeline-viewer",
    "version": 1,
    "title": "Allied Resolve-2022: Russia–Belarus drills and the diplomacy of the same days",
    "description": (
        "Ten days of Russia–Belarus joint military drills (10–20 February 2022) beside the parallel "
        "diplomatic tracks, as reported by one Washington Insider Magazine article. Every event, quote "
        "and attribution comes from that article; quotes are verbatim."
    ),
    "reference_date": d("2022-02-10?", "", PUB),
    "time_zone": "Europe/Minsk",
    "home": {"start": "2022-02-02", "end": "2022-02-21"},
    "tracks": [
        {"id": "exercise", "label": "Exercise", "color": "#E69F00", "order": 0},
        {"id": "russia", "label": "Russia / Kremlin", "color": "#D55E00", "order": 1},
        {"id": "nato", "label": "NATO", "color": "#0072B2", "order": 2},
        {"id": "us", "label": "United States", "color": "#56B4E9", "order": 3},
        {"id": "normandy", "label": "Normandy Format", "color": "#009E73", "order": 4},
        {"id": "uk", "label": "United Kingdom", "color": "#CC79A7", "order": 5},
    ],
    "sources": [
        {"id": "article", "kind": "news_article", "outlet": "Washington Insider Magazine",
         "title": "", "author": "",
         "published": d("2022-02-10?", "", PUB),
         "attribution": "BELARUS (Washington Insider Magazine)"},
        {"id": "mod-statement", "kind": "official_statement", "outlet": "Russian Ministry of Defense",
         "published": d("2022-02-10", "on Thursday", THURSDAY), "via": "article",
         "attribution": "according to a statement released by the Russian Ministry of Defense on Thursday"},
        {"id": "stoltenberg-remarks", "kind": "official_statement",
         "outlet": "NATO Secretary-General Jens Stoltenberg",
         "published": d("2022-02-03?", "Last Thursday", LAST_THURSDAY),
         "via": "article", "attribution": "Last Thursday, NATO Secretary-General Jens Stoltenberg said"},
        {"id": "us-officials", "kind": "unnamed_officials",
         "outlet": "senior US sources familiar with Washington’s current intelligence assessments",
         "via": "article",
         "attribution": "According to senior US sources familiar with Washington’s current intelligence assessments"},
        {"id": "peskov", "kind": "press_office", "outlet": "Kremlin spokesman Dmitry Peskov", "via": "article",
         "attribution": "according to Kremlin spokesman Dmitry Peskov"},
        {"id": "le-drian-interview", "kind": "interview",
         "outlet": "French Foreign Minister Jean-Yves Le Drian (interview)",
         "published": d("2022-02-10", "in an interview on Thursday", THURSDAY), "via": "article",
         "attribution": "according to French Foreign Minister Jean-Yves Le Drian, would be a “good sign,” he said in an interview on Thursday"},
        {"id": "cnn", "kind": "other_outlet", "outlet": "CNN", "via": "article", "attribution": "According to CNN"},
        {"id": "downing-street", "kind": "press_office", "outlet": "Downing Street", "via": "article",
         "attribution": "according to Downing Street"},
    ],
    "events": [
        {"id": "allied-resolve-2022", "kind": "band", "title": "Allied Resolve-2022 drills (10–20 Feb)",
         "summary": "On Thursday, Russia and Belarus launched ten days of joint military training as part of ongoing diplomatic attempts to resolve the tension over suspicions that the Kremlin is contemplating an invasion into Ukrainian territory.",
         "start": d("2022-02-10", "launched ten days of joint military training", THURSDAY),
         "end": d("[2022-02-10..]", "will finish on February 20", ANNOUNCED_END),
         "actors": ["Russia", "Belarus"], "location": "Belarus", "tags": ["military", "exercise"],
         "quotes": [{"text": "The military drills, dubbed “Allied Resolve-2022,” began in Belarus on Thursday and will finish on February 20",
                     "kind": "reported", "speaker": "Russian Ministry of Defense", "speaker_role": "",
                     "source": "mod-statement",
                     "attribution": "according to a statement released by the Russian Ministry of Defense on Thursday"}],
         "sources": ["article", "mod-statement"]},
        {"id": "drills-begin", "track": "exercise", "title": "Drills begin in Belarus",
         "summary": "The military drills, dubbed “Allied Resolve-2022,” began in Belarus on Thursday.",
         "start": d("2022-02-10", "began in Belarus on Thursday", THURSDAY),
         "actors": ["Russia", "Belarus"], "location": "Belarus", "tags": ["military"],
         "sources": ["article", "mod-statement"]},
        {"id": "drills-end", "track": "exercise", "title": "Drills due to finish",
         "summary": "The drills will finish on February 20, according to the Russian Ministry of Defense.",
         "start": d("2022-02-20", "will finish on February 20",
                    "Day and month stated; year from the exercise name. Announced end, in the future at publication: a plan, not a report."),
         "actors": ["Russia", "Belarus"], "location": "Belarus", "tags": ["military", "scheduled"],
         "status": "planned", "sources": ["mod-statement"]},
        {"id": "mod-statement", "track": "russia", "title": "Defence ministry statement on the drills",
         "summary": "A statement released by the Russian Ministry of Defense on Thursday said the drills began in Belarus that day and will finish on February 20.",
         "start": d("2022-02-10", "a statement released by the Russian Ministry of Defense on Thursday", THURSDAY),
         "actors": ["Russian Ministry of Defense"], "tags": ["statement"],
         "sources": ["mod-statement"]},
        {"id": "stoltenberg-largest-deployment", "track": "nato",
         "title": "Stoltenberg: deployment to be largest since Cold War",
         "summary": "NATO Secretary-General Jens Stoltenberg said Russia’s deployment into Belarus would be the largest ever since the Cold War.",
         "start": d("2022-02-03?", "Last Thursday", LAST_THURSDAY),
         "actors": ["Jens Stoltenberg", "NATO"], "tags": ["statement"],
         "quotes": [{"text": "Russia’s deployment into Belarus would be the largest ever since the Cold War, with an estimated 30,000 combat troops, Spetsnaz special operations forces, Iskander dual-capable missiles, fighter jets including SU-35 and S-400 air defense systems",
                     "kind": "reported", "speaker": "Jens Stoltenberg", "speaker_role": "NATO Secretary-General",
                     "source": "stoltenberg-remarks", "attribution": "Last Thursday, NATO Secretary-General Jens Stoltenberg said"}],
         "sources": ["stoltenberg-remarks"]},
        {"id": "us-alarm", "track": "us", "title": "US raises alarm over buildup in Belarus",
         "summary": "The US has also raised alarm over Russia’s army buildup in Belarus, a key ally of Russia’s.",
         "start": d("[..2022-02-10]", "has also raised alarm", BEFORE_PUB),
         "actors": ["United States"], "location": "Belarus", "tags": ["statement"],
         "sources": ["article"]},
        {"id": "russia-denies", "kind": "span", "track": "russia", "title": "Russia denies plans to strike Ukraine",
         "summary": "Despite Moscow’s enormous force buildup in the region, Russia has consistently denied plans to strike Ukraine.",
         "start": d("..", "has consistently denied", "The article does not say since when."),
         "end": d("[2022-02-10..]", "has consistently denied",
                  "Still the case at publication (Thu 10 Feb 2022); the article gives no end: on or after that day." + PUB_NOTE),
         "actors": ["Russia"], "tags": ["statement", "ongoing"], "sources": ["article"]},
        {"id": "us-intel-70-percent", "track": "us", "title": "US sources: 70 percent of attack force in place",
         "summary": "According to senior US sources, the Kremlin has gathered 70 percent of the military people and weaponry needed for a full-scale attack.",
         "start": d("[..2022-02-10]", "has gathered", BEFORE_PUB),
         "actors": ["United States", "Kremlin"], "tags": ["intelligence", "unnamed sources"],
         "quotes": [{"text": "the Kremlin has gathered 70 percent of the military people and weaponry needed for a full-scale attack on Ukraine’s borders",
                     "kind": "reported", "speaker": "senior US sources", "speaker_role": "familiar with Washington’s current intelligence assessments",
                     "source": "us-officials",
                     "attribution": "According to senior US sources familiar with Washington’s current intelligence assessments"}],
         "sources": ["us-officials"]},
        {"id": "peskov-unprecedented-threats", "track": "russia", "title": "Peskov: “unprecedented threats” from NATO",
         "summary": "The drills have been cranked up, according to Kremlin spokesman Dmitry Peskov, since both Russia and Belarus face “unprecedented threats” from NATO.",
         "start": d("[..2022-02-10]", "", "No date given for Peskov’s remarks; reported in an article of Thu 10 Feb 2022, so on or before that day." + PUB_NOTE),
         "actors": ["Dmitry Peskov", "Kremlin"], "tags": ["statement"],
         "quotes": [
             {"text": "unprecedented threats", "kind": "direct", "speaker": "Dmitry Peskov",
              "speaker_role": "Kremlin spokesman", "source": "peskov",
              "attribution": "according to Kremlin spokesman Dmitry Peskov"},
             {"text": "both nations saw NATO as an increasing danger", "kind": "reported", "speaker": "Dmitry Peskov",
              "speaker_role": "Kremlin spokesman", "source": "peskov",
              "attribution": "When asked about the aim and political significance of the drills, Peskov stated"}],
         "sources": ["peskov"]},
        {"id": "le-drian-good-sign", "track": "normandy", "title": "Le Drian: new Normandy round would be a “good sign”",
         "summary": "A new round of negotiations between the nations in the so-called Normandy Format would be a “good sign,” French Foreign Minister Jean-Yves Le Drian said in an interview.",
         "start": d("2022-02-10", "he said in an interview on Thursday", THURSDAY),
         "actors": ["Jean-Yves Le Drian", "France"], "tags": ["diplomacy", "interview"],
         "quotes": [{"text": "good sign", "kind": "direct", "speaker": "Jean-Yves Le Drian",
                     "speaker_role": "French Foreign Minister", "source": "le-drian-interview",
                     "attribution": "according to French Foreign Minister Jean-Yves Le Drian, would be a “good sign,” he said in an interview on Thursday"}],
         "sources": ["le-drian-interview"]},
        {"id": "normandy-format-since-2014", "kind": "span", "track": "normandy",
         "title": "Normandy Format talks on eastern Ukraine",
         "summary": "A four-way dialogue between officials from France, Ukraine, Russia, and Germany.",
         "start": d("2014", "since 2014", "Year only, as CNN gives it (via the article)."),
         "end": d("[2022-02-10..]", "has been attempting",
                  "Still going at publication (Thu 10 Feb 2022); the article gives no end: on or after that day." + PUB_NOTE),
         "actors": ["France", "Ukraine", "Russia", "Germany"], "tags": ["diplomacy", "background"],
         "quotes": [{"text": "the Normandy Format is a four-way dialogue between officials from France, Ukraine, Russia, and Germany that has been attempting to negotiate peace in eastern Ukraine since 2014",
                     "kind": "reported", "speaker": "CNN", "speaker_role": "", "source": "cnn",
                     "attribution": "According to CNN"}],
         "sources": ["cnn"]},
        {"id": "berlin-advisers-meeting", "track": "normandy", "title": "Normandy Format advisers due to meet in Berlin",
         "summary": "Advisors from all four nations will meet in Berlin on Thursday to examine the current situation in Ukraine. The drills begin on the same day as diplomatic discussions aimed at resolving the issue are scheduled to take place.",
         "start": d("2022-02-10", "will meet in Berlin on Thursday", THURSDAY + " Scheduled at publication."),
         "actors": ["France", "Ukraine", "Russia", "Germany"], "location": "Berlin", "tags": ["diplomacy", "scheduled"],
         "status": "planned", "sources": ["article"]},
        {"id": "johnson-stoltenberg-brussels", "track": "uk", "title": "Johnson due to see Stoltenberg in Brussels",
         "summary": "UK Prime Minister Boris Johnson will see NATO Secretary General Jens Stoltenberg in Brussels on Thursday.",
         "start": d("2022-02-10", "in Brussels on Thursday", THURSDAY + " Scheduled at publication."),
         "actors": ["Boris Johnson", "Jens Stoltenberg"], "location": "Brussels", "tags": ["diplomacy", "scheduled"],
         "status": "planned", "sources": ["downing-street"]},
        {"id": "johnson-poland", "track": "uk", "title": "Johnson due in Poland: Morawiecki and Duda",
         "summary": "After Brussels, Johnson is to travel to Poland to meet Prime Minister Mateusz Morawiecki and President Andrzej Duda (planned, according to Downing Street).",
         "start": d("[2022-02-10..]", "before traveling to Poland",
                    "After the Brussels meeting of Thu 10 Feb 2022; the article gives no day for the Poland visit: on or after 10 Feb."),
         "actors": ["Boris Johnson", "Mateusz Morawiecki", "Andrzej Duda"], "location": "Poland",
         "tags": ["diplomacy", "scheduled"], "status": "planned", "sources": ["downing-street"]},
        {"id": "truss-arrives-moscow", "track": "uk", "title": "Truss arrives in Moscow",
         "summary": "Foreign Secretary Liz Truss arrived in Moscow on Thursday.",
         "start": d("2022-02-10", "arrived in Moscow on Thursday", THURSDAY),
         "actors": ["Liz Truss"], "location": "Moscow", "tags": ["diplomacy"], "sources": ["article"]},
        {"id": "lavrov-lowest-level", "track": "russia", "title": "Lavrov: ties “at their lowest level in recent years”",
         "summary": "In Moscow Liz Truss met Russian Foreign Minister Sergey Lavrov, who noted that ties between the UK and Russia were “at their lowest level in recent years.”",
         "start": d("2022-02-10?", "arrived in Moscow on Thursday, where she met with",
                    "The article dates Truss’s arrival (Thu 10 Feb 2022) and places the meeting after it without dating the meeting itself: taken as that day, marked uncertain."),
         "actors": ["Sergey Lavrov", "Liz Truss"], "location": "Moscow", "tags": ["diplomacy"],
         "quotes": [{"text": "at their lowest level in recent years", "kind": "direct", "speaker": "Sergey Lavrov",
                     "speaker_role": "Russian Foreign Minister", "source": "article",
                     "attribution": "Foreign Secretary Liz Truss arrived in Moscow on Thursday, where she met with Russian Foreign Minister Sergey Lavrov, who noted"}],
         "sources": ["article"]},
    ],
}

# The bundled story: the ten days as the article tells them.  Presenter notes
# say only what the article says (its words, shortened; quotes verbatim).
BUILDUP = ["exercise", "russia", "nato", "us"]
TENTH = ["russia", "normandy", "uk"]  # the lanes of the day's diplomacy, tall enough for every label
WEEK_BEFORE = {"start": "2022-02-01", "end": "2022-02-21"}  # room right of 10 Feb for the labels
THE_TENTH = {"start": "2022-02-09T18:00:00Z", "end": "2022-02-11"}  # room right of the markers for labels
TEN_DAYS = {"start": "2022-02-08", "end": "2022-02-21"}
timeline["stories"] = [{
    "title": "Allied Resolve-2022: the ten days",
    "description": (
        "The buildup, the start of the drills on Thursday 10 February 2022, the diplomatic tracks of the "
        "same day and the announced end on 20 February, as one Washington Insider Magazine article reports them."
    ),
    "steps": [
        {"event": "stoltenberg-largest-deployment", "window": WEEK_BEFORE, "tracks": BUILDUP,
         "note": "Buildup. Last Thursday (3 Feb), NATO Secretary-General Jens Stoltenberg said Russia’s deployment "
                 "into Belarus would be the largest ever since the Cold War: an estimated 30,000 combat troops, "
                 "Spetsnaz special operations forces, Iskander dual-capable missiles, SU-35 fighter jets and "
                 "S-400 air defense systems."},
        {"event": "us-alarm", "window": WEEK_BEFORE, "tracks": BUILDUP,
         "note": "The US has also raised alarm over Russia’s army buildup in Belarus, a key ally of Russia’s. "
                 "The article gives no date: on or before 10 Feb."},
        {"event": "us-intel-70-percent", "window": WEEK_BEFORE, "tracks": BUILDUP,
         "note": "Unnamed senior US sources: the Kremlin has gathered 70 percent of the military people and "
                 "weaponry needed for a full-scale attack. Attributed to unnamed sources only."},
        {"event": "russia-denies", "window": WEEK_BEFORE, "tracks": BUILDUP,
         "note": "Despite Moscow’s enormous force buildup in the region, Russia has consistently denied plans "
                 "to strike Ukraine. The article does not say since when."},
        {"event": "peskov-unprecedented-threats", "window": WEEK_BEFORE, "tracks": BUILDUP,
         "note": "Kremlin spokesman Dmitry Peskov: the drills have been cranked up since both Russia and Belarus "
                 "face “unprecedented threats” from NATO; asked about their aim, he said both nations saw NATO "
                 "as an increasing danger. Undated in the article."},
        {"event": "drills-begin", "window": TEN_DAYS,
         "note": "Thursday 10 February: Russia and Belarus launched ten days of joint military training. The "
                 "drills, dubbed “Allied Resolve-2022,” began in Belarus, according to a statement released by "
                 "the Russian Ministry of Defense on Thursday."},
        {"event": "berlin-advisers-meeting", "window": THE_TENTH, "tracks": TENTH,
         "note": "The drills begin on the same day as diplomatic discussions aimed at resolving the issue. "
                 "Advisors from France, Ukraine, Russia and Germany (the Normandy Format) will meet in Berlin on "
                 "Thursday to examine the current situation in Ukraine."},
        {"event": "le-drian-good-sign", "window": THE_TENTH, "tracks": TENTH,
         "note": "French Foreign Minister Jean-Yves Le Drian, in an interview on Thursday: a new round of "
                 "Normandy Format negotiations would be a “good sign.” According to CNN, the format has been "
                 "attempting to negotiate peace in eastern Ukraine since 2014."},
        {"event": "johnson-stoltenberg-brussels", "window": THE_TENTH, "tracks": TENTH,
         "note": "According to Downing Street, UK Prime Minister Boris Johnson will see NATO Secretary General "
                 "Jens Stoltenberg in Brussels on Thursday before traveling to Poland to meet Prime Minister "
                 "Mateusz Morawiecki and President Andrzej Duda."},
        {"event": "truss-arrives-moscow", "window": THE_TENTH, "tracks": TENTH,
         "note": "Foreign Secretary Liz Truss arrived in Moscow on Thursday."},
        {"event": "lavrov-lowest-level", "window": THE_TENTH, "tracks": TENTH,
         "note": "In Moscow Truss met Russian Foreign Minister Sergey Lavrov, who noted that ties between the UK "
                 "and Russia were “at their lowest level in recent years.” The article does not date the meeting "
                 "itself: shown on the day of her arrival, marked uncertain."},
        {"event": "drills-end", "window": TEN_DAYS,
         "note": "The drills will finish on February 20, according to the Russian Ministry of Defense. At the "
                 "article’s date this was announced, not reported."},
    ],
}]

# Attribution must be verbatim too; "... " in a phrase marks an elision only there.
out = pathlib.Path(__file__).resolve().parents[1] / "resources" / "allied-resolve-2022.timeline.json"
out.write_text(json.dumps(timeline, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"wrote {out}")
