"""The public question board (在线留言): visitors ask, a moderator approves and the company
replies; approved questions show on the board with their reply, newest first."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page

from pressroom.board.limits import EMAIL_MAX, NAME_MAX, REPLY_MAX, TEXT_MAX
from pressroom.core.lists import NumberedListMixin
from pressroom.core.models import BasePage
from pressroom.search.fields import with_word_splitting


class QuestionBoardPage(NumberedListMixin, BasePage):
    """在线留言: approved questions with the company's replies, and a link to ask one."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # Chinese titles found by any word in the admin's search (docs/search.md).
    search_fields = with_word_splitting(Page.search_fields)
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "board/question_board_page.html"
    # The list goes to the template as ``page_obj``; no head protocol (questions are not
    # pages, so the head's ItemList must not list them): the board writes its own FAQPage.
    listed_items_context = ""

    class Meta:
        verbose_name = _("question board")
        verbose_name_plural = _("question boards")

    def listed_items(self):
        return self.questions.shown()

    def items_per_page(self) -> int:
        return int(getattr(settings, "PRESSROOM_BOARD_PER_PAGE", 10))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("page_obj", None)
        return context

    def ask_url(self) -> str:
        return self.url + "ask/"

    @path("ask/")
    def ask_view(self, request):
        """The question form: never cached (it carries a CSRF token and a time stamp)."""
        from pressroom.board.views import ask

        return ask(self, request)


class QuestionQuerySet(models.QuerySet):
    def shown(self):
        """What visitors see: approved questions that have a reply, newest first."""
        return self.filter(state=Question.State.APPROVED).exclude(reply="").order_by("-created")

    def waiting(self):
        return self.filter(state=Question.State.PENDING)


class Question(models.Model):
    """A visitor's question to a board: stored first, shown only once approved and replied."""

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        SPAM = "spam", _("spam")

    class Mail(models.TextChoices):
        NONE = "", _("not mailed yet")
        PENDING = "pending", _("waiting to be sent")
        RETRY = "retry", _("failed, will retry")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed, gave up")

    page = models.ForeignKey(
        QuestionBoardPage,
        verbose_name=_("board"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    name = models.CharField(_("asker"), max_length=NAME_MAX)
    email = models.EmailField(
        _("email"), max_length=EMAIL_MAX, blank=True, help_text=_("Never shown on the site.")
    )
    text = models.TextField(_("question"), max_length=TEXT_MAX)
    created = models.DateTimeField(_("asked at"), default=timezone.now, db_index=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    reply = models.TextField(
        _("reply"),
        max_length=REPLY_MAX,
        blank=True,
        help_text=_("Shown under the question once it is approved, and mailed to the visitor."),
    )
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replied by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply_mail = models.CharField(
        _("reply email"), max_length=10, choices=Mail.choices, default=Mail.NONE, blank=True
    )
    mail_attempts = models.PositiveIntegerField(_("delivery attempts"), default=0)
    mail_next_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    mail_error = models.CharField(_("last delivery error"), max_length=500, blank=True)
    # A hash of the answers, so that a double click stores the question once.
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("board question")
        verbose_name_plural = _("board questions")
        ordering = ["-created"]
        indexes = [models.Index(fields=["page", "state", "created"], name="board_q_shown")]

    def __str__(self) -> str:
        text = " ".join(self.text.split())
        return text[:60] + ("…" if len(text) > 60 else "")

    @property
    def is_shown(self) -> bool:
        return self.state == self.State.APPROVED and bool(self.reply)

    def mail_status(self) -> str:
        """Where the reply mail stands, for the moderation list."""
        if not self.email:
            return str(_("no email given"))
        return str(self.get_reply_mail_display())

    def moderate(self, user, previous_reply: str) -> bool:
        """Stamp a new or changed reply; True when the reply is now to be mailed.

        The visitor is mailed once: when the question is first shown with a reply. Editing
        the reply later changes the board, not the visitor's inbox.
        """
        if self.reply and self.reply != previous_reply:
            self.replied_at = timezone.now()
            self.replied_by = user
        if self.is_shown and self.email and self.reply_mail == self.Mail.NONE:
            self.reply_mail = self.Mail.PENDING
            self.mail_next_at = timezone.now() + timedelta(seconds=60)
            return True
        return False
