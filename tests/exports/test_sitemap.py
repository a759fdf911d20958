import gzip

from generator.exports.sitemap import fix_sitemap

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url>
         <loc>https://x.example/</loc>
         <lastmod>2099-12-31</lastmod>
    </url>
    <url>
         <loc>https://x.example/services/relief-application/</loc>
         <lastmod>2099-12-31</lastmod>
    </url>
    <url>
         <loc>https://x.example/departments/civil-affairs/</loc>
         <lastmod>2099-12-31</lastmod>
    </url>
</urlset>"""


def test_lastmod_comes_from_records(tmp_path, fixture_catalogue):
    (tmp_path / "sitemap.xml").write_text(SITEMAP, "utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(SITEMAP.encode(), mtime=123456))
    assert fix_sitemap(tmp_path, fixture_catalogue)
    text = (tmp_path / "sitemap.xml").read_text("utf-8")
    assert "2099" not in text
    assert text.count("<lastmod>") == 3
    assert "<loc>https://x.example/services/relief-application/</loc>\n         <lastmod>2024-07-01</lastmod>" in text
    # The home page and the department: newest public change (the secret power's 2030 date never counts).
    assert text.count("<lastmod>2024-07-01</lastmod>") == 3
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert packed[4:8] == b"\0\0\0\0"  # gzip mtime field
    assert gzip.decompress(packed).decode() == text


def test_no_sitemap_is_fine(tmp_path, fixture_catalogue):
    assert not fix_sitemap(tmp_path, fixture_catalogue)
