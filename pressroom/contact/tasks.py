"""Background tasks of the contact form, run by `pressroom db_worker --backend contact`."""

from django.dispatch import receiver
from django_tasks import task

from pressroom.contact import delivery
from pressroom.contact.signals import message_received


@task(backend="contact")
def deliver_message(message_id: int) -> str:
    """The first attempt to mail a message; retries come from `pressroom contact_sweep`."""
    return delivery.deliver(message_id)


@receiver(message_received)
def queue_delivery(sender, message_id: int, **kwargs) -> None:
    deliver_message.enqueue(message_id)
