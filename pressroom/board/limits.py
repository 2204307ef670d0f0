"""How long each part of a question may be (the model's columns and the form's limits)."""

NAME_MAX = 100
EMAIL_MAX = 254
TEXT_MAX = 2000
REPLY_MAX = 5000
