"""Which part of a split build writes which page and file of the site.

A department part owns its departments' pages and files: each public record's page, chart and JSON, the department
and responsibility pages, the department's JSON, workbook and package. The site part owns everything else: home,
catalogues, categories, revisions, downloads of the whole catalogue, theme assets, the sitemap. A page or file a part
does not own is still known to the engine (so links to it resolve exactly as in a whole build) but neither rendered
nor written: SiteBundle.elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.catalogue import Catalogue


def department_paths(catalogue: Catalogue) -> dict[str, str]:
    """Site path → department, for every page and file that belongs to one department."""
    paths: dict[str, str] = {}
    for entry in catalogue.public():
        department = entry.department.id
        for path in (entry.url + ".md", f"data/{entry.kind}/{entry.id}.json", f"charts/{entry.id}.svg"):
            paths[path] = department
    for department in catalogue.departments:
        for path in (f"departments/{department}.md", f"responsibility/{department}.md", f"data/departments/{department}.json",
                     f"data/xlsx/{department}.xlsx", f"downloads/{department}.zip"):
            paths[path] = department
    return paths


@dataclass(frozen=True)
class Ownership:
    departments: frozenset[str] | None  # None: the site part
    by_path: dict[str, str] = field(repr=False)

    @classmethod
    def of(cls, catalogue: Catalogue, departments: frozenset[str] | None) -> Ownership:
        return cls(departments, department_paths(catalogue))

    def owns(self, path: str) -> bool:
        department = self.by_path.get(path)
        return department is None if self.departments is None else department in self.departments

    def owns_department(self, department: str) -> bool:
        return department in self.departments if self.departments is not None else False
