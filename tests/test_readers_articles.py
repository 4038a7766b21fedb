"""A page of several full articles side by side is read whole; a teaser box beside one article is not."""
from transforms.readers.html import read_html

_ARTICLE = ("<article><h2>{head}</h2><p>{day}</p><p>{body}</p></article>")
_BODY = ("The minister of fisheries met the visiting delegation in the capital on Monday to discuss quotas, port "
         "inspections and the patrol schedule for the coming season, officials said after the talks. ") * 4


def test_every_full_article_of_a_news_page_is_read():
    page = ("<html><body><main>" + _ARTICLE.format(head="Quota talks open", day="Monday, March 3, 2025", body=_BODY)
            + _ARTICLE.format(head="Patrol pact signed", day="Tuesday, March 4, 2025", body=_BODY.replace(
                "met", "signed a pact with")) + "</main></body></html>")
    text = read_html(page).text
    assert "Quota talks open" in text and "Patrol pact signed" in text


def test_a_teaser_beside_the_article_is_left_out():
    page = ("<html><body><main>" + _ARTICLE.format(head="Quota talks open", day="Monday, March 3, 2025", body=_BODY)
            + "<aside>" + _ARTICLE.format(head="Read also: ferry strike", day="", body="Short teaser.") +
            "</aside></main></body></html>")
    assert "ferry strike" not in read_html(page).text
