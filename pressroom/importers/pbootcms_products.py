"""PbootCMS's product sorts and items as the product center (``pressroom.products``).

A list sort whose model is a product model (``ay_model``: its name says 产品 or product, or
its templates are ``product…``) becomes a product category, its items products; the
extension fields of the model (``ay_extfield``, values in ``ay_content_ext``) become each
product's specification rows, labelled with the field's description (型号 becomes the model
number). A mixin of ``PbootCMSImporter``: it uses the importer's records, report and pages.
"""

from pressroom.importers.base import PageItem, fingerprint
from pressroom.importers.cleaning import plain_text
from pressroom.importers.pbootcms_areas import number
from pressroom.products.models import (
    ProductCategoryPage,
    ProductIndexPage,
    ProductPage,
    ProductPicture,
)

# Extension fields whose value is the product's model number rather than a row of its table.
MODEL_NUMBER_LABELS = {
    "型号",
    "产品型号",
    "规格型号",
    "model",
    "model no.",
    "model no",
    "model number",
}
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp")
# The product center's title when the old site has no sort that is one.
CENTER_TITLES = {"zh-hans": "产品中心", "en": "Products"}
MULTIPLE_CHOICE = "4"  # ay_extfield.type of a checkbox field: its values comma-separated


def is_product_model(model) -> bool:
    name = str(model["name"] or "").lower()
    templates = f"{model['listtpl'] or ''} {model['contenttpl'] or ''}".lower()
    return "产品" in name or "product" in name or "product" in templates


def extension_values(fields, values, language: str):
    """``(model number, specification rows, picture paths)`` of one item's extension values."""
    model_number, rows, pictures = "", [], []
    for field in fields:
        text = plain_text(str(values.get(field["name"]) or "")).strip()
        if not text:
            continue
        label = (field["description"] or field["name"].removeprefix("ext_")).strip()[:80]
        if text.startswith("/static/upload/") and text.lower().endswith(PICTURE_SUFFIXES):
            pictures.append(text)
            continue
        if label.lower() in MODEL_NUMBER_LABELS and not model_number:
            model_number = text[:80]
            continue
        if str(field["type"]) == MULTIPLE_CHOICE:
            parts = [part.strip() for part in text.split(",") if part.strip()]
            text = ("、" if language == "zh-hans" else ", ").join(parts)
        rows.append({"type": "row", "value": {"name": label, "value": text[:200], "unit": ""}})
    return model_number, rows, pictures


def depth_order(sorts) -> list:
    """The sorts with every parent before its children."""
    by_code = {sort["scode"]: sort for sort in sorts}

    def depth(sort) -> int:
        seen, level = set(), 0
        while sort["pcode"] in by_code and sort["scode"] not in seen:
            seen.add(sort["scode"])
            sort, level = by_code[sort["pcode"]], level + 1
        return level

    return sorted(sorts, key=depth)


