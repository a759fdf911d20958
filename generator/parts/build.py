"""`gongkai build --part K/N`: one part of a split build, into its own folder (PART_FILE says which)."""

from __future__ import annotations

from generator.build import BuildRequest, check_site_out, engine_build, search_cache, site_options_for, staged
from generator.cache import inputs_digest
from generator.compile import Compiled, PartView, compile_catalogue
from generator.errors import CatalogueError, ConfigError
from generator.exports.sitemap import fix_sitemap
from generator.exports.whole import write_fragments
from generator.output import check_replaceable
from generator.parts.output import PART_FILE, PartInfo, keep_only, page_output
from generator.parts.plan import Plan, PartSpec, department_files, make_plan, read_plan
from generator.search.index import bundle_name, index_site
from generator.search.sets import write_sets


def check_and_plan(request: BuildRequest, count: int, digest: str | None = None) -> Plan:
    """Check the whole catalogue (CatalogueError when it fails) and split it into `count` department parts."""
    from generator.check import check_catalogue

    checked = check_catalogue(request.catalogue, request.flowcharts, strict=request.strict)
    if checked.failed(request.strict):
        raise CatalogueError(checked.diagnostics)
    digest = digest or inputs_digest(request.catalogue, request.flowcharts)
    return make_plan(checked.catalogue, request.catalogue, count, digest, request.strict)


def part_plan(request: BuildRequest, spec: PartSpec) -> Plan:
    """The check job's plan, after making sure it was made from these very files; else a check and plan here."""
    digest = inputs_digest(request.catalogue, request.flowcharts)
    if request.plan is None:
        plan = check_and_plan(request, spec.count, digest)
    else:
        plan = read_plan(request.plan)
        if plan.digest != digest:
            raise ConfigError(f"分部构建计划 {request.plan} 不是由当前的记录、流程模板和程序生成的（检查之后文件有改动，或计划来自另一次提交）。"
                              "请在同一次提交上重新运行 gongkai parts，再生成各分部。")
        if request.strict and not plan.strict:
            raise ConfigError(f"分部构建计划 {request.plan} 是在非严格模式下检查的，而本次构建要求 --strict：请用 gongkai parts --strict 重新生成计划。")
    if plan.count != spec.count:
        raise ConfigError(f"分部构建计划把目录分为 {plan.count} 个分部，而 --part 写的是 {spec}：请用 --part K/{plan.count}。")
    return plan


def build_part(request: BuildRequest) -> Compiled:
    assert request.part is not None
    spec = PartSpec.parse(request.part)
    if request.engine != "mkdocs":  # only the MkDocs adapter knows pages written by another part (bundle.elsewhere)
        raise ConfigError(f"分部构建（--part）目前只支持 mkdocs 引擎，不支持 --engine {request.engine}：请去掉 --engine，或整站构建。")
    check_site_out(request.out, request.catalogue, request.config_file, request.flowcharts, request.engine)
    check_replaceable(request.out, ("index.html", PART_FILE))
    plan = part_plan(request, spec)
    departments = None if spec.is_site else frozenset(plan.departments[spec.index - 1])
    view = PartView(plan.files_of(spec, department_files(request.catalogue)), departments)
    compiled = compile_catalogue(request.catalogue, site_options_for(request.config_file, request.engine), request.flowcharts,
                                 request.strict, view)
    with staged(request.out) as staging:
        engine_build(compiled, request, staging.site)
        if spec.is_site:
            fix_sitemap(staging.site, compiled.checked.catalogue)  # the whole catalogue's sitemap, lastmod from records
        else:
            owned = {page_output(path) for path in compiled.bundle.pages if compiled.owns(path)}
            keep_only(staging.site, owned | {path for path in compiled.bundle.files if compiled.owns(path)})
        if compiled.fragments is not None:  # assemble joins every part's into the whole catalogue's downloads
            write_fragments(staging.site, compiled.fragments)
        # Each part indexes the record-folder pages it wrote (the site part: abolished records' pages).
        report = index_site(staging.site, cache_dir=search_cache(request.catalogue), whole=False)
        bundles = [bundle_name(number) for number in range(report.shards)] if report.bundle else []
        if bundles:  # assembly lists it when the whole site is large enough, else drops it
            write_sets(staging.site, bundles, spec.index)
        (staging.site / PART_FILE).write_text(PartInfo(spec, plan.digest, tuple(bundles)).dumps(), encoding="utf-8")
        staging.commit()
    return compiled
