"""人才招聘: the jobs page and its job postings, each with an apply form whose applications
(with the CV) go to the one 留言 inbox and are mailed as contact messages are.

A posting is open while it is live, public and its last day (``valid_through``, in the site's
time zone) has not passed; a posting without a last day is open until it is unpublished.
Lists, search and the sitemap show open postings only (``JobPostingPage.objects.open()``),
and the pages that show a posting tell the page cache when they change by themselves
(``Expires``: the end of the earliest last day they show; decision 0036).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from pressroom.core.lists import NumberedListMixin
from pressroom.core.models import BasePage
from pressroom.search.fields import with_word_splitting

TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


def today() -> datetime.date:
    """Today in the site's time zone (``TIME_ZONE``): the day a posting's last day is read in."""
    return timezone.localdate()


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The moment ``day`` ends in the site's time zone (the next day's midnight)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min)) + (
        datetime.timedelta(days=1)
    )


def set_expires(response, moment: datetime.datetime | None):
    """Say when this response goes stale by itself (the page cache keeps it no longer)."""
    if moment is not None and getattr(response, "status_code", 0) == 200:
        response["Expires"] = http_date(moment.timestamp())
    return response


class JobPostingQuerySet(PageQuerySet):
    def open(self, day: datetime.date | None = None):
        """Postings a visitor may apply to: live, public, not past their last day.

        The one definition of "open" for the jobs list, search and the sitemap. ``day`` is
        the site's today unless given.
        """
        day = day or today()
        return (
            self.live()
            .public()
            .filter(Q(valid_through__isnull=True) | Q(valid_through__gte=day))
            .order_by("-date_posted", "path")
        )

    def closed(self, day: datetime.date | None = None):
        """Postings whose last day has passed (live or not)."""
        return self.filter(valid_through__lt=day or today())

    def next_expiry(self) -> datetime.datetime | None:
        """When the first of these postings closes; None when none has a last day."""
        last_day = self.exclude(valid_through=None).aggregate(day=Min("valid_through"))["day"]
        return end_of_day(last_day) if last_day else None


JobPostingManager = PageManager.from_queryset(JobPostingQuerySet)


class JobIndexPage(NumberedListMixin, BasePage):
    """人才招聘: the open positions, newest first, a page at a time; where applications go."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)
    notify_address = models.CharField(
        _("notify"),
        max_length=255,
        blank=True,
        help_text=_(
            "Email addresses (comma-separated) told of each application. Empty: the company email."
        ),
    )
    privacy_note = RichTextField(
        _("privacy note"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown under the apply form: who sees a CV, how long it is kept."),
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after an application is sent."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("notify_address"),
                FieldPanel("privacy_note"),
                FieldPanel("thank_you_text"),
            ],
            heading=_("Applications"),
        ),
    ]
    search_fields = with_word_splitting(Page.search_fields + [index.SearchField("intro")])
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["careers.JobPostingPage"]
    max_count_per_parent = 1
    template = "careers/job_index_page.html"
    # The head's protocol (seo_head): the context variable holding the postings listed.
    listed_items_context = "jobs"

    class Meta:
        verbose_name = _("jobs page")
        verbose_name_plural = _("jobs pages")

    # Not a search result (a list, as the news center is): its postings are.

    def jobs(self):
        """The open postings below it, newest first."""
        return JobPostingPage.objects.child_of(self).open()

    def listed_items(self):
        return self.jobs()

    def items_per_page(self) -> int:
        return settings.PRESSROOM_JOBS_PER_PAGE

    def serve(self, request, *args, **kwargs):
        # Every numbered page changes when any listed posting closes: the earliest last day.
        return set_expires(super().serve(request, *args, **kwargs), self.jobs().next_expiry())

    def recipients(self) -> list[str]:
        """Where applications are mailed: this page's addresses, else the company's email."""
        if self.notify_address:
            return [a.strip() for a in self.notify_address.split(",") if a.strip()]
        from pressroom.core.models import CompanyInfo

        site = self.get_site()
        info = CompanyInfo.for_site(site) if site else None
        return [info.email] if info and info.email else []


