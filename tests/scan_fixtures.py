"""Scanned pages made on the spot, for the OCR tests and ``benchmarks/bench_ocr.py``.

A page is typeset with Pillow in a real font (Noto CJK from Debian's
``fonts-noto-cjk``; DejaVu for English when present), then made to look scanned:
turned by a few degrees, speckled with dust, blurred a little, at 150 to 300 dpi.
The texts are real: English from the bundled corpus, simplified Chinese, Korean
and Japanese from the HTML fixtures and extraction pages of this repository, and
a traditional-Chinese news text written for this purpose (no fixture has one).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
DEJAVU_SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
#: The face of NotoSerifCJK-Regular.ttc for each language (JP, KR, SC, TC).
_CJK_INDEX = {"ja": 0, "ko": 1, "zh-Hans": 2, "zh-Hant": 3, "en": 2}

TEXTS: dict[str, list[str]] = {
    "en": [
        "Chinese President Xi Jinping requested President Yoon Seok-yeol to visit China at "
        "the Korea-China summit on the 15th. Previously, Xi had invited Yoon to visit China "
        "at a convenient time during the APEC summit in San Francisco last year.",
        "At the Camp David Summit on Aug. 18, the United States, Japan, and South Korea inked "
        "the Camp David Principles, aiming to elevate collaboration in the arenas of security, "
        "economy, and technology.",
        "Analysts in Seoul were cautious. One researcher said the process could survive a "
        "change of government only if parliament endorsed it, while another argued that "
        "informal channels had always mattered more than formal frameworks.",
    ],
    "ko": [
        "박진 외교부 장관과 왕이 중국 외교부장이 7일 서울에서 회담을 열고 양국 관계의 안정적 "
        "관리와 고위급 교류 확대에 뜻을 모았다. 양국 외교장관이 대면 회담을 한 것은 약 1년 만이다.",
        "두 장관은 요소수 사태 이후 불거진 공급망 불안과 관련해 조기경보 체계를 강화하기로 했다. "
        "또 코로나19 이후 줄어든 항공편과 단체관광을 정상화하기로 했다.",
        "다만 시진핑 국가주석의 방한 문제는 이번에도 구체적인 진전이 없었다. 한 전문가는 양국이 "
        "당장 큰 성과보다 소통 채널을 복원하는 데 의미를 둔 회담이라고 평가했다.",
    ],
    "zh-Hans": [
        "本网杭州5月14日电 中韩两国外交部门13日在杭州举行新一轮战略对话。双方就双边关系、地区形势"
        "以及共同关心的国际问题深入交换意见，同意保持高层交往势头，加强各层级沟通。",
        "中方表示，中韩是近邻，也是重要合作伙伴，两国关系保持健康稳定发展符合双方共同利益。",
        "记者昨日从市交通运输局获悉，从本月十五日起，全市夜间公交线路将由目前的十二条增加到二十条，"
        "覆盖范围扩展到东部新区和南部高校园区。",
    ],
    "zh-Hant": [
        "韓國總統府昨日表示，兩國外交部長將於下月在首爾舉行會談，討論經濟合作與區域安全問題。"
        "雙方同意繼續維持高層對話，並擴大青年與文化交流。",
        "專家認為，這次會談對穩定兩國關係具有重要意義，但在朝鮮半島問題上的分歧依然存在。"
        "政府發言人說，雙方將透過外交管道商定具體日期。",
        "臺北市政府宣布，從本月起延長捷運營運時間，週末將開放至凌晨兩點，以滿足夜間通勤的需求。",
    ],
    "ja": [
        "先週の土曜日、久しぶりに京都へ出かけて、昔から気になっていた古い喫茶店を三軒まわって"
        "みました。朝早い新幹線に乗ったので、九時前には四条のあたりに着いていました。",
        "最初に入ったのは、創業七十年になるという小さな店です。木のカウンターは長年の手のあとで"
        "黒く光り、奥の棚には古いレコードがぎっしり並んでいました。",
        "二軒目は、川沿いにある洋館風の喫茶店です。天井が高く、ステンドグラスから差し込む光が"
        "床に色とりどりの模様を描いていました。",
    ],
}
LANGUAGES = tuple(TEXTS)


def fonts_available() -> bool:
    """True when the CJK font the pages are typeset in is installed."""
    return NOTO_CJK.exists()


def _font(lang: str, px: int):
    from PIL import ImageFont

    if lang == "en" and DEJAVU_SERIF.exists():
        return ImageFont.truetype(str(DEJAVU_SERIF), px)
    return ImageFont.truetype(str(NOTO_CJK), px, index=_CJK_INDEX[lang])


def _wrap(text: str, font, width: int, cjk: bool) -> list[str]:
    """Lines no wider than ``width`` pixels: at spaces, or anywhere in CJK text."""
    units = list(text) if cjk else text.split(" ")
    sep = "" if cjk else " "
    lines, line = [], ""
    for unit in units:
        trial = f"{line}{sep}{unit}" if line else unit
        if font.getlength(trial) > width and line:
            lines.append(line)
            line = unit.lstrip() if cjk else unit
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def render_page(paragraphs: list[str], lang: str, dpi: int = 300, skew: float = 0.0,
                speckle: float = 0.0, seed: int = 0, size_pt: float = 12.0):
    """A scanned-looking A4 page (a greyscale Pillow image) holding ``paragraphs``:
    ``skew`` degrees turned, ``speckle`` the share of pixels turned into dust."""
    from PIL import Image, ImageDraw, ImageFilter

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    page = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(page)
    px = round(size_pt * dpi / 72)
    font = _font(lang, px)
    margin = int(dpi)
    y = margin
    for para in paragraphs:
        for line in _wrap(para, font, width - 2 * margin, cjk=lang != "en"):
            draw.text((margin, y), line, font=font, fill=20)
            y += int(px * 1.6)
        y += int(px * 1.2)
    if skew:
        page = page.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=250)
    if speckle:
        rng = random.Random(seed)
        pixels = page.load()
        dots = int(width * height * speckle / 4)
        for _ in range(dots):  # specks of 1-2 pixels
            x, yy = rng.randrange(width - 2), rng.randrange(height - 2)
            for dx in range(rng.choice((1, 2))):
                for dy in range(rng.choice((1, 2))):
                    pixels[x + dx, yy + dy] = 30
    return page.filter(ImageFilter.GaussianBlur(0.6 * dpi / 300))


def page_text(lang: str, paragraphs: list[str] | None = None) -> str:
    """The text a page of ``lang`` holds (its ground truth)."""
    return "\n".join(paragraphs if paragraphs is not None else TEXTS[lang])


def image_bytes(image, fmt: str = "PNG", dpi: int = 300) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, dpi=(dpi, dpi))
    return buf.getvalue()


def scanned_pdf(path: Path, images: list, dpi: int = 300) -> Path:
    """A PDF of page images only (no text layer), as a scanner makes it."""
    first, *rest = [im.convert("L") for im in images]
    first.save(path, "PDF", save_all=True, append_images=rest, resolution=float(dpi))
    return path


def mixed_pdf(path: Path, typed: list[str], scanned, dpi: int = 200) -> Path:
    """Page 1 typed (a text layer holding ``typed``), page 2 the image ``scanned``
    only, page 3 typed again: a report with a scanned annex in the middle."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    for page, paras in ((1, typed[: len(typed) // 2 or 1]), (3, typed[len(typed) // 2 or 1:])):
        if page == 3:
            c.drawImage(ImageReader(scanned.convert("L")), 0, 0, width=w, height=h)
            c.showPage()
        y = h - 72
        for para in paras:
            words, line = para.split(), ""
            for word in words:
                if c.stringWidth(f"{line} {word}", "Helvetica", 11) > w - 144:
                    c.setFont("Helvetica", 11)
                    c.drawString(72, y, line)
                    y -= 15
                    line = word
                else:
                    line = f"{line} {word}".strip()
            c.setFont("Helvetica", 11)
            c.drawString(72, y, line)
            y -= 26
        c.showPage()
    c.save()
    return path
