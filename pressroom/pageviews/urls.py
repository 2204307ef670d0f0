from django.urls import path

from pressroom.pageviews import views

urlpatterns = [path("views/<int:page_id>/", views.beacon, name="pageviews_beacon")]
