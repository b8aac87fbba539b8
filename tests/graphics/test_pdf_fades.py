"""Fades in a PDF: "on or before / after" whiskers and the open sides of
spans must fade in every PDF reader.

Qt writes a gradient with alpha as an axial shading plus a soft mask, which
poppler and MuPDF draw solid ("≥ Johnson due in Poland" read as a known
multi-day span).  In a PDF the event layer draws each fade as rectangles of
stepped alpha instead: no shading pattern, many constant-alpha fills.
"""

from __future__ import annotations


def _export(tmp_path, bundled_path, name):
    from viewer.io import read_timeline
    from viewer.ui.export import PictureOptions, export_picture

    out = tmp_path / name
    export_picture(read_timeline(bundled_path), out, PictureOptions(size=(1600, 900)))
    return out


def test_pdf_fades_are_stepped_fills_not_alpha_gradients(tmp_path, bundled_path, qapp):
    import pypdf

    page = pypdf.PdfReader(str(_export(tmp_path, bundled_path, "brief.pdf"))).pages[0]
    resources = page["/Resources"]
    shadings = [name for name, ref in resources.get("/Pattern", {}).items()
                if "/Shading" in ref.get_object()]
    assert shadings == [], f"gradient patterns in the PDF: {shadings}"
    assert "/Shading" not in resources
    alphas = {float(ref.get_object().get("/ca", 1)) for ref in resources.get("/ExtGState", {}).values()}
    # 16 steps from 170 (whisker) and 16 from 70 (faint bar) down to nothing
    assert len({a for a in alphas if 0 < a < 0.7}) >= 16, sorted(alphas)


def test_svg_keeps_its_gradients(tmp_path, bundled_path, qapp):
    svg = _export(tmp_path, bundled_path, "brief.svg").read_text(encoding="utf-8")
    assert "linearGradient" in svg
