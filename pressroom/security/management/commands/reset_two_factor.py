import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from pressroom.security.two_factor import remove_devices

logger = logging.getLogger("pressroom.security")


class Command(BaseCommand):
    help = (
        "Remove a user's two-factor authenticator and backup codes (a lost phone). They sign "
        "in with the password alone, and set it up again (at once if PRESSROOM_REQUIRE_2FA is on)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        removed = remove_devices(user)
        logger.warning(
            "two-factor sign-in reset for %r from the command line (%d devices removed)",
            username[:150],
            removed,
            extra={"event": "two_factor_reset"},
        )
        if removed:
            self.stdout.write(
                f"Two-factor sign-in removed for {username}: they can sign in with the "
                "password and set it up again."
            )
        else:
            self.stdout.write(f"{username} had no two-factor sign-in set up; nothing changed.")
