"""The demo's pictures: abstract illustrations drawn on first use, the same every time."""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

IMAGE_COUNT = 8
IMAGE_TITLE = "演示配图 {n}"
# Their title before the admin was all Chinese: a site loaded then gets them renamed.
OLD_IMAGE_TITLE = "Pressroom demo picture {n}"
PALETTES = [
    ("#0b5cab", "#7fb3e6"),
    ("#0f766e", "#99d6cf"),
    ("#7c3aed", "#c4b5fd"),
    ("#b45309", "#fcd34d"),
    ("#1f2937", "#94a3b8"),
    ("#be123c", "#fda4af"),
    ("#166534", "#86efac"),
    ("#1e3a8a", "#93c5fd"),
]


def draw_picture(n: int, size=(1200, 750)) -> bytes:
    """An abstract, deterministic illustration (pipes and flow lines) as JPEG bytes."""
    dark, light = PALETTES[n % len(PALETTES)]
    rng = random.Random(n)
    picture = PILImage.new("RGB", size, light)
    draw = ImageDraw.Draw(picture)
    width, height = size
    for y in range(height):  # vertical gradient
        mix = y / height
        draw.line([(0, y), (width, y)], fill=_blend(light, dark, mix * 0.6))
    for _ in range(6):  # flow lines
        amplitude, phase, base = (
            rng.randint(20, 90),
            rng.random() * 6.3,
            rng.randint(80, height - 80),
        )
        points = [
            (x, base + amplitude * math.sin(x / 140 + phase)) for x in range(0, width + 20, 20)
        ]
        draw.line(points, fill="#ffffff", width=rng.randint(3, 9))
    for _ in range(4):  # pipe joints
        cx, cy, r = (
            rng.randint(100, width - 100),
            rng.randint(100, height - 100),
            rng.randint(40, 110),
        )
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], outline=dark, width=14)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def _blend(a: str, b: str, t: float) -> tuple[int, int, int]:
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True))


def ensure_images() -> dict[int, object]:
    """The demo pictures by number (1 to IMAGE_COUNT), drawn and saved when missing."""
    Image = get_image_model()
    images = {}
    for n in range(1, IMAGE_COUNT + 1):
        title = IMAGE_TITLE.format(n=n)
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image.objects.filter(title=OLD_IMAGE_TITLE.format(n=n)).first()
            if image is not None:
                image.title = title
                image.save(update_fields=["title"])
        if image is None:
            data = io.BytesIO(draw_picture(n - 1))
            image = Image(title=title)
            image.file = ImageFile(data, name=f"demo-{n}.jpg")
            image.save()
        images[n] = image
    return images


PRODUCT_DRAWING_TITLE = "产品示意图 {model}"
STEEL, SHADOW, ACCENT, BACKGROUND = "#5b6b7c", "#3b4754", "#0b5cab", "#eef2f6"


