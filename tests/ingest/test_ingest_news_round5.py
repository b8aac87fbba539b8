"""What the reviewer sees of a tester's wire-style paragraphs (ingest5 round, published Fri 10 Mar 2023 unless a
dateline says otherwise): a correction line is about the article, never a claim (its dates are often the wrong
ones it retracts); "… and that …" and "…, but added that …" are each the speaker's claim of their own."""

from viewer.ingest import ingest_text
from viewer.model.timeline import QuoteKind

from .tester_articles import events_of


def _said(event):
    return [(q.kind, q.speaker, q.text) for q in event.quotes]


def test_a_correction_line_is_no_claim_and_the_corrected_fact_stays_a_plan():
    text = ("GENEVA, Tuesday, March 14, 2023 (Test Wire) - Envoys will meet in Geneva on Thursday, the Swiss foreign "
            "ministry said on Monday.\n\nCorrection: An earlier version of this story said the talks would start on "
            "Wednesday. They will start on Thursday.\n\nThis story has been corrected to show that the vote was "
            "held last week, not last month.\n")
    events = ingest_text(text).timeline.events
    # was a planned draft "Correction: An earlier version of this story said the talks…" on Wed 15 Mar, and a
    # draft "This story has been corrected …" dated last month: the very dates the correction retracts
    assert not any(e.start.phrase in ("on Wednesday", "last month") for e in events)
    assert not any("orrect" in e.title for e in events)
    start = next(e for e in events if e.title == "They will start")
    assert (start.start.edtf, start.start.phrase) == ("2023-03-16", "on Thursday") and start.planned


def test_and_that_and_but_added_that_are_each_a_claim_of_the_same_speaker():
    monday, december = events_of("Kiper said on Monday that repair work is under way and that the port will "
                                 "reopen in December.")
    # was one reported clause holding "and that", titled "Repair work is under way and that the port will…"
    assert _said(monday) == [(QuoteKind.REPORTED, "Kiper", "repair work is under way")]
    assert monday.title == "Kiper: repair work is under way" and monday.start.edtf == "2023-03-06"
    assert _said(december) == [(QuoteKind.REPORTED, "Kiper", "the port will reopen in December")]
    assert december.title == "Kiper (plan): the port will reopen"
    assert december.start.edtf == "2023-12" and december.planned
    (e,) = events_of('Peskov told reporters that Moscow was "open to any format that brings results," but added '
                     'that NATO is still a threat.')
    # was the quote alone: the added clause dropped
    assert _said(e) == [(QuoteKind.DIRECT, "Peskov", "open to any format that brings results"),
                        (QuoteKind.REPORTED, "Peskov", "NATO is still a threat")]
    assert e.start.edtf == "[..2023-03-10]" and not e.planned
    (e,) = events_of("Peskov said on Tuesday that the talks had failed and that was that.")
    assert _said(e) == [(QuoteKind.REPORTED, "Peskov", "the talks had failed and that was that")]


def test_a_day_without_on_after_said_is_the_saying_s_not_the_words():
    (e,) = events_of("Ukraine's military said Saturday it had shot down 12 drones overnight.")
    assert (e.start.edtf, e.start.phrase) == ("2023-03-04", "Saturday")
    # was "Saturday it had shot down 12 drones overnight", the day taken into the military's words
    assert _said(e) == [(QuoteKind.REPORTED, "Ukraine's military", "it had shot down 12 drones overnight")]


def test_every_day_in_the_words_after_said_is_the_speaker_s_claim():
    events = events_of("Russia's defence ministry said its forces had hit \"military targets\" in the region on "
                       "Thursday and Saturday.")
    assert [e.start.phrase for e in events] == ["on Thursday", "Saturday"]
    for e in events:  # was Saturday's draft with no speaker and no quote: the ministry's claim read as fact
        assert _said(e) == [(QuoteKind.DIRECT, "Russia's defence ministry", "military targets")]
    (e,) = events_of('"We will fight," Zelensky said, as troops crossed the border on Monday.')
    assert _said(e) == [(QuoteKind.DIRECT, "Zelensky", "We will fight")]


def test_a_quote_going_on_in_the_next_paragraph_keeps_its_first_paragraph_as_a_direct_quote():
    result = ingest_text('KYIV, March 14, 2023 (Test Wire) - "We are not going to sign anything," Kuleba said on '
                         'Monday. "But we will listen.\n\n"If they bring a real offer, we will study it," he said.\n')
    quotes = [(q.kind, q.speaker, q.text) for e in result.timeline.events for q in e.quotes]
    # was "But we will listen" nowhere: no quote, no draft, no warning
    assert quotes == [(QuoteKind.DIRECT, "Kuleba", "We are not going to sign anything"),
                      (QuoteKind.DIRECT, "Kuleba", "But we will listen"),
                      (QuoteKind.DIRECT, "Kuleba", "If they bring a real offer, we will study it")]
    listen = next(e for e in result.timeline.events if any(q.text == "But we will listen" for q in e.quotes))
    assert listen.start.edtf == "[..2023-03-14]" and not listen.planned  # said by publication, whatever its tense
    assert not result.warnings  # news style for a quote of several paragraphs: no mark left open


