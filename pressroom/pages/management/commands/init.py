from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from pressroom.core.setup import ensure_admin, follow_base_url
from pressroom.core.static import collected_files_current
from pressroom.pages.setup import create_site_tree, translate_site_tree
from pressroom.security.roles import ensure_roles


class Command(BaseCommand):
    help = "Prepare a site: migrate the database, create the page tree and the first admin."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-static", action="store_true", help="Skip collecting static files."
        )
        parser.add_argument(
            "--password-file",
            type=Path,
            help="Without PRESSROOM_ADMIN_PASSWORD, give the first admin the password kept in "
            "this file (made, mode 0600, when missing) instead of printing a new one once.",
        )

    def handle(self, *args, password_file, **options):
        verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=max(verbosity - 1, 0))
        home = create_site_tree()
        translate_site_tree(home)
        ensure_roles()  # after the English tree exists: roles are granted on every home
        moved = follow_base_url()
        if not options["no_static"] and not collected_files_current():
            call_command("collectstatic", interactive=False, verbosity=0)
        account = ensure_admin(password_file)
        self.stdout.write(f"Site ready: home page “{home.title}”.")
        if moved:
            before, after = moved
            self.stdout.write(f"Site address: {after} (was {before}), from PRESSROOM_BASE_URL.")
        if not account.created:
            self.stdout.write(f"Admin user “{account.username}” exists already; unchanged.")
        elif account.source == "generated":
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin user created: {account.username} / password: {account.password}"
                )
            )
            self.stdout.write("The password is shown only this once.")
        elif account.source == "file":
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin user created: {account.username}; "
                    f"its password is kept in {password_file}."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin user created: {account.username}, "
                    "with the password from PRESSROOM_ADMIN_PASSWORD."
                )
            )