class JobPostingPage(RoutablePageMixin, BasePage):
    """One position: where, how many, what it takes, until when; its apply form at ``apply/``."""

    class EmploymentType(models.TextChoices):
        # schema.org / Google's employmentType values.
        FULL_TIME = "FULL_TIME", _("Full-time")
        PART_TIME = "PART_TIME", _("Part-time")
        CONTRACTOR = "CONTRACTOR", _("Contract")
        TEMPORARY = "TEMPORARY", _("Temporary")
        INTERN = "INTERN", _("Internship")

    class SalaryPeriod(models.TextChoices):
        MONTH = "MONTH", _("per month")
        YEAR = "YEAR", _("per year")

    department = models.CharField(_("department"), max_length=100, blank=True)
    place = models.CharField(
        _("place of work"),
        max_length=120,
        blank=True,
        help_text=_("City (and district), e.g. 浙江 · 杭州. Empty: the company's address."),
    )
    country = models.CharField(
        _("country code"),
        max_length=2,
        default="CN",
        help_text=_("Two letters (ISO 3166), for search engines: CN for China."),
    )
    openings = models.PositiveSmallIntegerField(
        _("number of openings"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(999)],
        help_text=_("Empty: “several”."),
    )
    employment_type = models.CharField(
        _("employment type"),
        max_length=12,
        choices=EmploymentType.choices,
        default=EmploymentType.FULL_TIME,
    )
    salary_min = models.PositiveIntegerField(_("salary from (CNY)"), null=True, blank=True)
    salary_max = models.PositiveIntegerField(_("salary up to (CNY)"), null=True, blank=True)
    salary_period = models.CharField(
        _("salary period"), max_length=5, choices=SalaryPeriod.choices, default=SalaryPeriod.MONTH
    )
    date_posted = models.DateField(_("posted on"), default=today)
    valid_through = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_(
            "The last day applications are taken (site time zone). After it the posting leaves "
            "the lists and its page says it is closed. Empty: open until unpublished."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences shown in the list and search results."),
    )
    duties = RichTextField(_("duties"), blank=True, features=TEXT_FEATURES)
    requirements = RichTextField(_("requirements"), blank=True, features=TEXT_FEATURES)

    objects = JobPostingManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("department"), FieldPanel("employment_type")]),
                FieldRowPanel([FieldPanel("place"), FieldPanel("country")]),
                FieldPanel("openings"),
                FieldRowPanel(
                    [
                        FieldPanel("salary_min"),
                        FieldPanel("salary_max"),
                        FieldPanel("salary_period"),
                    ]
                ),
                FieldRowPanel([FieldPanel("date_posted"), FieldPanel("valid_through")]),
            ],
            heading=_("The position"),
        ),
        FieldPanel("summary"),
        FieldPanel("duties"),
        FieldPanel("requirements"),
    ]
    search_fields = with_word_splitting(
        Page.search_fields
        + [
            index.SearchField("department"),
            index.SearchField("place"),
            index.SearchField("summary"),
            index.SearchField("duties"),
            index.SearchField("requirements"),
        ]
    )
    parent_page_types = ["careers.JobIndexPage"]
    subpage_types: list[str] = []
    template = "careers/job_posting_page.html"

    class Meta:
        verbose_name = _("job posting")
        verbose_name_plural = _("job postings")

    @classmethod
    def searchable_in(cls, locale):
        """The site search's protocol (pressroom.search.query): open postings only."""
        return cls.objects.open().filter(locale=locale)

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_through and self.date_posted and self.valid_through < self.date_posted:
            errors["valid_through"] = _("The last day cannot be before the day it is posted.")
        if self.salary_min and self.salary_max and self.salary_min > self.salary_max:
            errors["salary_max"] = _("The upper end cannot be below the lower end.")
        if self.country and not (len(self.country) == 2 and self.country.isascii()):
            errors["country"] = _("Two letters, such as CN.")
        if errors:
            raise ValidationError(errors)

    # --- what a visitor sees ---------------------------------------------------------------

    def is_open(self, day: datetime.date | None = None) -> bool:
        return self.valid_through is None or self.valid_through >= (day or today())

    def closes_at(self) -> datetime.datetime | None:
        """The moment applications stop (the end of the last day), or None."""
        return end_of_day(self.valid_through) if self.valid_through else None

    def place_text(self, company=None) -> str:
        """Where the work is: the posting's place, else the company's address."""
        if self.place:
            return self.place
        if company is None:
            from pressroom.core.models import CompanyInfo

            site = self.get_site()
            company = CompanyInfo.for_site(site) if site else None
        return company.display_address if company is not None else ""

    def openings_text(self) -> str:
        return str(self.openings) if self.openings else gettext("several")

    def salary_text(self) -> str:
        """e.g. "8,000–12,000 CNY per month"; "" when no salary is given."""
        low, high = self.salary_min, self.salary_max
        if not (low or high):
            return ""
        figures = "–".join(f"{n:,}" for n in (low, high) if n)
        if low and not high:
            figures = gettext("from %(n)s") % {"n": f"{low:,}"}
        elif high and not low:
            figures = gettext("up to %(n)s") % {"n": f"{high:,}"}
        return gettext("%(figures)s CNY %(period)s") % {
            "figures": figures,
            "period": self.get_salary_period_display(),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_open"] = self.is_open()
        return context

    @path("")
    def posting_view(self, request):
        if not self.is_open():
            # Gone for good: crawlers drop it, visitors read why and find the open ones.
            response = self.render(request, template="careers/job_closed.html")
            response.status_code = 410
            return response
        return set_expires(self.render(request), self.closes_at())

    @path("apply/")
    def apply_view(self, request):
        from pressroom.careers.views import serve_apply

        return serve_apply(self, request)

    # --- the contact app's protocol for pages that receive messages (docs/contact.md) -------

    @property
    def jobs_page(self) -> JobIndexPage | None:
        parent = self.get_parent()
        return parent.specific if parent is not None else None

    @property
    def subject(self) -> str:
        return gettext("Job application: %(title)s") % {"title": self.title}

    from_address = ""

    def get_data_fields(self) -> list[tuple[str, str]]:
        from pressroom.careers.forms import ApplicationForm

        return [(name, str(field.label)) for name, field in ApplicationForm.base_fields.items()]

    def recipients(self) -> list[str]:
        index_page = self.jobs_page
        return index_page.recipients() if isinstance(index_page, JobIndexPage) else []

    def paths_showing_me(self) -> set[str]:
        """The page cache's protocol: its jobs page's numbered lists."""
        index_page = self.get_parent().specific
        parts = index_page.get_url_parts()
        if not parts or not parts[2] or not hasattr(index_page, "get_cached_paths"):
            return set()
        return {parts[2] + sub.lstrip("/") for sub in index_page.get_cached_paths()}
