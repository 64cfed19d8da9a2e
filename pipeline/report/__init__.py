"""The people-facing read side: the report's data (data.py), charts (charts.py) and page (build.py)."""
