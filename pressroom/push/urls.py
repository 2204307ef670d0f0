from django.urls import re_path

from pressroom.push import views

urlpatterns = [
    re_path(r"^(?P<key>[A-Za-z0-9-]{8,128})\.txt$", views.indexnow_key, name="indexnow_key"),
]
