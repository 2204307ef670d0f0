"""Static export: the public site as plain files (`pressroom export DIR`)."""