def draw_product(kind: str, size=(800, 600)) -> bytes:
    """A plain line drawing of a pump or valve (an illustration, not a photo), as JPEG."""
    picture = PILImage.new("RGB", size, BACKGROUND)
    draw = ImageDraw.Draw(picture)
    width, height = size
    cx, cy = width // 2, height // 2 + 20
    draw.rectangle([80, height - 90, width - 80, height - 70], fill=SHADOW)  # floor line
    if kind in ("pump", "metering"):
        # A motor on the left, the pump casing on the right, one base under both.
        draw.rectangle([120, height - 120, width - 120, height - 90], fill=SHADOW)
        motor_right = cx + (0 if kind == "pump" else 40)
        draw.rounded_rectangle([140, cy - 110, motor_right, cy + 70], radius=24, fill=STEEL)
        for x in range(170, motor_right - 20, 28):  # cooling fins
            draw.line([(x, cy - 100), (x, cy + 60)], fill=SHADOW, width=6)
        if kind == "pump":
            draw.ellipse([cx + 20, cy - 140, cx + 240, cy + 80], fill=ACCENT)  # volute
            draw.ellipse([cx + 95, cy - 65, cx + 165, cy + 5], fill=BACKGROUND)
            draw.rectangle([cx + 200, cy - 190, cx + 250, cy - 100], fill=ACCENT)  # outlet
        else:
            draw.rectangle([cx + 40, cy - 60, cx + 150, cy + 40], fill=ACCENT)  # drive head
            draw.ellipse([cx + 140, cy - 110, cx + 260, cy + 90], fill=ACCENT)  # diaphragm head
            draw.rectangle([cx + 180, cy - 170, cx + 220, cy - 100], fill=STEEL)
            draw.rectangle([cx + 180, cy + 80, cx + 220, cy + 140], fill=STEEL)
    else:
        # A pipe through a valve body, flanges at both ends, an actuator or handle on top.
        draw.rectangle([100, cy - 40, width - 100, cy + 40], fill=STEEL)
        for x in (100, width - 130):
            draw.rectangle([x, cy - 90, x + 30, cy + 90], fill=SHADOW)
        if kind == "valve":
            draw.ellipse([cx - 110, cy - 90, cx + 110, cy + 90], fill=ACCENT)
            draw.rectangle([cx - 15, cy - 170, cx + 15, cy - 90], fill=SHADOW)  # stem
            draw.rounded_rectangle([cx - 90, cy - 270, cx + 90, cy - 170], radius=16, fill=STEEL)
        else:
            draw.rectangle([cx - 60, cy - 110, cx + 60, cy + 110], fill=ACCENT)
            draw.ellipse([cx - 40, cy - 40, cx + 40, cy + 40], outline=BACKGROUND, width=10)
            draw.rectangle([cx - 10, cy - 190, cx + 10, cy - 110], fill=SHADOW)
            draw.rounded_rectangle([cx - 150, cy - 210, cx + 40, cy - 185], radius=10, fill=SHADOW)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def ensure_product_drawing(kind: str, model: str, product_title: str):
    """The product's illustration (示意图), drawn and saved when missing; its title says what
    it is, so an editor never takes it for a photo."""
    Image = get_image_model()
    title = PRODUCT_DRAWING_TITLE.format(model=model)
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=f"{product_title}（示意图）")
        image.file = ImageFile(io.BytesIO(draw_product(kind)), name=f"product-{kind}.jpg")
        image.save()
    return image


SCENE_TITLE = "横幅示意图 {name}"
SCENES = ("factory", "pumps", "service")
# What each scene shows, for its title and description (both languages share them).
SCENE_NAMES = {"factory": "厂区", "pumps": "整机试验台", "service": "现场服务"}
SKY, GROUND, BRICK = "#dbe7f3", "#c9d3de", "#7d8fa3"


