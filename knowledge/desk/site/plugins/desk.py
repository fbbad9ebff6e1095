"""Datasette hooks of the department desk (loaded by `komekshi browse` with --plugins-dir): cells as words and money,
the search box read by `knowledge.desk.cells.fts_query`, the "excel" export and the home page's links. The logic is in
knowledge.desk (cells, export, browse); this file only wires it to Datasette."""

from __future__ import annotations

from datasette import hookimpl

from knowledge.desk.browse import home_links
from knowledge.desk.cells import act_names, cell_text, fts_query, place_names
from knowledge.desk.export import excel_csv

PLACES: dict[str, str] = {}  # jurisdiction code → "Бөрлі ауданы / Бурлинский район"
ACTS: dict[str, str] = {}  # document id → "001 · № 6, 2026-01-06"


@hookimpl
async def startup(datasette) -> None:
    for name in datasette.databases:
        db = datasette.get_database(name)
        if "jurisdictions" in await db.table_names():
            rows = await db.execute("select code, name_kk, name_ru from jurisdictions")
            PLACES.update(place_names([tuple(row) for row in rows]))
        if "documents" in await db.table_names():
            rows = await db.execute("select id, number, date from documents")
            ACTS.update(act_names([dict(row) for row in rows]))


# trylast: Datasette registers its own escape_fts for every connection; this one must be registered after it.
@hookimpl(trylast=True)
def prepare_connection(conn) -> None:
    conn.create_function("escape_fts", 1, fts_query)


@hookimpl
def render_cell(value, column, table):
    return cell_text(table, column, value, PLACES, ACTS)


def desk_word(value, column: str):
    """A facet value as the desk's cells show it ("semi_stationary" → "жартылай стационар / полустационар")."""
    return cell_text(None, column, value, PLACES, ACTS) or value


@hookimpl
def prepare_jinja2_environment(env) -> None:
    env.filters["desk_word"] = desk_word


@hookimpl
def extra_template_vars(template, datasette):
    if template == "index.html":
        return {"desk_links": home_links(datasette.metadata())}
    return {}


async def render_excel(datasette, request, database, table, sql, query_name):
    """The page's rows, all of them (Datasette's own streamed CSV), as CSV that Excel opens on a Kazakh or Russian
    Windows: UTF-8 with a BOM, ";" between fields, decimal commas."""
    from datasette.utils.asgi import Response

    args = [(k, v) for k in request.args for v in request.args.getlist(k)
            if k not in {"_size", "_stream", "_next"}]
    path = request.path.rsplit(".", 1)[0] + ".csv"
    response = await datasette.client.get(path, params=[*args, ("_stream", "on"), ("_size", "max")])
    if response.status_code != 200:  # a bad filter or query: Datasette's own error, not a spreadsheet of it
        return Response(response.text, status=response.status_code,
                        content_type=response.headers.get("content-type", "text/plain"))
    name = (table or query_name or database) + ".csv"
    return Response(excel_csv(response.text), content_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}"'})


@hookimpl
def register_output_renderer(datasette):
    return {"extension": "excel", "render": render_excel, "can_render": lambda: True}
