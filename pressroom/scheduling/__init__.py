"""Scheduled publishing without cron: `pressroom scheduler`, started by `pressroom serve`."""
