"""What the reviewer sees for the tester round after ingest3 (article published Fri 10 Mar 2023): a speaker's
relative clause that reports a saying of its own, a quote added after a reported clause ("adding that “…”",
"adding: “…”"), several ", saying that …, noting that …" clauses, a saying's day with no "that" after it, and a
paragraph that opens with "He said"."""

from viewer.model.timeline import QuoteKind

from .tester_articles import events_of as _events


def _said(event):
    return [(q.kind, q.speaker, q.text) for q in event.quotes]


def test_who_said_on_monday_is_a_claim_of_its_own_and_the_main_saying_is_tuesdays():
    events = _events("Anna Berg, who said on Monday that the talks had failed, said on Tuesday that the mission "
                     "would leave.")
    by_day = {e.start.edtf: e for e in events}
    monday, tuesday = by_day["2023-03-06"], by_day["2023-03-07"]
    # was: both drafts "Anna Berg: the mission would leave", her Tuesday words dated Monday and "the talks had
    # failed" nowhere
    assert monday.title == "Anna Berg: the talks had failed" and monday.start.phrase == "on Monday"
    assert _said(monday) == [(QuoteKind.REPORTED, "Anna Berg", "the talks had failed")]
    assert tuesday.title == "Anna Berg: the mission would leave" and tuesday.start.phrase == "on Tuesday"
    assert _said(tuesday) == [(QuoteKind.REPORTED, "Anna Berg", "the mission would leave")]
    # and what she said would happen is a plan of its own, on or after her Tuesday saying (ingest6), never a fact
    plan = by_day["[2023-03-07..]"]
    assert plan.title == "Anna Berg (plan): the mission would leave" and plan.planned
    assert _said(plan) == [(QuoteKind.REPORTED, "Anna Berg", "the mission would leave")]
    assert len(events) == 3


def test_adding_that_a_quote_leaves_the_earlier_claim_its_own_words():
    events = _events('Foreign minister Anna Berg said on Wednesday that the mission had left, adding that "talks '
                     'ended on March 3."')
    by_day = {e.start.edtf: e for e in events}
    said, ended = by_day["2023-03-08"], by_day["2023-03-03"]
    assert said.title == "Anna Berg: the mission had left"  # was "Anna Berg: “talks ended on March 3”"
    assert (QuoteKind.REPORTED, "Anna Berg", "the mission had left") in _said(said)
    assert ended.title == "Anna Berg: “talks ended on March 3”"
    assert _said(ended) == [(QuoteKind.DIRECT, "Anna Berg", "talks ended on March 3")]  # verbatim, her own words
    assert not any(q.kind == QuoteKind.REPORTED and "talks ended" in q.text for e in events for q in e.quotes)


def test_adding_colon_a_quote_is_its_own_direct_quote_and_a_plan_in_it_stays_planned():
    events = _events('Foreign minister Anna Berg said on Wednesday that the mission had left, adding: "We will '
                     'meet again on March 20."')
    by_day = {e.start.edtf: e for e in events}
    said, meet = by_day["2023-03-08"], by_day["2023-03-20"]
    assert said.title == "Anna Berg: the mission had left" and not said.planned
    assert _said(meet) == [(QuoteKind.DIRECT, "Anna Berg", "We will meet again on March 20")]
    assert meet.title == "Anna Berg: “We will meet again on March 20”" and meet.planned


def test_and_added_colon_keeps_the_quote_attributed():
    meet, left = _events('Berg said the mission had left and added: "We will meet again on March 20."')
    # was an unattributed quote on an "Other" track, titled "Berg added: We will meet again"
    assert _said(meet) == [(QuoteKind.DIRECT, "Berg", "We will meet again on March 20")]
    assert meet.start.phrase == "on March 20" and meet.planned
    # (March 20 is the meeting's, in her quote: the mission's leaving, reported, is undated and no plan)
    assert _said(left) == [(QuoteKind.REPORTED, "Berg", "the mission had left")]
    assert left.start.edtf == "[..2023-03-10]" and not left.planned
    assert meet.track != "other" and left.track != "other"


def test_each_saying_that_and_noting_that_clause_is_its_own_reported_speech():
    (e,) = _events("Foreign minister Anna Berg said on Wednesday that the mission had left, saying that the talks "
                   "had failed, noting that the envoys were tired.")
    assert e.start.edtf == "2023-03-08" and e.title == "Anna Berg: the mission had left"
    # was two: "the talks had failed, noting that the envoys were tired" one reported quote
    assert _said(e) == [(QuoteKind.REPORTED, "Anna Berg", "the mission had left"),
                        (QuoteKind.REPORTED, "Anna Berg", "the talks had failed"),
                        (QuoteKind.REPORTED, "Anna Berg", "the envoys were tired")]


