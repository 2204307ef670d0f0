"""What the SQLite and PostgreSQL ranked backends share."""


class PlainRankedCount:
    """Search results mixin: a plain ranked query is counted by the backend's own ranked
    compiler (the same single query that ranks it), anything else as Wagtail counts it."""

    def _do_count(self):
        compiler = self.query_compiler
        if isinstance(compiler, self.backend.query_compiler_class) and compiler.is_plain_ranked(
            self._score_field
        ):
            return compiler.count(compiler.get_config(self.backend))
        return super()._do_count()
