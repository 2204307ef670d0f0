"""Jobs (人才招聘, in the main menu before the contact page): the jobs page and its postings,
dated from the day the demo is loaded (one of them already closed)."""

import datetime

from django.utils import timezone

from pressroom.demo.data import (
    Invalid,
    Section,
    in_each_language,
    list_of,
    optional,
    slug,
    table,
    text,
)
from pressroom.demo.publish import publish_child
from pressroom.i18n.tree import translate_page

EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN"}


def whole_number(value) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise Invalid(f"must be a whole number, not {value!r}")
    return value


def employment_type(value) -> str:
    if value not in EMPLOYMENT_TYPES:
        raise Invalid(f"must be one of {', '.join(sorted(EMPLOYMENT_TYPES))}, not {value!r}")
    return value


JOB_TEXTS = dict(
    title=text, department=text, place=text, summary=text, duties=text, requirements=text
)
FIELDS = {
    "jobs": table(in_each_language(title=text, intro=text, privacy_note=text)),
    "job": list_of(
        table(
            {
                "slug": slug,
                "openings": optional(whole_number, None),
                "employment_type": employment_type,
                "salary_min": optional(whole_number, None),
                "salary_max": optional(whole_number, None),
                "posted_days_ago": whole_number,
                "closes_in_days": optional(whole_number, None),
                **in_each_language(**JOB_TEXTS),
            }
        ),
        at_least=1,
    ),
}


def job_fields(item, texts) -> dict:
    today = timezone.localdate()
    closes = item["closes_in_days"]
    return {
        **{key: texts[key] for key in JOB_TEXTS},
        "openings": item["openings"],
        "employment_type": item["employment_type"],
        "salary_min": item["salary_min"],
        "salary_max": item["salary_max"],
        "date_posted": today - datetime.timedelta(days=item["posted_days_ago"]),
        "valid_through": today + datetime.timedelta(days=closes) if closes is not None else None,
    }


def load_careers(demo, records) -> int:
    from pressroom.careers.models import JobIndexPage, JobPostingPage
    from pressroom.contact.models import ContactPage

    data = records[0]
    created = 0
    jobs = JobIndexPage.objects.child_of(demo.home).first()
    if jobs is None:
        texts = data["jobs"]["zh"]
        jobs = JobIndexPage(
            title=texts["title"],
            slug="jobs",
            intro=texts["intro"],
            privacy_note=texts["privacy_note"],
            show_in_menus=True,
        )
        publish_child(demo.home, jobs)
        created += 1
        contact = ContactPage.objects.child_of(demo.home).first()
        if contact is not None:  # in the main menu just before the contact page
            jobs.move(contact, pos="left")
            jobs = JobIndexPage.objects.get(pk=jobs.pk)
    for item in data["job"]:
        if JobPostingPage.objects.child_of(jobs).filter(slug=item["slug"]).exists():
            continue
        publish_child(jobs, JobPostingPage(slug=item["slug"], **job_fields(item, item["zh"])))
        created += 1
    return created


def translate_careers(demo, records, locale, language) -> int:
    from pressroom.careers.models import JobIndexPage, JobPostingPage

    data = records[0]
    jobs = JobIndexPage.objects.child_of(demo.home).first()
    if jobs is None:
        return 0
    texts = data["jobs"][language]
    _page, created = translate_page(
        jobs, locale, title=texts["title"], intro=texts["intro"], privacy_note=texts["privacy_note"]
    )
    below = {page.slug: page for page in JobPostingPage.objects.child_of(jobs)}
    for item in data["job"]:
        source = below.get(item["slug"])
        if source is not None:
            fields = {key: item[language][key] for key in JOB_TEXTS}
            _page, new = translate_page(source, locale, **fields)
            created += new
    return created


SECTION = Section("careers", "careers.toml", FIELDS, load=load_careers, translate=translate_careers)
