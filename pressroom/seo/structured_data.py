"""schema.org JSON-LD for the home page (Organization, WebSite), articles and breadcrumbs.

Each builder returns a plain dict; ``json_ld`` turns it into a data block that no text in it
can break out of (the same escaping as Django's json_script).
"""

import json
from datetime import timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from wagtail.rich_text import expand_db_html

from pressroom.core.links import absolute_url, hreflang

LOGO_RENDITION = "max-600x600"
# What json_script escapes (HTML's <, > and & as JSON unicode escapes): no text can close
# the script element or start another one.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def compact(data: dict) -> dict:
    """``data`` without its empty values, so no field is printed blank."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def logo_object(request, company) -> dict | None:
    if company.logo is None:
        return None
    try:
        rendition = company.logo.get_rendition(LOGO_RENDITION)
    except (OSError, ValueError):
        return None
    return {
        "@type": "ImageObject",
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def organization(request, company, home_url: str) -> dict:
    """The company as an Organization, with the contact details from the site settings."""
    contact_phone = company.hotline or company.phone
    address = company.display_address
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Organization",
            "@id": f"{home_url}#organization",
            "name": company.display_name,
            "url": home_url,
            "logo": logo_object(request, company),
            "telephone": company.phone or company.hotline,
            "faxNumber": company.fax,
            "email": company.email,
            "address": {"@type": "PostalAddress", "streetAddress": address} if address else None,
            "contactPoint": [
                compact(
                    {
                        "@type": "ContactPoint",
                        "contactType": "customer service",
                        "telephone": contact_phone,
                        "email": company.email,
                    }
                )
            ]
            if (contact_phone or company.email)
            else None,
        }
    )


def website(company, home_url: str, language_code: str) -> dict:
    """The site, with the search box search engines may show (SearchAction)."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": company.display_name,
        "url": home_url,
        "inLanguage": hreflang(language_code),
        "publisher": {"@id": f"{home_url}#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{home_url}search/?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def news_article(request, article, *, company, home_url, url, description, image) -> dict:
    """An article as a NewsArticle; ``isBasedOn`` names the original when it is republished."""
    author = (
        {"@type": "Person", "name": article.author}
        if article.author
        else {"@type": "Organization", "name": company.display_name, "url": home_url}
    )
    published = article.first_published_at
    modified = article.last_published_at or published
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title[:110],
            "description": description,
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "image": [image["url"]] if image else None,
            "datePublished": published.isoformat() if published else None,
            "dateModified": modified.isoformat() if modified else None,
            "author": [author],
            "publisher": compact(
                {
                    "@type": "Organization",
                    "name": company.display_name,
                    "url": home_url,
                    "logo": logo_object(request, company),
                }
            ),
            "inLanguage": hreflang(article.locale.language_code),
            "articleSection": article.category.display_name if article.category else None,
            "isBasedOn": article.source_url or None,
            "sourceOrganization": (
                {"@type": "Organization", "name": article.source_name}
                if article.source_name
                else None
            ),
        }
    )


def product(request, page, *, company, home_url, url, description, image) -> dict:
    """A product as schema.org's Product. No ``offers``: a product page has no price (a
    quote is asked for), and an offer without one is an error to search engines."""
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": page.title,
            "description": description,
            "url": url,
            "image": [image["url"]] if image else None,
            "model": page.model_number or None,
            "brand": {"@type": "Brand", "name": company.display_name},
            "manufacturer": {
                "@type": "Organization",
                "name": company.display_name,
                "url": home_url,
            },
        }
    )


def job_posting(request, page, *, company, home_url, url, description, image) -> dict:
    """An open position as Google's JobPosting: title, the whole description as HTML, when it
    was posted and (if it has a last day) until when, who hires, where, what kind of work.

    A posting without a last day has no ``validThrough``: it is open until unpublished, and
    Google asks for the field only when the posting has an end.
    """
    parts = [f"<p>{escape(page.summary)}</p>" if page.summary else ""]
    for heading, text in (
        (gettext("Duties"), page.duties),
        (gettext("Requirements"), page.requirements),
    ):
        if text:
            parts.append(f"<h2>{escape(heading)}</h2>{expand_db_html(text)}")
    closes = page.closes_at()
    salary = None
    if page.salary_min or page.salary_max:
        salary = {
            "@type": "MonetaryAmount",
            "currency": "CNY",
            "value": compact(
                {
                    "@type": "QuantitativeValue",
                    "minValue": page.salary_min,
                    "maxValue": page.salary_max,
                    "unitText": page.salary_period,
                }
            ),
        }
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": page.title,
            "description": "".join(parts) or page.title,
            "url": url,
            "datePosted": page.date_posted.isoformat(),
            # The end of the last day in the site's zone, e.g. 2026-12-31T23:59:59+08:00.
            "validThrough": (closes - timedelta(seconds=1)).isoformat() if closes else None,
            "employmentType": page.employment_type,
            "hiringOrganization": compact(
                {
                    "@type": "Organization",
                    "name": company.display_name,
                    "sameAs": home_url,
                    "logo": (logo_object(request, company) or {}).get("url"),
                }
            ),
            "jobLocation": {
                "@type": "Place",
                "address": compact(
                    {
                        "@type": "PostalAddress",
                        "addressLocality": page.place_text(company),
                        "addressCountry": page.country,
                    }
                ),
            },
            "totalJobOpenings": page.openings,
            "baseSalary": salary,
            "directApply": True,
        }
    )


def item_list(request, pages, *, first: int = 1) -> dict:
    """The pages a list shows, in its order, as an ItemList (positions go on across the
    numbered pages of the list)."""
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "url": page.get_full_url(request),
                "name": page.title,
            }
            for position, page in enumerate(pages, start=first)
        ],
    }


FULL_SIZE_RENDITION = "max-1600x1600"  # the size an honour's picture opens at


def image_gallery(request, page, honours) -> dict:
    """An honours page as an ImageGallery: each certificate with a picture as an
    ImageObject (its full-size picture, title and issuer)."""
    images = []
    for honour in honours:
        if honour.image is None:
            continue
        try:
            rendition = honour.image.get_rendition(FULL_SIZE_RENDITION)
        except (OSError, ValueError):
            continue
        images.append(
            compact(
                {
                    "@type": "ImageObject",
                    "contentUrl": absolute_url(request, rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                    "name": honour.title,
                    "creditText": honour.issuer,
                }
            )
        )
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "ImageGallery",
            "name": page.title,
            "url": page.get_full_url(request),
            "image": images,
        }
    )


def breadcrumb_list(request, page, current_url: str) -> dict:
    """The trail shown above the title (home page down to this page) as a BreadcrumbList."""
    items = []
    for position, ancestor in enumerate(page.get_breadcrumbs(), start=1):
        name = gettext("Home") if ancestor.depth == 2 else ancestor.title
        items.append((position, name, ancestor.get_full_url(request)))
    items.append((len(items) + 1, page.title, current_url))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            compact({"@type": "ListItem", "position": position, "name": name, "item": url})
            for position, name, url in items
        ],
    }