def draw_scene(kind: str, size=(1600, 600)) -> bytes:
    """A wide, plain illustration for a home-page banner: the works, a row of pumps on the
    test bench, or an engineer at a pump station. Drawn on the right, so the banner's text
    on the left stays readable."""
    picture = PILImage.new("RGB", size, SKY)
    draw = ImageDraw.Draw(picture)
    width, height = size
    floor = height - 110
    draw.rectangle([0, floor, width, height], fill=GROUND)
    if kind == "factory":
        # Halls with sawtooth roofs, an office block and a water tower.
        for n, left in enumerate(range(640, 1380, 250)):
            top = floor - 190 - 30 * (n % 2)
            draw.rectangle([left, top, left + 230, floor], fill=BRICK)
            for x in range(left, left + 230, 58):  # sawtooth roof
                draw.polygon([(x, top), (x + 58, top - 46), (x + 58, top)], fill=STEEL)
            for x in range(left + 18, left + 210, 48):  # windows
                draw.rectangle([x, top + 40, x + 30, top + 90], fill=SKY)
        draw.rectangle([1420, floor - 300, 1500, floor], fill=SHADOW)  # office block
        for y in range(floor - 280, floor - 20, 44):
            draw.rectangle([1434, y, 1486, y + 24], fill=SKY)
        draw.rectangle([560, floor - 330, 574, floor], fill=SHADOW)  # water tower
        draw.rectangle([600, floor - 330, 614, floor], fill=SHADOW)
        draw.ellipse([530, floor - 420, 644, floor - 320], fill=ACCENT)
    elif kind == "pumps":
        # Three pumps on a test bench joined by one pipe.
        draw.rectangle([600, floor - 40, 1520, floor], fill=SHADOW)  # bench
        draw.rectangle([600, floor - 250, 1520, floor - 222], fill=STEEL)  # manifold
        for left in (640, 940, 1240):
            draw.rounded_rectangle(
                [left, floor - 170, left + 150, floor - 50], radius=18, fill=STEEL
            )
            for x in range(left + 18, left + 140, 22):
                draw.line([(x, floor - 162), (x, floor - 58)], fill=SHADOW, width=5)
            draw.ellipse([left + 150, floor - 200, left + 270, floor - 50], fill=ACCENT)
            draw.ellipse([left + 190, floor - 150, left + 230, floor - 110], fill=SKY)
            draw.rectangle([left + 195, floor - 236, left + 225, floor - 196], fill=ACCENT)
    else:
        # A pump station: a pump on its base, a control cabinet and an engineer in a helmet.
        draw.rectangle([760, floor - 40, 1200, floor], fill=SHADOW)
        draw.rounded_rectangle([790, floor - 200, 990, floor - 40], radius=22, fill=STEEL)
        draw.ellipse([980, floor - 240, 1170, floor - 40], fill=ACCENT)
        draw.ellipse([1045, floor - 170, 1105, floor - 110], fill=SKY)
        draw.rectangle([1280, floor - 330, 1420, floor], fill=STEEL)  # cabinet
        for y in (floor - 300, floor - 260, floor - 220):
            draw.ellipse([1300, y, 1324, y + 24], fill=ACCENT if y == floor - 300 else SKY)
        cx = 1230  # the engineer
        draw.ellipse([cx - 26, floor - 300, cx + 26, floor - 248], fill="#e8b68f")  # head
        draw.chord([cx - 34, floor - 318, cx + 34, floor - 262], 180, 360, fill="#f2b705")
        draw.rounded_rectangle([cx - 36, floor - 244, cx + 36, floor - 120], radius=16, fill=ACCENT)
        draw.rectangle([cx - 30, floor - 120, cx - 6, floor], fill=SHADOW)
        draw.rectangle([cx + 6, floor - 120, cx + 30, floor], fill=SHADOW)
        draw.line([(cx - 30, floor - 220), (cx - 90, floor - 170)], fill=ACCENT, width=20)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def scene_picture(kind: str):
    """The drawn scene ``kind`` (厂区, 整机试验台, 现场服务), described as an illustration."""
    name = SCENE_NAMES[kind]
    return ensure_scene(kind, name, f"青禾流体{name}（示意图）")


def ensure_scene(kind: str, name: str, description: str):
    """A banner's illustration, drawn and saved when missing (titled 横幅示意图 …)."""
    Image = get_image_model()
    title = SCENE_TITLE.format(name=name)
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=description)
        image.file = ImageFile(io.BytesIO(draw_scene(kind)), name=f"banner-{kind}.jpg")
        image.save()
    return image


LOGO_TITLE = "合作单位标志示意 {n}"


def draw_logo(n: int, size=(480, 160)) -> bytes:
    """A made-up partner's mark: a shape and bars, no words (a stand-in, not a real logo)."""
    dark, _light = PALETTES[n % len(PALETTES)]
    picture = PILImage.new("RGB", size, "#ffffff")
    draw = ImageDraw.Draw(picture)
    shape = n % 3
    if shape == 0:
        draw.ellipse([30, 30, 130, 130], fill=dark)
    elif shape == 1:
        draw.rounded_rectangle([30, 30, 130, 130], radius=22, fill=dark)
    else:
        draw.polygon([(80, 25), (135, 130), (25, 130)], fill=dark)
    draw.rounded_rectangle([160, 52, 430, 76], radius=10, fill=dark)
    draw.rounded_rectangle([160, 92, 360, 108], radius=8, fill="#9aa5b1")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def ensure_logo(n: int, name: str):
    Image = get_image_model()
    title = LOGO_TITLE.format(n=n)
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=f"{name}（示意标志）")
        image.file = ImageFile(io.BytesIO(draw_logo(n)), name=f"partner-{n}.png")
        image.save()
    return image


SITE_TITLE = "案例示意图 {n}"
SITE_SKIES = ["#dbe7f3", "#e3efe6", "#efe8dc", "#e6e3f1", "#f1e3e3", "#e0eef0"]


