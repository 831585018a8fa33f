"""The placeholder texts `book init` writes, in each language it has them
for: neutral, and each saying what to replace. A book whose source language
has none here gets the English ones; a target edition with none here gets
an untranslated catalog."""

from __future__ import annotations

TEXTS = {
    "vi": {
        "subtitle": "Phụ đề của sách: thay bằng phụ đề thật",
        "publisher": "Tên nhà xuất bản",
        "chapter_title": "Chương thứ nhất",
        "intro": "Lời dẫn của chương: vài câu giới thiệu những bức ảnh tiếp theo. Thay bằng lời dẫn của bạn.",
        "credits_heading": "Ảnh trong sách",
        "caption": "Chú thích ảnh {n}: ảnh chụp gì, ở đâu, khi nào. Thay content/photos/{file} bằng ảnh thật và viết chú thích ở đây.",
        "place": "Địa điểm",
        "credit": "Tên tác giả",
        "back_text": "Lời ở bìa sau: vài câu giới thiệu cuốn sách. Thay bằng lời của bạn.",
        "labels": {
            "chapter": "Chương {number}", "credit": "Ảnh: {credit}", "page": "tr. {page}", "pages": "tr. {pages}",
            "positions": {"top": "trên", "bottom": "dưới", "left": "trái", "right": "phải", "top_left": "trên trái",
                          "top_right": "trên phải", "bottom_left": "dưới trái", "bottom_right": "dưới phải", "centre": "giữa"},
        },
    },
    "en": {
        "subtitle": "The book's subtitle: replace it with yours",
        "publisher": "Publisher's name",
        "chapter_title": "The first chapter",
        "intro": "The chapter's introduction: a few sentences about the photos that follow. Replace it with yours.",
        "credits_heading": "Photographs",
        "caption": "Caption of photo {n}: what it shows, where and when. Replace content/photos/{file} with a real photo and write its caption here.",
        "place": "Place",
        "credit": "Photographer's name",
        "back_text": "The back cover's text: a few sentences about the book. Replace it with yours.",
        "labels": {
            "chapter": "Chapter {number}", "credit": "Photo: {credit}", "page": "p. {page}", "pages": "pp. {pages}",
            "positions": {"top": "top", "bottom": "bottom", "left": "left", "right": "right", "top_left": "top left",
                          "top_right": "top right", "bottom_left": "bottom left", "bottom_right": "bottom right", "centre": "centre"},
        },
    },
}


def texts_for(lang: str) -> dict:
    """The placeholder texts a book in source language ``lang`` is written with."""
    return TEXTS.get(lang, TEXTS["en"])
