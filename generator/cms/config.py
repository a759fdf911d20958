"""Decap CMS configuration: one form per record kind for one department, from the models' JSON Schema.

Each department gets its own configuration (admin/config/<id>.json): its powers, fee bases and service items,
its own department file, and the procedure templates its records point to. An editor sees only the folder she is
responsible for, and CODEOWNERS still decides who may approve the pull request.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator.cms.fields import Links, fields_of
from generator.editor.kinds import BY_FOLDER, KINDS, Kind
from generator.editor.schema import schema_for

LOCALE = "zh_Hans"  # Decap CMS's Simplified Chinese interface
FORMAT_PREFIX = "gongkai-"  # custom formats registered by gongkai-cms.js, one per kind: gongkai-power, …
# Decap opens one pull request per entry (editorial workflow) on GitHub, GitLab and Forgejo; its Gitea backend has
# no workflow, so there saves go to the configured branch (a drafts branch with one pull request: docs in cms-setup).
PUBLISH_MODES = {"github": "editorial_workflow", "gitlab": "editorial_workflow", "forgejo": "editorial_workflow",
                 "gitea": "simple"}
BACKENDS = tuple(PUBLISH_MODES)
API_PATHS = {"gitlab": "/api/v4", "gitea": "/api/v1", "forgejo": "/api/v1"}


@dataclass(frozen=True)
class Backend:
    """Where the CMS reads and writes: GitHub, GitLab, Gitea or Forgejo."""

    name: str  # one of BACKENDS
    repo: str  # owner/name
    branch: str = "main"
    # GitLab, Gitea, Forgejo: the server (self-hosted, e.g. https://git.example.gov.cn); GitHub: the OAuth server
    # that logs editors in (GitHub has no login from the browser alone)
    base_url: str | None = None
    app_id: str | None = None  # the OAuth application's client id (GitLab, Gitea and Forgejo log in with PKCE)

    def settings(self) -> dict[str, Any]:
        found: dict[str, Any] = {"name": self.name, "repo": self.repo, "branch": self.branch}
        if self.name == "gitlab":
            found["auth_type"] = "pkce"
        if self.base_url:
            base = self.base_url.rstrip("/")
            found["base_url"] = base
            if self.name in API_PATHS:
                found["api_root"] = base + API_PATHS[self.name]
        if self.app_id:
            found["app_id"] = self.app_id
        if PUBLISH_MODES[self.name] == "editorial_workflow":
            found["cms_label_prefix"] = "cms/"
        return found


def backend_from_edit_base(edit_base: str | None) -> Backend | None:
    """The backend the site's "edit this record" links point to (mkdocs.yml repo_url + edit_uri)."""
    if not edit_base:
        return None
    parts = urlsplit(edit_base)
    path = [p for p in parts.path.split("/") if p]
    if len(path) < 2:
        return None
    branch = path[3] if len(path) > 3 and path[2] in ("edit", "blob", "_edit") else "main"
    if len(path) > 4 and path[2] == "-":  # GitLab: /owner/name/-/edit/main/
        branch = path[4]
    host = parts.hostname or ""
    if host == "github.com":
        return Backend("github", f"{path[0]}/{path[1]}", branch)
    base = f"{parts.scheme}://{parts.netloc}"
    if "gitlab" in host:
        return Backend("gitlab", f"{path[0]}/{path[1]}", branch, None if host == "gitlab.com" else base)
    return Backend("gitea", f"{path[0]}/{path[1]}", branch, base)


@dataclass(frozen=True)
class Project:
    """What the configuration needs to know about the project."""

    departments: tuple[tuple[str, str], ...]  # (id, name), in catalogue order
    backend: Backend | None
    site_url: str | None = None
    catalogue: str = "catalogue"  # folders relative to the repository root
    flowcharts: str = "flowcharts"
    local_backend: str | None = None  # decap-server's URL; Decap uses it only when the CMS is opened on localhost


def format_name(kind: Kind) -> str:
    return FORMAT_PREFIX + kind.name


@functools.cache
def _schema(kind: Kind) -> dict[str, Any]:
    """One schema per kind for all departments' configs (pydantic makes it anew on each call: 8 s for 80 departments)."""
    return schema_for(kind)


def kind_fields(kind: Kind, links: Links | None) -> list[dict[str, Any]]:
    schema = _schema(kind)  # read, never changed: fields_of copies what it adapts
    return fields_of(schema, schema.get("$defs", {}), links)


def _folder_collection(kind: Kind, folder: str, links: Links | None, project: Project) -> dict[str, Any]:
    found: dict[str, Any] = {
        "name": kind.folder or kind.name, "label": kind.label, "label_singular": kind.label,
        "folder": folder, "extension": "yaml", "format": format_name(kind),
        "identifier_field": "id", "slug": "{{id}}", "summary": "{{name}}",
        "create": True, "fields": kind_fields(kind, links),
    }
    if kind.folder:
        found["preview_path"] = f"{kind.folder}/{{{{slug}}}}/"
        found["sortable_fields"] = ["name", "changed_on"]
    return found


def department_config(department: tuple[str, str], project: Project) -> dict[str, Any]:
    """The whole CMS configuration for one department's editors."""
    dep_id, dep_name = department
    links = Links(department)
    collections = [
        _folder_collection(kind, f"{project.catalogue}/{dep_id}/{kind.folder}", links, project)
        for kind in BY_FOLDER.values()  # one collection per folder (a secret power shares `powers/`)
    ]
    department_kind = KINDS["department"]
    collections.append({
        "name": "department", "label": "部门信息", "format": format_name(department_kind), "extension": "yaml",
        "files": [{"name": dep_id, "label": dep_name, "file": f"{project.catalogue}/{dep_id}/department.yaml",
                   "fields": kind_fields(department_kind, links)}],
    })
    procedures = _folder_collection(KINDS["procedure"], project.flowcharts, links, project)
    procedures.update({"name": "procedures", "create": False, "delete": False})
    collections.append(procedures)
    config: dict[str, Any] = {
        "locale": LOCALE,
        "load_config_file": False,
        "media_folder": "content/assets/cms",  # required by Decap; records have no uploads
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections,
    }
    if project.backend:
        config["backend"] = project.backend.settings()
        config["publish_mode"] = PUBLISH_MODES[project.backend.name]
    else:
        config["backend"] = {"name": "proxy", "proxy_url": project.local_backend or "http://localhost:8081/api/v1"}
        config["publish_mode"] = "editorial_workflow"
    if project.local_backend or project.backend:
        config["local_backend"] = {"url": project.local_backend} if project.local_backend else True
    if project.site_url:
        config["site_url"] = config["display_url"] = project.site_url
    return config


def all_configs(project: Project) -> dict[str, dict[str, Any]]:
    """Department id → configuration."""
    return {dep[0]: department_config(dep, project) for dep in project.departments}