def draw_site(n: int, size=(1200, 750)) -> bytes:
    """A project site for a case (an illustration): a building, tanks or a pipe rack, with
    pumps and valves; ``n`` (0-5) picks a different layout and colour for each case."""
    picture = PILImage.new("RGB", size, SITE_SKIES[n % len(SITE_SKIES)])
    draw = ImageDraw.Draw(picture)
    width, height = size
    floor = height - 140
    draw.rectangle([0, floor, width, height], fill=GROUND)
    rng = random.Random(1000 + n)
    if n % 3 == 0:  # a pump house with a row of pumps inside (cut-away)
        draw.rectangle([140, floor - 360, 1060, floor], fill=BRICK)
        draw.rectangle([170, floor - 330, 1030, floor - 10], fill="#f4f6f9")
        draw.polygon([(120, floor - 360), (600, floor - 470), (1080, floor - 360)], fill=STEEL)
        for x in range(220, 980, 200):
            draw.rounded_rectangle([x, floor - 120, x + 80, floor - 40], radius=10, fill=STEEL)
            draw.ellipse([x + 76, floor - 140, x + 156, floor - 40], fill=ACCENT)
            draw.rectangle([x + 104, floor - 300, x + 128, floor - 136], fill=SHADOW)
        draw.rectangle([170, floor - 310, 1030, floor - 288], fill=SHADOW)  # header pipe
    elif n % 3 == 1:  # tanks and a dosing skid
        for i, x in enumerate(range(140, 900, 250)):
            top = floor - 300 - rng.randint(0, 80)
            draw.rectangle([x, top, x + 170, floor], fill=STEEL if i % 2 else BRICK)
            draw.ellipse([x, top - 30, x + 170, top + 30], fill=SHADOW)
        draw.rectangle([900, floor - 90, 1120, floor], fill=SHADOW)  # skid
        for x in (920, 990, 1060):
            draw.ellipse([x, floor - 150, x + 50, floor - 90], fill=ACCENT)
        draw.line([(310, floor - 200), (900, floor - 200)], fill=ACCENT, width=14)
    else:  # a pipe rack with valves
        for x in range(120, 1100, 160):
            draw.rectangle([x, floor - 320, x + 18, floor], fill=SHADOW)
        for k, y in enumerate((floor - 300, floor - 220, floor - 140)):
            draw.rectangle([80, y, width - 80, y + 26], fill=STEEL if k != 1 else BRICK)
            for x in range(200 + 60 * k, 1050, 280):
                draw.ellipse([x, y - 24, x + 74, y + 50], fill=ACCENT)
                draw.rectangle([x + 30, y - 70, x + 44, y - 24], fill=SHADOW)
    if n >= 3:  # a second look: a truck at the gate
        draw.rectangle([40, floor - 90, 200, floor - 10], fill=ACCENT)
        draw.rectangle([200, floor - 60, 250, floor - 10], fill=STEEL)
        for x in (70, 190):
            draw.ellipse([x, floor - 30, x + 40, floor + 10], fill=SHADOW)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def ensure_site_drawing(n: int, description: str):
    Image = get_image_model()
    title = SITE_TITLE.format(n=n + 1)
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=description)
        image.file = ImageFile(io.BytesIO(draw_site(n)), name=f"case-{n + 1}.jpg")
        image.save()
    return image


CERTIFICATE_TITLE = "证书示意图 {n}"


def draw_certificate(n: int, size=(600, 840)) -> bytes:
    """A certificate as a drawing (no words, no real certificate): a border, a heading bar,
    lines of text and a seal; ``n`` picks the colours."""
    dark, light = PALETTES[n % len(PALETTES)]
    picture = PILImage.new("RGB", size, "#fffdf6")
    draw = ImageDraw.Draw(picture)
    width, height = size
    draw.rectangle([18, 18, width - 18, height - 18], outline=dark, width=10)
    draw.rectangle([36, 36, width - 36, height - 36], outline=light, width=4)
    draw.rounded_rectangle([140, 100, width - 140, 140], radius=12, fill=dark)
    for k, y in enumerate(range(210, 560, 46)):
        right = width - 90 - (k % 3) * 60
        draw.rounded_rectangle([90, y, right, y + 14], radius=7, fill="#c9ced6")
    draw.ellipse([width - 230, height - 260, width - 90, height - 120], outline="#c8102e", width=10)
    draw.ellipse([width - 190, height - 220, width - 130, height - 160], fill="#c8102e")
    draw.rounded_rectangle([90, height - 170, 280, height - 156], radius=7, fill="#c9ced6")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def ensure_certificate_drawing(n: int, description: str):
    Image = get_image_model()
    title = CERTIFICATE_TITLE.format(n=n + 1)
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title, description=description)
        image.file = ImageFile(io.BytesIO(draw_certificate(n)), name=f"certificate-{n + 1}.jpg")
        image.save()
    return image


