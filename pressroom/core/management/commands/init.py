from django.core.management import call_command
from django.core.management.base import BaseCommand

from pressroom.core.setup import create_site_tree, ensure_admin
from pressroom.i18n.tree import translate_site_tree
from pressroom.security.roles import ensure_roles


class Command(BaseCommand):
    help = "Prepare a site: migrate the database, create the page tree and the first admin."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-static", action="store_true", help="Skip collecting static files."
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        home = create_site_tree()
        translate_site_tree(home)
        ensure_roles()  # after the English tree exists: roles are granted on every home
        if not options["no_static"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        account = ensure_admin()
        self.stdout.write(f"Site ready: home page “{home.title}”.")
        if account.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin user created: {account.username} / password: {account.password}"
                )
            )
            self.stdout.write("The password is shown only this once.")
        else:
            self.stdout.write(f"Admin user “{account.username}” exists already; unchanged.")
