"""One JSON object per log line, for log collectors (PRESSROOM_LOG_FORMAT=json).

python-json-logger does the work: every ``extra`` field is kept (values JSON cannot hold are
converted), the exception is formatted, the time is UTC. This class only names the fields as
our logs always have (``time``, ``level``, ``logger``, ``message``, ``exception``), keeps
Chinese readable, and turns the ``request`` that Django's request logger passes into its
``method`` and ``path``.
"""

from pythonjsonlogger.json import JsonFormatter as LibraryJsonFormatter


class JsonFormatter(LibraryJsonFormatter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", ["levelname", "name", "message"])
        kwargs.setdefault(
            "rename_fields", {"levelname": "level", "name": "logger", "exc_info": "exception"}
        )
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(*args, **kwargs)

    def process_log_record(self, log_data):
        request = log_data.pop("request", None)
        if request is not None:  # django.request passes the request object itself
            log_data["method"] = getattr(request, "method", None)
            log_data["path"] = getattr(request, "path", None)
        return {"time": log_data.pop("time"), **log_data}
