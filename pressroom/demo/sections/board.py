"""The question board (在线留言, in the main menu after the cases) with a few answered
questions, in each language."""

from datetime import timedelta

from django.utils import timezone

from pressroom.demo.data import Invalid, Section, in_each_language, list_of, table, text
from pressroom.demo.publish import publish_child
from pressroom.i18n.tree import translate_page


def days_ago(value) -> int:
    if not isinstance(value, int) or not 0 <= value <= 365:
        raise Invalid(f"must be 0 to 365 days, not {value!r}")
    return value


FIELDS = {
    "board": table(in_each_language(title=text, intro=text)),
    "question": list_of(
        table({"days_ago": days_ago, **in_each_language(name=text, text=text, reply=text)}),
        at_least=1,
    ),
}


def add_questions(board, data, language: str) -> None:
    from pressroom.board.models import Question

    if board.questions.exists():
        return
    now = timezone.now()
    for item in data["question"]:
        asked = now - timedelta(days=item["days_ago"], hours=2)
        Question.objects.create(
            page=board,
            created=asked,
            state=Question.State.APPROVED,
            replied_at=asked + timedelta(days=1),
            **item[language],
        )


def load_board(demo, records) -> int:
    from pressroom.board.models import QuestionBoardPage
    from pressroom.showcase.models import CaseIndexPage

    data = records[0]
    board = QuestionBoardPage.objects.child_of(demo.home).first()
    created = 0
    if board is None:
        texts = data["board"]["zh"]
        board = QuestionBoardPage(
            title=texts["title"], slug="board", intro=texts["intro"], show_in_menus=True
        )
        publish_child(demo.home, board)
        created = 1
        cases = CaseIndexPage.objects.child_of(demo.home).first()
        if cases is not None:  # in the main menu right after the cases
            board.move(cases, pos="right")
            board = QuestionBoardPage.objects.get(pk=board.pk)
    add_questions(board, data, "zh")
    return created


def translate_board(demo, records, locale, language) -> int:
    from pressroom.board.models import QuestionBoardPage

    data = records[0]
    board = QuestionBoardPage.objects.child_of(demo.home).first()
    if board is None:
        return 0
    texts = data["board"][language]
    page, created = translate_page(board, locale, title=texts["title"], intro=texts["intro"])
    add_questions(page, data, language)
    return int(created)


SECTION = Section("board", "board.toml", FIELDS, load=load_board, translate=translate_board)
