"""Addresses crawlers look for at the root of a site, outside any language prefix."""

from django.urls import path

from pressroom.seo import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("llms.txt", views.llms_txt, name="llms_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<int:number>.xml", views.sitemap_section, name="sitemap_section"),
]
