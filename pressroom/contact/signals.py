"""What the contact form announces to the rest of the app."""

from django.dispatch import Signal

# A stored message is to be mailed: sent with ``message_id`` once the visitor has the
# thank-you page. pressroom.contact.tasks queues the delivery.
message_received = Signal()
