"""The company: name, welcome text, hotline, addresses and introduction (a site setting)."""

from pressroom.core.models import CompanyInfo
from pressroom.demo.data import Section, in_each_language, optional, text
from pressroom.demo.pictures import ensure_mark, ensure_wechat_qr

SHARED = {"hotline": text, "phone": text, "fax": text, "email": text}
FIELDS = {
    **SHARED,
    "icp_number": optional(text, ""),
    **in_each_language(name=text, welcome=text, address=text, intro=text),
}


def load_company(demo, records) -> int:
    (record,) = records
    fields = {name: record[name] for name in [*SHARED, "icp_number"]}
    fields |= record["zh"]
    fields |= {f"{name}_en": value for name, value in record["en"].items()}
    info = CompanyInfo.for_site(demo.site)
    changed = False
    for name, value in fields.items():
        if getattr(info, name) != value:
            setattr(info, name, value)
            changed = True
    if info.wechat_qr_id is None:
        info.wechat_qr = ensure_wechat_qr(demo.site.root_url + "/")
        changed = True
    if info.logo_id is None and info.favicon_id is None:
        info.logo = info.favicon = ensure_mark()
        changed = True
    if changed:
        info.save()
    return 0


SECTION = Section("company", "company.toml", FIELDS, load=load_company)
