"""The values typed into a PDF form's fields (AcroForm), read with PDFium's form API.

A filled form's values live in its widget annotations, not in the page's text, so
PDFium's text page never shows them: an applicant's name typed into a form could not
be found.  Each text field, combo box and list box with a value gives one block on
its page, "label: value" (the label is the field's tooltip, else the last part of its
name: "applicant"); check boxes, radio buttons, buttons and signatures are left out
(their values are states, "Off" and "Yes", not text), as is a field whose value is
empty.  A value the same field shows on several widgets (a name repeated on each
page of the form) is read once.

Only the public ``pypdfium2.raw`` bindings of PDFium's C API are used, through
:meth:`pypdfium2.PdfDocument.init_forms` (which must run before any page is loaded:
:func:`open_forms`).
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: The field types whose value is text someone typed or chose.
_TEXT_FIELDS = (pdfium_c.FPDF_FORMFIELD_TEXTFIELD, pdfium_c.FPDF_FORMFIELD_COMBOBOX,
                pdfium_c.FPDF_FORMFIELD_LISTBOX)
#: Most fields read per file (a form is a few pages; more is not a form worth reading).
MAX_FIELDS = 2000


def open_forms(pdf: pdfium.PdfDocument) -> bool:
    """Set up PDFium's form environment when ``pdf`` has an AcroForm (before any of its
    pages is loaded); whether it has one."""
    if pdfium_c.FPDF_GetFormType(pdf.raw) not in (pdfium_c.FORMTYPE_ACRO_FORM,
                                                  pdfium_c.FORMTYPE_XFA_FOREGROUND):
        return False
    pdf.init_forms()
    return pdf.formenv is not None


def form_blocks(pdf: pdfium.PdfDocument, pages: int) -> list[tuple[str, str, int]]:
    """("body", "label: value", page) for each filled text field of the first
    ``pages`` pages (see the module), in page order."""
    out: list[tuple[str, str, int]] = []
    seen: set[tuple[str, str]] = set()
    form = pdf.formenv.raw
    for index in range(pages):
        page = pdf[index]
        try:
            for label, value in _page_fields(form, page):
                if (label, value) not in seen and len(seen) < MAX_FIELDS:
                    seen.add((label, value))
                    out.append(("body", f"{label}: {value}" if label else value, index + 1))
        finally:
            page.close()
    return out


def _page_fields(form, page: pdfium.PdfPage) -> list[tuple[str, str]]:
    fields = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_WIDGET or \
                    pdfium_c.FPDFAnnot_GetFormFieldType(form, annot) not in _TEXT_FIELDS:
                continue
            value = " ".join(_text(pdfium_c.FPDFAnnot_GetFormFieldValue, form, annot).split())
            if value:
                label = _text(pdfium_c.FPDFAnnot_GetFormFieldAlternateName, form, annot) or \
                    _text(pdfium_c.FPDFAnnot_GetFormFieldName, form, annot).rsplit(".", 1)[-1]
                fields.append((" ".join(label.replace("_", " ").split()), value))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return fields


def _text(function, form, annot) -> str:
    """A string PDFium writes as UTF-16LE into a buffer (asked for its size first)."""
    size = function(form, annot, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    function(form, annot, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw[:size - 2].decode("utf-16-le", errors="replace").strip()