def test_a_named_speaker_s_quote_in_a_relative_clause_and_the_main_saying_after_it():
    said, main = events_of('Anna Lindqvist, the Swedish minister for Europe, who said on Wednesday that the '
                           'measures were "long overdue," told reporters the bloc must act faster. "We waited too '
                           'long," she said.')
    # was "unnamed official (“the Swedish minister for Europe”)", "the bloc must act faster" dropped and "she"
    # no one
    assert said.title == "Anna Lindqvist: the measures were “long overdue”" and said.start.edtf == "2023-03-08"
    assert _said(said) == [(QuoteKind.DIRECT, "Anna Lindqvist", "long overdue")]
    assert said.quotes[0].speaker_role == "the Swedish minister for Europe"
    # the main saying has no day of its own (Wednesday is the clause's): on or before publication
    assert main.title == "Anna Lindqvist: the bloc must act faster" and main.start.edtf == "[..2023-03-10]"
    assert _said(main) == [(QuoteKind.REPORTED, "Anna Lindqvist", "the bloc must act faster"),
                           (QuoteKind.DIRECT, "Anna Lindqvist", "We waited too long")]
    wednesday, thursday = events_of('Anna Berg, who said on Wednesday that the measures were "long overdue," told '
                                    'reporters on Thursday that the bloc must act faster.')
    assert _said(thursday) == [(QuoteKind.REPORTED, "Anna Berg", "the bloc must act faster")]
    assert thursday.start.edtf == "2023-03-09" and wednesday.start.edtf == "2023-03-08"


def test_which_officials_said_names_the_officials_never_the_thing_as_a_speaker():
    (e,) = events_of("The decision, which diplomats said was reached after two days of talks, follows a vote by "
                     "the European Parliament last week.")
    # was the reported speech of a speaker "decision", running to the sentence's end
    assert [(q.kind, q.speaker) for q in e.quotes] == [(QuoteKind.REPORTED, "diplomats")]
    assert e.quotes[0].text == "was reached after two days of talks"
    assert e.start.phrase == "last week" and e.start.edtf == "[2023-02-27..2023-03-05]"


def test_an_attribution_set_off_mid_sentence_reports_the_clause_before_it():
    events = events_of("Envoys will meet in Geneva on Thursday, the Swiss foreign ministry said on Monday, after "
                       "talks collapsed last week.")
    meet = next(e for e in events if e.start.phrase == "on Thursday")
    # was "after talks collapsed last week" as the ministry's words, and the meeting no one's
    assert _said(meet) == [(QuoteKind.REPORTED, "Swiss foreign ministry", "Envoys will meet in Geneva on Thursday")]
    # said on Monday 6 March: "on Thursday" is the 9th, a plan as of that Monday (never a meeting held)
    assert meet.start.edtf == "2023-03-09" and meet.planned
    assert meet.title == "Swiss foreign ministry (plan): Envoys will meet in Geneva"


def test_a_plan_reported_with_no_day_is_planned_and_citing_keeps_an_abbreviated_source():
    (e,) = events_of("The United States will send new missiles to Ukraine, according to CNN, citing two U.S. "
                     "officials familiar with the plan.")
    # was no draft at all ("citing two U" ended at the point of "U.S."); and a plan reported with no day was
    # drafted on or before publication, not planned
    assert e.title == "Two U.S. officials (plan): the United States will send new missiles to Ukraine"
    assert e.start.edtf == "[2023-03-10..]" and e.planned
    (q,) = e.quotes
    assert (q.kind, q.speaker, q.text) == (QuoteKind.REPORTED, "two U.S. officials",
                                           "The United States will send new missiles to Ukraine")
    (e,) = events_of("The talks could last until the end of the week, two diplomats said.")
    assert e.start.edtf == "[2023-03-10..]" and e.planned  # was [..2023-03-10], not planned
    (e,) = events_of('"We will send more," Kirby said.')  # a remark quoted was made by publication
    assert e.start.edtf == "[..2023-03-10]" and not e.planned


def test_he_said_set_off_mid_sentence_gives_both_halves_to_the_one_person_named():
    events = events_of("Regional governor Oleh Kiper said the strikes damaged grain silos. No one was killed, he "
                       "said, but three people were wounded.")
    said = [(q.kind, q.speaker, q.text) for e in events for q in e.quotes]
    # was "No one was killed, he said, but …" nowhere: no draft, no quote
    assert (QuoteKind.REPORTED, "Oleh Kiper", "No one was killed") in said
    assert (QuoteKind.REPORTED, "Oleh Kiper", "but three people were wounded") in said


def test_a_plan_reported_before_an_aside_with_no_day_of_its_own_is_planned():
    events = events_of("Aid flights will continue, officials said, and a donor conference is planned for October.")
    flights = next(e for e in events if any(q.text == "Aid flights will continue" for q in e.quotes))
    # was no claim at all for the flights (the officials' words were only what came after their aside)
    assert flights.start.edtf == "[2023-03-10..]" and flights.planned  # never a fact, never dated October
    assert [(q.kind, q.speaker) for q in flights.quotes] == [(QuoteKind.REPORTED, "officials")]
    october = next(e for e in events if e.start.phrase == "for October")
    assert october.start.edtf == "2023-10" and october.planned


def test_a_lower_case_role_before_the_name_keeps_all_its_words():
    (e,) = events_of('"We will listen," Ukraine\'s foreign minister Dmytro Kuleba said on Monday.')
    (q,) = e.quotes
    assert (q.speaker, q.speaker_role) == ("Dmytro Kuleba", "Ukraine's foreign minister")  # was "minister"
