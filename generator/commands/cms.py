"""`gongkai cms`: write the form editor (the admin/ folder `build` puts on the site) for a chosen Git backend.

`build` derives the backend from mkdocs.yml's repo_url (GitHub, GitLab, or else Gitea); this command writes the
same folder for any backend, e.g. a self-hosted Gitea, or with a local decap-server for editing on one computer.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import replace
from pathlib import Path

from generator.commands.common import add_catalogue_options
from generator.errors import ConfigError, GongkaiError


def _backend(args: argparse.Namespace, derived):  # noqa: ANN001, ANN202 — cms.Backend | None
    from generator.cms.config import Backend

    if args.backend is None:
        return derived
    if not args.repo:
        raise ConfigError("指定 --backend 时必须同时指定 --repo（例如 county-gov/gongkai）。")
    if args.backend in ("gitea", "forgejo") and not args.base_url:
        raise ConfigError(f"{args.backend} 是自建服务：请用 --base-url 写明地址，例如 https://git.example.gov.cn。")
    return Backend(args.backend, args.repo, args.branch, args.base_url, args.app_id)


def run(args: argparse.Namespace) -> int:
    from generator.check import check_catalogue
    from generator.cms import admin_files, find_node_modules, project_for
    from generator.mkdocs_adapter.engine import site_options_from

    options = site_options_from(args.config)
    checked = check_catalogue(args.catalogue, args.flowcharts)
    departments = [(d.id, d.record.name) for d in checked.catalogue.departments.values()]
    if not departments:
        raise ConfigError(f"{args.catalogue} 中没有可用的部门（department.yaml）：请先用 gongkai check 改正错误。")
    project = project_for(args.catalogue, args.flowcharts, departments, options.edit_base, args.local_backend)
    project = replace(project, backend=_backend(args, project.backend))
    node_modules = find_node_modules(args.catalogue.resolve().parent)
    try:
        shutil.rmtree(args.out, ignore_errors=True)
        for path, content in admin_files(project, node_modules, options.site_name, checked.catalogue).items():
            (args.out / path).parent.mkdir(parents=True, exist_ok=True)
            (args.out / path).write_bytes(content)
    except OSError as exc:
        raise GongkaiError(f"无法写入 {args.out}：{exc.strerror}") from None
    backend = project.backend.name if project.backend else "本机 decap-server"
    print(f"已写入表单编辑器到 {args.out}（{len(departments)} 个部门，后端：{backend}）", file=sys.stderr)
    if node_modules is None:
        print(f"警告：{args.out}/index.html 提示脚本未安装：请运行 make install（需要 npm）。", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("cms", help="生成表单编辑器（网站的 /admin/），可指定 GitHub、GitLab 或 Gitea")
    add_catalogue_options(parser)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="站点配置（默认 mkdocs.yml）")
    parser.add_argument("--out", type=Path, default=Path("site/admin"), help="输出文件夹（默认 site/admin）")
    parser.add_argument("--backend", choices=("github", "gitlab", "gitea", "forgejo"), help="代码仓库服务（默认按 mkdocs.yml 的 repo_url）")
    parser.add_argument("--repo", help="仓库，例如 county-gov/gongkai")
    parser.add_argument("--branch", default="main", help="目标分支（默认 main）")
    parser.add_argument("--base-url", help="自建 GitLab、Gitea、Forgejo 的地址；GitHub 则为登录用的 OAuth 服务地址")
    parser.add_argument("--app-id", help="OAuth 应用的 Client ID（GitLab、Gitea 登录用）")
    parser.add_argument("--local-backend", help="本机 decap-server 的地址，例如 http://localhost:8081/api/v1")
    parser.set_defaults(run=run)