class ProductParts:
    """The product center, its categories and products, for one area at a time."""

    def report_labels(self) -> None:
        """PbootCMS's extension fields belong to a model, shared by every area: their labels
        are in one language, which an editor checks on the other area's products."""
        if self.foreign_products:
            labels = ", ".join(self.foreign_labels)
            self.report.warnings.append(
                f"area {self.area}: {self.foreign_products} products' specification labels are "
                f"the model's ({labels}): translate them where they are not in "
                f"{self.language}"
            )

    def product_sorts(self, sorts, used: set) -> None:
        self.foreign_labels: dict[str, None] = {}  # in the order first met
        self.foreign_products = 0
        product = [sort for sort in sorts if str(sort["mcode"]) in self.product_models]
        if not product:
            return
        codes = {sort["scode"] for sort in product}
        tops = [sort for sort in product if sort["pcode"] not in codes]
        # One top sort holding no items of its own (产品中心 above its categories) is the
        # center; otherwise a center is made and every top sort is a category in it.
        center_sort = tops[0] if len(tops) == 1 and tops[0]["scode"] not in used else None
        center = self.item(
            "product center",
            center_sort["name"] if center_sort else CENTER_TITLES[self.language],
            lambda: self.product_center(center_sort),
        )
        if center is None:
            return
        if center_sort is not None:
            self.sort_pages[center_sort["scode"]] = center
        for sort in depth_order(product):
            if sort is center_sort:
                continue
            parent = self.sort_pages.get(sort["pcode"]) if sort["pcode"] in codes else center
            if parent is None:
                self.report.skip("product category", sort["name"], "its parent was not imported")
                continue
            page = self.item(
                "product category",
                sort["name"] or sort["scode"],
                lambda sort=sort, parent=parent: self.product_category(sort, parent),
            )
            if page is not None:
                self.sort_pages[sort["scode"]] = page

    def product_center(self, sort):
        key = sort["scode"] if sort is not None else f"center-{self.area}"
        twin = self.twin_page(sort["scode"]) if sort is not None else None
        if sort is None and self.default_center is not None and not self.is_default_area:
            twin = self.default_center
        existing = ProductIndexPage.objects.child_of(self.home).first()
        if existing is not None and self.records.target("product center", key) is None:
            # The site has its product center already: the old sort's addresses lead to it.
            self.records.remember("product center", key, existing)
            self.report.unchanged["product center"] += 1
            item = PageItem(kind="product center", key=key, title=existing.title, fields={})
            item.old_urls = self.addresses(sort["scode"]) if sort is not None else []
            self.redirects(item, existing)
            page = existing
        else:
            title = (sort["name"] if sort is not None else "") or CENTER_TITLES[self.language]
            item = PageItem(
                kind="product center",
                key=key,
                title=title,
                fields=self.translation_fields(twin),
                old_urls=self.addresses(sort["scode"]) if sort is not None else [],
                slug=self.slug_base(sort, twin) if sort is not None else "products",
                digest=fingerprint(dict(sort) if sort is not None else key),
            )
            page = self.unchanged(item) or self.page(item, self.home, ProductIndexPage)
        if self.is_default_area:
            self.default_center = page
        return page

    def product_category(self, sort, parent):
        fields = self.extension_fields.get(str(sort["mcode"]), [])
        labels = "\n".join(
            (field["description"] or field["name"].removeprefix("ext_")).strip()[:80]
            for field in fields
            if (field["description"] or "").strip().lower() not in MODEL_NUMBER_LABELS
        )
        twin = self.twin_page(sort)
        item = PageItem(
            kind="product category",
            key=sort["scode"],
            title=(sort["name"] or sort["scode"]).strip(),
            fields={"spec_defaults": labels, **self.translation_fields(twin)},
            old_urls=self.addresses(sort["scode"]),
            slug=self.slug_base(sort, twin),
            digest=fingerprint(dict(sort), labels),
        )
        found = self.unchanged(item)
        if found is not None:
            return found
        picture = (sort["ico"] or sort["pic"] or "").strip()
        item.fields["image"] = self.media.image(picture) if picture else None
        return self.page(item, parent, ProductCategoryPage)

    def product_fields(self, row, item: PageItem, blocks: list, summary: str) -> dict:
        """What a product page holds beyond the title: its pictures, table and description."""
        fields = self.extension_fields.get(str(self.sorts[row["scode"]]["mcode"]), [])
        values = self.extension_rows.get(number(row["id"]), {})
        model_number, specs, extra = extension_values(fields, values, self.language)
        pictures = []
        for path in [*(row["pics"] or "").split(","), *extra]:
            image = self.media.image(path.strip()) if path.strip() else None
            if image is not None and image not in pictures:
                pictures.append(image)
        main = self.media.image(row["ico"]) if (row["ico"] or "").strip() else None
        if main is None and pictures:
            main = pictures.pop(0)
        return {
            "summary": summary,
            "body": blocks,
            "model_number": model_number,
            "specs": specs,
            "main_image": main,
            "gallery": [ProductPicture(image=image) for image in pictures if image != main],
        }

    def product(self, row, item: PageItem, fields: dict):
        parent = self.sort_pages.get(row["scode"])
        if parent is None:
            raise ValueError("its product category was not imported")
        item.fields = fields
        if fields["specs"] and not self.is_default_area:
            self.foreign_labels.update(
                dict.fromkeys(spec["value"]["name"] for spec in fields["specs"])
            )
            self.foreign_products += 1
        return self.page(item, parent, ProductPage)