def test_each_dated_clause_is_its_own_draft_and_a_clause_without_a_verb_stays_with_its_own():
    events = _events("Berg said on Wednesday that the mission had left, saying that talks had ended on March 3, "
                     "noting that the report would be published on March 14.")
    by_day = {e.start.edtf: e for e in events}
    assert by_day["2023-03-03"].title == "Talks had ended"
    assert _said(by_day["2023-03-03"]) == [(QuoteKind.REPORTED, "Berg", "talks had ended on March 3")]
    assert by_day["2023-03-14"].title == "Berg (plan): the report would be published" and by_day["2023-03-14"].planned
    assert _said(by_day["2023-03-14"]) == [(QuoteKind.REPORTED, "Berg", "the report would be published on March 14")]
    # (the army's help, what he said would happen, is a plan of its own on or after Tuesday: ingest6)
    e, plan = _events("Lavrov said on Tuesday that talks were over, warning residents to stay indoors, adding that "
                      "the army would help.")
    assert (plan.title, plan.start.edtf, plan.planned) == ("Lavrov (plan): the army would help", "[2023-03-07..]", True)
    assert [q.text for q in e.quotes] == ["talks were over, warning residents to stay indoors", "the army would help"]


def test_said_on_wednesday_without_that_dates_the_saying_not_the_words():
    # (what she said would happen is a plan of its own, on or after her saying: ingest6)
    e, plan = _events("Berg said on Wednesday the report would be published soon.")
    assert (plan.title, plan.start.edtf, plan.planned) == ("Berg (plan): the report would be published soon",
                                                           "[2023-03-08..]", True)
    assert e.start.edtf == "2023-03-08" and e.start.phrase == "on Wednesday"
    assert e.title == "Berg: the report would be published soon"  # was "Berg: on Wednesday the report …"
    assert _said(e) == [(QuoteKind.REPORTED, "Berg", "the report would be published soon")]
    events = _events("Berg said on Wednesday the report would be published tomorrow.")
    tomorrow = next(e for e in events if e.start.phrase == "tomorrow")
    assert tomorrow.start.edtf == "2023-03-09" and tomorrow.planned  # the day after she said it (was 11 Mar)
    (night,) = _events("Officials said on Monday night the convoy had crossed the border.")
    assert [q.text for q in night.quotes] == ["the convoy had crossed the border"]


def test_he_said_opening_a_paragraph_is_the_one_speaker_of_the_paragraph_before():
    events = _events("Foreign minister Anna Berg said on Monday that the talks had failed.\n\n"
                     "He said on Tuesday that the report would be published soon.")
    tuesday = next(e for e in events if e.start.edtf == "2023-03-07")
    assert tuesday.title == "Anna Berg: the report would be published soon"  # was a track "unnamed (“He”, …)"
    assert [q.speaker for q in tuesday.quotes] == ["Anna Berg"]
    assert {e.track for e in events} == {"people"}


def test_he_said_with_no_one_to_stand_for_is_no_speaker_nor_track_and_the_draft_says_so():
    events = _events("Foreign minister Anna Berg met the envoys on Monday.\n\n"
                     "He said the report would be published soon.")
    e = next(e for e in events if "report" in e.title)
    assert e.track == "other"  # was a track "unnamed (“He”, as the article says)"
    assert e.title == "Unattributed: the report would be published soon"  # was "He said the report …"
    (q,) = e.quotes
    assert q.kind == QuoteKind.REPORTED and "Berg" not in q.speaker and q.speaker.startswith("unnamed")
    assert "the article says only “He”" in e.start.basis and "name the speaker on review" in e.start.basis
    direct = _events("Foreign minister Anna Berg met the envoys on Monday.\n\nHe said: \"We will leave.\"")
    e = next(e for e in direct if e.quotes)
    assert e.title == "Unattributed: “We will leave”" and e.track == "other"  # was "He said: We will leave"
    assert e.quotes[0].speaker == "" and "the article says only “He”" in e.start.basis
    # two people quoted in the paragraph before: never a guess between them
    two = _events("Anna Berg said on Monday that the talks had failed. Adam Kowal said on Monday that the port was "
                  "open.\n\nHe said the repairs would take a year.")
    e = next(e for e in two if "repairs" in e.title)
    assert all("Berg" not in q.speaker and "Kowal" not in q.speaker for q in e.quotes)
    assert "the article says only “He”" in e.start.basis


def test_who_said_on_monday_never_dates_the_main_saying_that_gives_no_day():
    events = _events("Anna Berg, who said on Monday that the talks had failed, said that the mission would leave.")
    leave = next(e for e in events if "mission" in e.title)
    assert leave.start.edtf == "[..2023-03-10]"  # was Mon 6 Mar: the other saying's day
    assert "another saying" in leave.start.basis
    events = _events('Anna Berg, who said on Monday that the talks had failed, said: "We will meet tomorrow."')
    monday = next(e for e in events if e.start.edtf == "2023-03-06")
    assert _said(monday) == [(QuoteKind.REPORTED, "Anna Berg", "the talks had failed")]  # was her quote, on Monday
    meet = next(e for e in events if e.start.phrase == "tomorrow")
    assert meet.start.edtf == "2023-03-11?"  # when she said it is not given (was Tue 7 Mar, from Monday)
    assert _said(meet) == [(QuoteKind.DIRECT, "Anna Berg", "We will meet tomorrow")]
