"""Publishing a minutebook database with Datasette.

- `metadata`: titles, descriptions, facets, sort orders and canned queries
  (`build_metadata(database_name)`).
- `plugin`: the Datasette plugin (provenance links in HTML tables, the
  ``/-/minutebook/source/<document_id>`` route serving the imported file).
- `serve`: `minutebook serve DB [datasette options]`, read-only.
"""
