"""A draft's origin in the detail pane is what the file says: a CSV row marked 'unreviewed
draft' without its article was said to be 'read from pasted text by ingest' (tester finding)."""

from viewer.io import read_timeline
from viewer.ui.detail_pane import event_html


def test_a_draft_without_its_article_is_not_said_to_be_pasted_text(tmp_path):
    path = tmp_path / "drafts.csv"
    path.write_text("title,start,review,draft_article\nTalks,2022-02-10,unreviewed draft,\n"
                    "Vote,2022-02-11,unreviewed draft,kyiv-post.txt\n", encoding="utf-8")
    tl = read_timeline(path)
    talks, vote = tl.events
    text = event_html(talks, tl, "UTC")
    assert "pasted text by ingest" not in text
    assert "the article it was read from is not named" in text and "Unreviewed draft" in text
    assert "read from kyiv-post.txt by ingest" in event_html(vote, tl, "UTC")
