"""The demo's sections, in the order they load: a section may use what an earlier one made.

To add one (products, cases, honours, banners ...): write its data file(s) under
``pressroom/demo/data/``, a module here with its ``SECTION`` (the fields it reads and the
functions that make its pages; see ``pressroom.demo.data.Section``), and list it below.
"""

from pressroom.demo.sections import (
    board,
    careers,
    categories,
    company,
    contact,
    downloads,
    home,
    home_sections,
    news,
    pages,
    privacy,
    products,
    showcase,
)

SECTIONS = [
    company.SECTION,
    home.SECTION,
    categories.SECTION,
    pages.SECTION,
    contact.SECTION,
    privacy.SECTION,
    news.SECTION,
    products.SECTION,
    showcase.SECTION,
    downloads.SECTION,
    careers.SECTION,
    board.SECTION,
    home_sections.SECTION,
]
