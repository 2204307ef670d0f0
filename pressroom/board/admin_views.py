"""Moderating the board in the admin (留言 → 公开留言, beside the inbox): each question is
approved, rejected or marked spam and answered; nobody creates one here."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from pressroom.board.models import Question


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Questions come only from visitors: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


class ModerateView(EditView):
    """Save the moderator's decision; stamp the reply and mail it once it is shown."""

    def save_instance(self):
        previous = Question.objects.filter(pk=self.object.pk).values_list("reply", flat=True)
        question = self.form.save(commit=False)
        to_mail = question.moderate(self.request.user, previous.first() or "")
        question.save()
        if to_mail:
            from pressroom.board.mail import send_reply

            transaction.on_commit(lambda: send_reply(question.pk))
        return question


STATE_COLOURS = {
    Question.State.PENDING: "warning",
    Question.State.APPROVED: "success",
    Question.State.REJECTED: "secondary",
    Question.State.SPAM: "critical",
}


class QuestionViewSet(ModelViewSet):
    model = Question
    edit_view_class = ModerateView
    icon = "help"
    menu_label = _("Board questions")
    menu_order = 251  # right after 留言 (the inbox, 250)
    add_to_admin_menu = True
    name = "board_question"
    copy_view_enabled = False
    inspect_view_enabled = False
    ordering = ["-created"]
    list_per_page = 50
    list_filter = ["state", "page"]
    search_fields = ["name", "email", "text", "reply"]
    list_export = ["created", "name", "email", "text", "state", "reply", "replied_at"]
    export_filename = "board-questions"
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("page", read_only=True),
                FieldPanel("created", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("text", read_only=True),
            ],
            heading=_("The question"),
        ),
        FieldPanel("state"),
        FieldPanel("reply"),
        MultiFieldPanel(
            [
                FieldPanel("replied_at", read_only=True),
                FieldPanel("reply_mail", read_only=True),
                FieldPanel("mail_error", read_only=True),
            ],
            heading=_("Reply email"),
        ),
    ]

    @property
    def list_display(self):
        return [
            TitleColumn("text", label=_("question"), url_name=self.get_url_name("edit")),
            Column("name", label=_("asker")),
            Column("page", label=_("board")),
            DateColumn("created", label=_("asked at")),
            StatusTagColumn(
                "get_state_display",
                label=_("state"),
                primary=lambda q: q.state == Question.State.APPROVED,
                sort_key="state",
            ),
            Column("mail_status", label=_("reply email")),
        ]
