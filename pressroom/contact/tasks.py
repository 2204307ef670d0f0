"""Background tasks of the contact form, run by `pressroom db_worker --backend contact`."""

from django_tasks import task

from pressroom.contact import delivery


@task(backend="contact")
def deliver_message(message_id: int) -> str:
    """The first attempt to mail a message; retries come from `pressroom contact_sweep`."""
    return delivery.deliver(message_id)
