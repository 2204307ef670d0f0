"""Pressroom's settings, loaded slowly: PRESSROOM_TEST_LOAD_SECONDS more than usual, as on a
busy machine where a worker spends seconds loading the site."""

import os
import time

from pressroom.settings import *  # noqa: F403

time.sleep(float(os.environ.get("PRESSROOM_TEST_LOAD_SECONDS", "0")))
