"""`gongkai linkcheck`: check a built site for broken internal links and anchors (for CI, after `gongkai build`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.errors import ConfigError

SHOWN = 50  # a site broken everywhere would print thousands of lines; the first ones tell the editor enough


def run(args: argparse.Namespace) -> int:
    from generator.linkcheck import check_site

    if not (args.site / "index.html").is_file():
        raise ConfigError(f"{args.site} 不是生成好的站点（缺少 index.html）。请先运行 gongkai build。")
    broken = check_site(args.site, args.site_url)
    for link in broken[:SHOWN]:
        print(link, file=sys.stderr)
    if len(broken) > SHOWN:
        print(f"……另有 {len(broken) - SHOWN} 个未列出。", file=sys.stderr)
    pages = len({b.page for b in broken})
    print(f"{len(broken)} 个失效链接（{pages} 个页面）。" if broken else f"没有失效链接：{args.site}", file=sys.stderr)
    return 1 if broken else 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("linkcheck", help="检查生成的网站中有没有失效的内部链接和锚点")
    parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="生成的网站目录（默认 site）")
    parser.add_argument("--site-url", default=None,
                        help="网站的正式地址（如 https://example.gov.cn/gongkai/）：指向本站的完整网址也会检查")
    parser.set_defaults(run=run)