MAP_TITLE = "位置示意图（演示）"


def draw_map(size=(1200, 500)) -> bytes:
    """A made-up street map with a pin (an illustration for the contact page, not a real
    place): blocks, two main roads, a river, the pin on the works."""
    picture = PILImage.new("RGB", size, "#eef1ec")
    draw = ImageDraw.Draw(picture)
    width, height = size
    for x in range(-40, width, 150):  # blocks between streets
        for y in range(-30, height, 110):
            draw.rounded_rectangle([x + 14, y + 14, x + 136, y + 96], radius=8, fill="#dde3da")
    draw.polygon(
        [
            (0, 380),
            (300, 350),
            (620, 410),
            (900, 360),
            (width, 390),
            (width, 440),
            (900, 410),
            (620, 460),
            (300, 400),
            (0, 430),
        ],
        fill="#b9d7ee",
    )  # the river
    draw.rectangle([0, 176, width, 204], fill="#ffffff")  # the main road
    draw.rectangle([548, 0, 576, height], fill="#ffffff")
    draw.rectangle([0, 186, width, 194], fill="#f4cf6b")
    draw.rectangle([558, 0, 566, height], fill="#f4cf6b")
    cx, cy = 700, 260  # the pin
    draw.ellipse([cx - 34, cy - 100, cx + 34, cy - 32], fill="#c8102e")
    draw.polygon([(cx - 30, cy - 56), (cx + 30, cy - 56), (cx, cy)], fill="#c8102e")
    draw.ellipse([cx - 13, cy - 79, cx + 13, cy - 53], fill="#ffffff")
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def ensure_map():
    """The demo contact page's map picture, drawn once."""
    Image = get_image_model()
    image = Image.objects.filter(title=MAP_TITLE).first()
    if image is None:
        image = Image(title=MAP_TITLE, description="演示公司位置的示意地图（虚构街道）")
        image.file = ImageFile(io.BytesIO(draw_map()), name="contact-map.png")
        image.save()
    return image


MARK_TITLE = "公司标志（演示）"


def draw_mark(size: int = 256) -> bytes:
    """The demo company's made-up mark: a water drop over a wave on a blue square, as PNG
    (square, so it serves as the logo beside the name and as the site icon)."""
    picture = PILImage.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    unit = size / 16
    draw.rounded_rectangle([0, 0, size - 1, size - 1], radius=int(3 * unit), fill=ACCENT)
    # The drop: a circle with a point above it.
    cx, cy, r = size / 2, 9 * unit, 3.6 * unit
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill="#ffffff")
    draw.polygon(
        [(cx, 2.4 * unit), (cx - r * 0.93, cy - r * 0.35), (cx + r * 0.93, cy - r * 0.35)],
        fill="#ffffff",
    )
    # The wave below it.
    points = [
        (x, 13.4 * unit + 0.7 * unit * math.sin(x / size * 2 * math.pi * 1.5))
        for x in range(int(2 * unit), int(14 * unit))
    ]
    draw.line(points, fill="#9cc8f2", width=max(2, int(unit * 0.9)))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def ensure_mark():
    """The demo company's mark, drawn once."""
    Image = get_image_model()
    image = Image.objects.filter(title=MARK_TITLE).first()
    if image is None:
        image = Image(title=MARK_TITLE, description="演示公司的标志（虚构）")
        image.file = ImageFile(io.BytesIO(draw_mark()), name="company-mark.png")
        image.save()
    return image


WECHAT_QR_TITLE = "微信二维码（演示）"


def ensure_wechat_qr(url: str):
    """The demo company's WeChat QR code: a QR code of the demo site's address (the demo has
    no WeChat account), made once."""
    import qrcode

    Image = get_image_model()
    image = Image.objects.filter(title=WECHAT_QR_TITLE).first()
    if image is None:
        code = qrcode.QRCode(border=2, box_size=10)
        code.add_data(url)
        buffer = io.BytesIO()
        code.make_image().save(buffer, "PNG")
        image = Image(title=WECHAT_QR_TITLE, description="演示站点地址的二维码")
        image.file = ImageFile(io.BytesIO(buffer.getvalue()), name="wechat-qr.png")
        image.save()
    return image
